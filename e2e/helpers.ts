import type { Page } from "@playwright/test";

/** Other specs upload articles in parallel, so the demo story is found by its outlets, not its position. */
export async function openDemoStory(page: Page): Promise<void> {
  await page.goto("/");
  const card = page
    .getByRole("list", { name: "Stories" })
    .getByRole("listitem")
    .filter({ hasText: "The Kyiv Independent" })
    .filter({ hasText: "Republic World" });
  await card.getByRole("link").first().click();
  await page.waitForURL(/\/stories\/[a-z0-9-]+$/);
}

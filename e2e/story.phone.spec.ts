import { expect, test } from "@playwright/test";
import { openDemoStory } from "./helpers";

test("the seed story reads on a phone: two outlets side by side, claims aligned", async ({ page }) => {
  await page.goto("/");
  await openDemoStory(page);
  await expect(page.getByRole("heading", { name: "Shared claims" })).toBeVisible();
  const row = page.locator("li.claim-row").filter({ hasText: "National Resistance Centre has claimed" });
  await expect(row).toBeVisible();
  // Both outlets' sentences fit within the screen width (no horizontal scrolling for the row).
  const box = await row.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.width).toBeLessThanOrEqual(viewport.width);
  await page.screenshot({ path: "test-results/screenshots/story-phone.png", fullPage: true });
});

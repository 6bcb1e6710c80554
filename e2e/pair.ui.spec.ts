import { expect, test } from "@playwright/test";
import { postFerryStory } from "./helpers";

// A story with more outlets than fit side by side: two are shown in full, the reader picks which.
test("a story with four outlets compares a chosen pair and summarises the rest", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const { path, articles } = await postFerryStory(request, (o) => `${o} ${tag}`, tag);
  test.skip(articles.length < 4, "clustering put the variants in separate stories; covered by the stories benchmark");
  await page.goto(path);
  const headers = page.getByRole("group", { name: "Articles" });
  await expect(headers.locator("[data-article]")).toHaveCount(2);
  await expect(page.getByText("Also in this story:")).toBeVisible();
  const first = page.getByLabel("First outlet");
  const second = page.getByLabel("Second outlet");
  await first.selectOption({ label: `Coastal Times ${tag}` });
  await second.selectOption({ label: `Harbour Herald ${tag}` });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]a=.*&b=/);
  await expect(headers).toContainText(`Coastal Times ${tag}`);
  await expect(headers).toContainText(`Harbour Herald ${tag}`);
  await expect(headers).not.toContainText(`Ferry Gazette ${tag}`);
});

test("a shared link to any claim shows that claim, even one past the page's first screenfuls", async ({ page, request }) => {
  const { stories } = await (await request.get("/api/stories?limit=100")).json();
  const demo = stories.find((s: { outlets: { name: string }[] }) => s.outlets.some((o) => o.name === "The Kyiv Independent"));
  const story = await (await request.get(`/api/stories/${demo.slug}`)).json();
  const only = story.comparison.onlyIn.flatMap((o: { claims: { id: string; anchor: string; sentences: { text: string }[] }[] }) => o.claims);
  const last = only.at(-1);
  await page.goto(`/stories/${demo.slug}?claim=${last.id}#${last.anchor}`);
  const row = page.locator(`[id="${last.anchor}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(last.sentences[0].text.slice(0, 40));
});

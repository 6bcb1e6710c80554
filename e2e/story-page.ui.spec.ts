import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { openDemoStory } from "./helpers";

// The story page is served without hydrating React (pages/stories/[slug].tsx): plain HTML, GET forms and
// links, plus one small inline script for the share button and the editor forms.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A one-article story about an invented town, so no other test's story can absorb it. */
async function newStory(request: APIRequestContext, town: string): Promise<{ slug: string; articleId: string }> {
  const text =
    `Floodgates close in ${town} as river rises\n\n` +
    `The town of ${town} closed its floodgates on Thursday as the river rose above two metres, the mayor's office said.\n\n` +
    `Residents of the lower quarter were asked to move valuables upstairs, and the ferry to ${town} island was suspended.\n\n` +
    `Engineers expect the water to fall again by the weekend, according to the regional water board.`;
  const res = await request.post("/api/articles", { data: { text, title: `Floodgates close in ${town}`, outlet: `${town} Courier` } });
  expect(res.status()).toBe(201);
  const { article } = (await res.json()).results[0];
  return { slug: article.story.slug, articleId: article.id };
}

test("the story page runs no framework JavaScript, only its own inline script", async ({ page }) => {
  const scriptFiles: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scriptFiles.push(r.url());
  });
  await openDemoStory(page);
  await page.waitForLoadState("networkidle");
  expect(scriptFiles.filter((u) => new URL(u).pathname.startsWith("/stories/") || u.includes("/_next/"))).toEqual([]);
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => ({ src: e.getAttribute("src"), type: e.getAttribute("type"), length: e.textContent?.length ?? 0 })));
  expect(scripts).toHaveLength(1);
  expect(scripts[0]!.src).toBeNull();
  // "A few KB": the hand-written script, not a framework.
  expect(scripts[0]!.length).toBeLessThan(8_000);
  // The same header and footer as the app router's pages.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("Parallax is open source.");
});

test("an unknown story answers 404 with the not-found page", async ({ page }) => {
  const res = await page.goto("/stories/no-such-story-at-all");
  expect(res!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Story not found" })).toBeVisible();
  await expect(page).toHaveTitle("Story not found · Parallax");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole("link", { name: "See all stories" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
});

test("links between the story page and the article page work both ways", async ({ page }) => {
  await openDemoStory(page);
  const storyUrl = page.url();
  await page.getByRole("group", { name: "Articles" }).getByRole("link").first().click();
  await page.waitForURL(/\/articles\//);
  await page.getByRole("link", { name: /National Resistance Center: Russia plans/ }).first().click();
  await expect(page).toHaveURL(storyUrl);
  await expect(page.getByRole("heading", { name: "Shared claims" })).toBeVisible();
});

test("editor tools on the story page: a failed merge shows the API's message, a merge opens the merged story", async ({ page, request }) => {
  const a = await newStory(request, `Vellmar${unique()}`);
  const b = await newStory(request, `Oskarn${unique()}`);
  expect(a.slug).not.toBe(b.slug);
  await page.goto(`/stories/${a.slug}`);
  await page.getByText("Editor tools").click();
  const into = page.getByLabel("Slug of the story to merge into");
  await into.fill("no-such-story-zzzzzzzz");
  await page.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("alert")).not.toBeEmpty();
  await expect(page.getByRole("button", { name: "Merge" })).toBeEnabled();
  await into.fill(b.slug);
  await page.getByRole("button", { name: "Merge" }).click();
  await page.waitForURL(new RegExp(`/stories/${b.slug}$`));
  await expect(page.getByRole("group", { name: "Articles" }).locator("[data-article]")).toHaveCount(2);
  // The merged story's permalink now redirects here.
  const old = await request.get(`/stories/${a.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers()["location"]).toMatch(new RegExp(`/stories/${b.slug}$`));

  // Split one article back off (checkboxes travel as an array).
  await page.getByText("Editor tools").click();
  await page.getByRole("group", { name: "Articles to split off" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Split" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/stories/") && !url.pathname.endsWith(b.slug));
  await expect(page.getByRole("group", { name: "Articles" }).locator("[data-article]")).toHaveCount(1);
});

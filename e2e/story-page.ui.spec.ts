import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { openDemoStory } from "./helpers";

// The story page is served without hydrating React (pages/stories/[slug].tsx): plain HTML, GET forms and
// links, plus one small inline script for the share button and the editor forms.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Two unrelated reports about invented places, so each starts its own story and no other test's joins it. */
const reports = {
  flood: (town: string) =>
    `Floodgates close in ${town} as river rises\n\n` +
    `The town of ${town} closed its floodgates on Thursday as the river rose above two metres, the mayor's office said.\n\n` +
    `Residents of the lower quarter were asked to move valuables upstairs, and the ferry to ${town} island was suspended.\n\n` +
    `Engineers expect the water to fall again by the weekend, according to the regional water board.`,
  orchestra: (town: string) =>
    `${town} Philharmonic names new chief conductor\n\n` +
    `The ${town} Philharmonic Orchestra appointed the violinist Ines Marquardt as its chief conductor from next season, the orchestra announced on Monday.\n\n` +
    `Marquardt, who has led the chamber ensemble for six years, will conduct twelve concerts in her first season, including a Mahler cycle.\n\n` +
    `Ticket sales for the autumn programme open in June, a spokesperson for the concert hall said.`,
};

async function newStory(request: APIRequestContext, kind: keyof typeof reports, town: string): Promise<{ id: string; slug: string }> {
  const text = reports[kind](town);
  const res = await request.post("/api/articles", { data: { text, title: text.split("\n")[0], outlet: `${town} Courier` } });
  expect(res.status()).toBe(201);
  return (await res.json()).results[0].article.story;
}

test("the story page runs no framework JavaScript, only its own inline script", async ({ page }) => {
  await openDemoStory(page);
  // A fresh load of the story page alone (the home page before it is an app-router page).
  const scriptFiles: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scriptFiles.push(r.url());
  });
  await page.goto(page.url());
  await page.waitForLoadState("networkidle");
  expect(scriptFiles).toEqual([]);
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
  const a = await newStory(request, "flood", `Vellmar${unique()}`);
  const b = await newStory(request, "orchestra", `Oskarn${unique()}`);
  test.skip(a.id === b.id, "clustering put the two reports in one story; covered by the stories benchmark");
  await page.goto(`/stories/${a.slug}`);
  await page.getByText("Editor tools").click();
  const into = page.getByLabel("Slug of the story to merge into");
  await into.fill("no-such-story-zzzzzzzz");
  await page.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("alert")).not.toBeEmpty();
  await expect(page.getByRole("button", { name: "Merge" })).toBeEnabled();
  await into.fill(b.slug);
  await page.getByRole("button", { name: "Merge" }).click();
  // The merged story keeps b's id (the end of every slug); its title, and so its slug, may change.
  await page.waitForURL(new RegExp(`/stories/[a-z0-9-]*${b.id}$`));
  const merged = new URL(page.url()).pathname;
  await expect(page.getByRole("group", { name: "Articles" }).locator("[data-article]")).toHaveCount(2);
  // The merged story's permalink now redirects here.
  const old = await request.get(`/stories/${a.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers()["location"]).toMatch(new RegExp(`${merged}$`));

  // Split one article back off (checkboxes travel as an array).
  await page.getByText("Editor tools").click();
  await page.getByRole("group", { name: "Articles to split off" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Split" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/stories/") && !url.pathname.endsWith(b.id));
  await expect(page.getByRole("group", { name: "Articles" }).locator("[data-article]")).toHaveCount(1);
});

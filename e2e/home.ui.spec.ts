import { expect, test } from "@playwright/test";
import { openDemoStory } from "./helpers";

test("home lists the demo story with both outlets", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Stories", level: 1 })).toBeVisible();
  const stories = page.getByRole("list", { name: "Stories" });
  const card = stories.getByRole("listitem").filter({ hasText: "Republic World" }).filter({ hasText: "The Kyiv Independent" });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("2 outlets");
});

test("the stories most outlets covered can be listed first", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Order of stories" }).getByRole("link", { name: "Most outlets" }).click();
  await expect(page).toHaveURL(/\?sort=coverage$/);
  await expect(page.getByRole("link", { name: "Most outlets" })).toHaveAttribute("aria-current", "page");
  // Every card's outlet count is no higher than the one before it.
  // The cards only (each card lists its outlets in a list of its own).
  const cards = page.getByRole("list", { name: "Stories" }).locator(":scope > li");
  const counts = (await cards.allInnerTexts()).map((t) => Number(/(\d+) outlets?/.exec(t)?.[1] ?? 0));
  expect(counts.length).toBeGreaterThan(0);
  expect(counts).toEqual([...counts].sort((x, y) => y - x));
});

test("story page shows one column per outlet, the aligned claim and the naming table", async ({ page }) => {
  await page.goto("/");
  await openDemoStory(page);
  await expect(page).toHaveURL(/\/stories\/[a-z0-9-]+$/);
  const articles = page.getByRole("group", { name: "Articles" });
  await expect(articles.getByText("Republic World", { exact: true })).toBeVisible();
  await expect(articles.getByText("The Kyiv Independent", { exact: true })).toBeVisible();
  await expect(articles.getByRole("link", { name: /National Resistance Center: Russia plans to bring North Korean workers/ })).toBeVisible();
  // The National Resistance Centre/Center claim is one aligned row across both outlets.
  const shared = page.locator("section", { has: page.getByRole("heading", { name: "Shared claims" }) });
  const nrcRow = shared.locator("li.claim-row").filter({ hasText: "National Resistance Centre has claimed" });
  await expect(nrcRow).toContainText("the National Resistance Center reported");
  // Peskov's denial is only in The Kyiv Independent.
  const only = page.locator("section", { has: page.getByRole("heading", { name: "Only in one outlet" }) });
  await expect(only.locator("[data-article]").filter({ hasText: "Only in The Kyiv Independent" })).toContainText("Peskov");
  await expect(only.locator("[data-article]").filter({ hasText: "Only in Republic World" })).toContainText("Maliar");
  // Vladimir Putin: "Russian President" vs "Russian dictator", flagged as differing.
  const names = page.locator("section", { has: page.getByRole("heading", { name: "How each outlet names them" }) });
  const putin = names.getByRole("row").filter({ hasText: "Vladimir Putin" });
  await expect(putin).toContainText("Russian President");
  await expect(putin).toContainText("Russian dictator");
  await expect(putin).toContainText("described differently");
  await page.screenshot({ path: "test-results/screenshots/story-desktop.png", fullPage: true });
});

test("uploading a .txt file through the page shows the new article", async ({ page }) => {
  await page.goto("/upload");
  const text =
    "Harbour bridge reopens after storm repairs\n\n" +
    "The Kelso harbour bridge reopened to traffic on Monday after three weeks of repairs to storm damage, the city council said.\n\n" +
    "Engineers replaced two damaged support cables and resurfaced the deck, council engineer Maria Lindqvist told reporters at the reopening.\n\n" +
    "Local businesses on the eastern shore said the closure had cut their trade by half during the busiest weeks of the autumn season.";
  await page.locator("#file-input").setInputFiles({ name: `bridge-${Date.now()}.txt`, mimeType: "text/plain", buffer: Buffer.from(text) });
  await page.getByLabel("Outlet").fill("Kelso Gazette");
  await page.getByRole("button", { name: /Upload 1 file/ }).click();
  const added = page.locator("[data-status=created]");
  await expect(added).toContainText("Added:");
  await added.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Harbour bridge reopens after storm repairs");
  await expect(page.getByText("Kelso Gazette").first()).toBeVisible();
  await expect(page.getByText("Engineers replaced two damaged support cables")).toBeVisible();
});

// A folder of pages saved "complete" holds each page's "<page>_files" folder of frames, scripts and images.
test("choosing a folder of saved pages queues the pages and skips their resource folders", async ({ page }) => {
  const fs = await import("node:fs");
  const path = await import("node:path");
  const os = await import("node:os");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-saved-"));
  const stamp = Date.now();
  fs.writeFileSync(
    path.join(dir, "Ferry service cut.html"),
    `<html><head><title>Ferry service cut for winter</title></head><body><article><h1>Ferry service cut for winter</h1>` +
      `<p>The island ferry will run twice a day instead of six times from November, the operator said on Tuesday (${stamp}).</p>` +
      `<p>Residents said the cut would make it harder to reach the hospital on the mainland during the winter months.</p></article></body></html>`,
  );
  fs.mkdirSync(path.join(dir, "Ferry service cut_files"));
  fs.writeFileSync(path.join(dir, "Ferry service cut_files", "ad-frame.html"), "<html><body><p>Advertisement</p></body></html>");
  fs.writeFileSync(path.join(dir, "Ferry service cut_files", "app.js"), "var x = 1;");
  await page.goto("/upload");
  await page.locator("#folder-input").setInputFiles(dir);
  await expect(page.getByRole("status").filter({ hasText: "Skipped 2 files" })).toBeVisible();
  await page.getByRole("button", { name: /Upload 1 file/ }).click();
  await expect(page.locator("[data-status=created]")).toContainText("Ferry service cut for winter");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a file over the size limit is refused on the page, before any upload, with the server's limit", async ({ page }) => {
  await page.goto("/upload");
  await expect(page.getByText(".txt, .html, .mhtml, .md or .json, up to 5 MB each")).toBeVisible();
  let posted = false;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/articles")) posted = true;
  });
  await page.locator("#file-input").setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(6 * 1024 * 1024, 65) });
  await expect(page.getByText("Failed: The file is 6 MB; the limit is 5 MB per file.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Upload/ })).toBeDisabled();
  expect(posted).toBe(false);
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the header's search box finds the demo story through a person its headline does not name", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: /Search stories, people/ });
  await box.fill("Peskov");
  await box.press("Enter");
  await page.waitForURL(/\/search\?q=Peskov/);
  await expect(page.getByRole("status")).toContainText("match every word of “Peskov”");
  await expect(page.getByRole("list", { name: "Matching entities" }).getByRole("link", { name: /Dmitry Peskov/ })).toBeVisible();
  const story = page.getByRole("list", { name: "Matching stories" }).getByRole("link", { name: /North Korean workers/ });
  await expect(story).toBeVisible();
  await story.click();
  await page.waitForURL(/\/stories\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("North Korean workers");
});

test("a search that matches nothing says so, and an overlong one gets a specific message", async ({ page }) => {
  await page.goto("/search?q=zzqxv%20Peskov");
  await expect(page.getByRole("status")).toContainText("Nothing matches every word of “zzqxv Peskov”");
  await page.goto(`/search?q=${"x".repeat(201)}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at most 200 characters");
});

test("the entities index lists the most mentioned, filters by type and passes the WCAG 2 AA checks", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Entities" }).click();
  await page.waitForURL(/\/entities$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People, organisations and places");
  await page.getByRole("navigation", { name: "Entity type" }).getByRole("link", { name: "People" }).click();
  await page.waitForURL(/\/entities\?type=person/);
  const people = page.getByRole("list", { name: "People" });
  await expect(people.getByRole("link", { name: /Vladimir Putin/ })).toBeVisible();
  await expect(people.getByRole("link", { name: /^Russia\b/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await people.getByRole("link", { name: /Vladimir Putin/ }).click();
  await page.waitForURL(/\/entities\/person-vladimir-putin$/);
  await page.goto("/search?q=Putin");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

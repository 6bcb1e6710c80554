import { expect, test } from "@playwright/test";

// A story with more outlets than fit side by side: two are shown in full, the reader picks which.
const variants = [
  ["Ferry Gazette", "The Larsholm ferry ran aground off Vesterby island on Sunday morning with 212 passengers on board, the coast guard said. All passengers were taken off safely by lifeboats within three hours. The coast guard said strong winds had pushed the ferry onto a sandbank near the harbour entrance."],
  ["Island Post", "All 212 passengers were rescued after the Larsholm ferry ran aground near Vesterby island on Sunday, the coast guard said. Lifeboats took the passengers ashore within three hours. Officials blamed strong winds for pushing the ferry onto a sandbank close to the harbour."],
  ["Coastal Times", "A ferry carrying 212 passengers, the Larsholm, ran aground off Vesterby island on Sunday, according to the coast guard. Nobody was hurt. The ferry operator said an investigation into the grounding near the harbour entrance had begun."],
  ["Harbour Herald", "The Larsholm ferry ran aground on a sandbank off Vesterby island on Sunday, the coast guard said, and its 212 passengers were evacuated by lifeboat. The operator cancelled all crossings for Monday while divers inspect the hull."],
] as const;

test("a story with four outlets compares a chosen pair and summarises the rest", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  let storyUrl = "";
  for (const [outlet, text] of variants) {
    const res = await request.post("/api/articles", { data: { text: `${text} (ref ${tag})`, title: `Ferry aground off Vesterby island`, outlet: `${outlet} ${tag}` } });
    expect(res.status()).toBe(201);
    storyUrl = (await res.json()).results[0].article.story.url;
  }
  const story = await (await request.get(storyUrl.replace(/.*\/stories\//, "/api/stories/"))).json();
  test.skip(story.articles.length < 4, "clustering put the variants in separate stories; covered by the stories benchmark");
  await page.goto(new URL(storyUrl).pathname);
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

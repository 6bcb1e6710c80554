import type { APIRequestContext, Page } from "@playwright/test";

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

// Four accounts of one invented event (fixtures, not real outlets' text), for stories with more outlets
// than fit side by side.
const FERRY = [
  ["Ferry Gazette", "The Larsholm ferry ran aground off Vesterby island on Sunday morning with 212 passengers on board, the coast guard said. All passengers were taken off safely by lifeboats within three hours. The coast guard said strong winds had pushed the ferry onto a sandbank near the harbour entrance."],
  ["Island Post", "All 212 passengers were rescued after the Larsholm ferry ran aground near Vesterby island on Sunday, the coast guard said. Lifeboats took the passengers ashore within three hours. Officials blamed strong winds for pushing the ferry onto a sandbank close to the harbour."],
  ["Coastal Times", "A ferry carrying 212 passengers, the Larsholm, ran aground off Vesterby island on Sunday, according to the coast guard. Nobody was hurt. The ferry operator said an investigation into the grounding near the harbour entrance had begun."],
  ["Harbour Herald", "The Larsholm ferry ran aground on a sandbank off Vesterby island on Sunday, the coast guard said, and its 212 passengers were evacuated by lifeboat. The operator cancelled all crossings for Monday while divers inspect the hull."],
] as const;

/**
 * Uploads the four ferry accounts, each outlet named `outletName(name)` (a tag keeps runs apart); returns
 * the story's path and its JSON. They may fall into separate stories; callers skip then.
 */
export async function postFerryStory(request: APIRequestContext, outletName: (name: string) => string, tag: string): Promise<{ path: string; articles: unknown[] }> {
  let storyUrl = "";
  for (const [outlet, text] of FERRY) {
    const res = await request.post("/api/articles", { data: { text: `${text} (ref ${tag})`, title: "Ferry aground off Vesterby island", outlet: outletName(outlet) } });
    if (res.status() !== 201) throw new Error(`upload failed: ${res.status()} ${await res.text()}`);
    storyUrl = (await res.json()).results[0].article.story.url;
  }
  const path = new URL(storyUrl).pathname;
  const story = await (await request.get(path.replace(/^\/stories\//, "/api/stories/"))).json();
  return { path, articles: story.articles };
}

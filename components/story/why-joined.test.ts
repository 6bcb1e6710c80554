import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_PARAMS, InMemoryStoryStore, placeArticle, type ArticleFeatures } from "@/lib/stories";
import { WhyJoined } from "./story-view";

const render = (assignment: unknown) => renderToStaticMarkup(createElement(WhyJoined, { assignment }));
const art = (id: string, title: string, body: string): ArticleFeatures => ({ id, publishedAt: null, title, body, entities: [] });

describe("WhyJoined", () => {
  it("explains a real placement: score, shared words and the most precise dates both articles write", async () => {
    const store = new InMemoryStoryStore();
    const first = art("q1", "Earthquake shakes Qeshm island", "An earthquake of magnitude 5.9 shook Qeshm island on November 27, 2005, killing ten people in villages.");
    store.add(first, (await placeArticle(first, store)).vector, null);
    const second = art("q2", "Qeshm island earthquake kills ten", "Ten people died when an earthquake of magnitude 5.9 hit Qeshm island on November 27, 2005.");
    const { assignment } = await placeArticle(second, store);
    const html = render(assignment);
    expect(html).toMatch(/joined with score 0\.\d\d \(threshold 0\.\d\d\)/);
    expect(html).toContain(`(threshold ${DEFAULT_SCORING_PARAMS.threshold.toFixed(2)})`);
    expect(html).toContain("shared words:");
    expect(html).toContain("dates both write: 2005-11-27");
    expect(html).not.toContain("2005-11,");
  });

  it("lists shared entities and the runner-up, and leaves dates out when none is shared", () => {
    const html = render({
      storyId: "s1",
      score: 0.41,
      threshold: 0.26,
      sharedEntities: [{ key: "person:sarah-palin" }],
      sharedTerms: [{ term: "fire" }],
      sharedDates: [],
      runnerUp: { score: 0.12 },
    });
    expect(html).toContain("shared entities: sarah palin");
    expect(html).toContain("next best story scored 0.12");
    expect(html).not.toContain("dates");
  });

  it("explains new stories and editor placements", () => {
    expect(render({ storyId: null, score: 0.1, threshold: 0.26 })).toContain("started this story (no earlier story scored above 0.26)");
    expect(render({ editor: true })).toContain("placed here by an editor");
  });
});

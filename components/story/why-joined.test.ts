import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WhyJoined } from "./story-view";

const render = (assignment: unknown) => renderToStaticMarkup(createElement(WhyJoined, { assignment }));

describe("WhyJoined", () => {
  it("lists shared entities, words and the day-precise dates both articles write", () => {
    const html = render({
      storyId: "s1",
      score: 0.41,
      threshold: 0.26,
      sharedEntities: [{ key: "person:sarah-palin" }],
      sharedTerms: [{ term: "fire" }],
      sharedDates: ["d2013-07-21", "m2013-07", "y2013"],
      runnerUp: { score: 0.12 },
    });
    expect(html).toContain("joined with score 0.41 (threshold 0.26)");
    expect(html).toContain("shared entities: sarah palin");
    expect(html).toContain("shared words: fire");
    expect(html).toContain("dates both write: 2013-07-21");
    expect(html).not.toContain("2013-07,");
    expect(html).toContain("next best story scored 0.12");
  });

  it("says nothing about dates when none is shared, and explains new stories and editor placements", () => {
    expect(render({ storyId: "s1", score: 0.3, threshold: 0.26, sharedDates: ["y2013"] })).not.toContain("dates");
    expect(render({ storyId: null, score: 0.1, threshold: 0.26 })).toContain("started this story (no earlier story scored above 0.26)");
    expect(render({ editor: true })).toContain("placed here by an editor");
  });
});

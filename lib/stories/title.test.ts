import { describe, expect, it } from "vitest";
import { headlineShaped, storyTitle } from "./title";

const at = (d: number) => new Date(Date.UTC(2023, 8, d));

describe("storyTitle", () => {
  it("chooses the printed headline most like the others", () => {
    const t = storyTitle(
      [
        { title: "Russia plans to bring North Korean workers to occupied Ukraine", titleDerived: false, publishedAt: at(18) },
        { title: "Kremlin denies deal", titleDerived: false, publishedAt: at(17) },
        { title: "North Korean workers may be sent to occupied Ukraine, Kyiv says", titleDerived: false, publishedAt: at(19) },
        { title: "Kyiv says Russia wants North Korean workers in occupied regions of Ukraine", titleDerived: true, publishedAt: at(18) },
      ],
      [],
    );
    expect(t).toEqual({ title: "North Korean workers may be sent to occupied Ukraine, Kyiv says", generated: false });
  });

  it("prefers a headline that tells what happened to a two-word label", () => {
    // ECB+ 16: a memorial page's "Deputy Sheriff" titled the story of a deputy's killer sentenced to death.
    const t = storyTitle(
      [
        { title: "Deputy Sheriff", titleDerived: false, publishedAt: at(2) },
        { title: "Deputy's killer gets death sentence", titleDerived: false, publishedAt: at(3) },
        { title: "Gang member convicted of murdering sheriff's deputy", titleDerived: false, publishedAt: at(4) },
        { title: "Sheriff's deputy shot and killed", titleDerived: false, publishedAt: at(1) },
      ],
      [],
    );
    expect(t.title).not.toBe("Deputy Sheriff");
    expect(storyTitle([{ title: "Deputy Sheriff", titleDerived: false, publishedAt: at(2) }], []).title).toBe("Deputy Sheriff");
  });

  it("prefers a title shaped like a headline to a whole sentence given as a title", () => {
    const t = storyTitle(
      [
        { title: "The ferry Larsholm ran aground off Vesterby island on Sunday with 212 passengers on board, the coast guard said.", titleDerived: false, publishedAt: at(3) },
        { title: "All 212 passengers of the ferry Larsholm were rescued after it ran aground off Vesterby island on Sunday.", titleDerived: false, publishedAt: at(3) },
        { title: "Ferry Larsholm aground off Vesterby: all 212 passengers rescued", titleDerived: false, publishedAt: at(4) },
      ],
      [],
    );
    expect(t.title).toBe("Ferry Larsholm aground off Vesterby: all 212 passengers rescued");
    expect(headlineShaped("Gupta joins the U.S. team")).toBe(true);
    expect(headlineShaped("Police said the driver fled.")).toBe(false);
  });

  it("prefers a printed headline over a derived one even when the derived one is more typical", () => {
    const t = storyTitle(
      [
        { title: "Flooding closes the main road in the valley", titleDerived: true, publishedAt: null },
        { title: "Flooding closes the main road in the valley again", titleDerived: true, publishedAt: null },
        { title: "Valley cut off", titleDerived: false, publishedAt: null },
      ],
      [],
    );
    expect(t.title).toBe("Valley cut off");
  });

  it("builds a neutral title from the top entities when no article has one", () => {
    const t = storyTitle([{ title: " ", titleDerived: true, publishedAt: null }], [{ name: "Kim Jong Un" }, { name: "Vladimir Putin" }, { name: "Donetsk" }, { name: "Luhansk" }]);
    expect(t).toEqual({ title: "Kim Jong Un, Vladimir Putin and Donetsk", generated: true });
  });

  it("shortens an overlong derived title at a word boundary", () => {
    const long = "word ".repeat(60).trim();
    const t = storyTitle([{ title: long, titleDerived: true, publishedAt: null }], []);
    expect(t.title.length).toBeLessThanOrEqual(161);
    expect(t.title.endsWith("word…")).toBe(true);
  });
});

describe("storyTitle passes over timestamps given as titles", () => {
  it("prefers any other title to a dateline", () => {
    const t = storyTitle(
      [
        { title: "PUBLISHED TUESDAY, APRIL 9, 2019 AT 10: 12 AM / UPDATED AT 10: 15 AM", titleDerived: false, publishedAt: at(1) },
        { title: "Emsworth river bursts its banks", titleDerived: false, publishedAt: at(2) },
      ],
      [],
    );
    expect(t).toEqual({ title: "Emsworth river bursts its banks", generated: false });
  });
  it("titles the story by the earliest article's first sentence when every title is a timestamp", () => {
    const t = storyTitle(
      [
        { title: "7: 41pm:", titleDerived: false, publishedAt: at(3), body: "Rescue crews reached the last stranded homes by boat." },
        { title: "Story posted on 11. 03. 2016", titleDerived: false, publishedAt: at(2), body: "3 / 9 / 16\n\nThe river burst its banks at Emsworth on Friday night. Hundreds left their homes." },
      ],
      [{ name: "Emsworth" }],
    );
    expect(t).toEqual({ title: "The river burst its banks at Emsworth on Friday night", generated: true });
  });
  it("falls back to the shared names when no article has a usable title or text", () => {
    expect(storyTitle([{ title: "7: 41pm:", titleDerived: false, publishedAt: null }], [{ name: "Emsworth" }])).toEqual({ title: "Emsworth", generated: true });
  });
});

describe("storyTitle marks Parallax's wording", () => {
  it("reports a title derived from a lead (no printed headline) as generated", () => {
    const t = storyTitle([{ title: "Kyiv’s National Resistance Centre has claimed that the Kremlin is orchestrating a plan", titleDerived: true, publishedAt: null }], []);
    expect(t.generated).toBe(true);
  });
});

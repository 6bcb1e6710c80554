import { describe, expect, it } from "vitest";
import { splitParagraphs, splitSentences, tokenize } from "./index";

describe("splitSentences", () => {
  it("keeps abbreviations and initials inside a sentence", () => {
    const s = splitSentences("The centre reported on Sept. 17 that Mr. Putin met Kim. Peskov denied it.");
    expect(s.map((x) => x.text)).toEqual([
      "The centre reported on Sept. 17 that Mr. Putin met Kim.",
      "Peskov denied it.",
    ]);
  });
  it("ends a sentence after a closing quote and keeps offsets exact", () => {
    const text = 'He said “it is sacred.” Then he left.';
    const s = splitSentences(text);
    expect(s).toHaveLength(2);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  it("does not split decimals or U.S.", () => {
    expect(splitSentences("The U.S. gave 5.2 billion dollars to Kyiv.")).toHaveLength(1);
  });
});

describe("tokenize", () => {
  it("keeps inner apostrophes and hyphens and folds curly quotes", () => {
    expect(tokenize("Kim’s week-long visit").map((t) => t.norm)).toEqual(["kim's", "week-long", "visit"]);
  });
});

describe("splitParagraphs", () => {
  it("returns trimmed lines with offsets", () => {
    const body = "First para.\n\n  Second para.  \n";
    const p = splitParagraphs(body);
    expect(p.map((x) => body.slice(x.start, x.end))).toEqual(["First para.", "Second para."]);
  });
});

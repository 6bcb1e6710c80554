import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { clipAtWord, deriveTitle, endsWithFullStop, isTimestampLine, splitParagraphs, splitSentences, tokenize, WordScanner } from "./index";

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

// Texts a scanner might read differently from the regular expression: joiners at edges, curly apostrophes,
// scripts beyond ASCII, letters outside the BMP, lone surrogates, combining marks, digits of other scripts.
const AWKWARD_TEXTS = [
  "Kim's week-long visit -- 'quoted' - end- -start it’s O’Neill’s ’tis rock’n’roll",
  "İstanbul STRASSE straße Ǆemal ΣΊΣΥΦΟΣ москва ٣٤٥ 𝐀𝐁𝐂 𝟏𝟐 😀a😀 \ud800x \udc00y e\u0301te",
  "6.1 1,200.50 3. .5 a.5 2013-07-21 x--y a'-b a-'b ''a'' -a- 1-2-3 \u00a0nbsp",
  "",
  "   ",
  "a",
  "end-",
];

describe("WordScanner", () => {
  it("reads the words tokenize finds, with the same offsets and norms", () => {
    const ecb = readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").split("\n").slice(0, 60);
    for (const text of [...AWKWARD_TEXTS, ...ecb]) {
      const want = tokenize(text).map((t) => [t.start, t.end, t.norm]);
      const got: [number, number, string][] = [];
      const w = new WordScanner(text);
      while (w.next()) got.push([w.start, w.end, w.norm()]);
      expect(got).toEqual(want);
    }
  });
});

describe("clipAtWord", () => {
  it("keeps short text, cuts long text at the last space with an ellipsis, and mid-word only when a space would lose over half", () => {
    expect(clipAtWord("  Ferry   aground ", 20)).toBe("Ferry aground");
    expect(clipAtWord("The Larsholm ferry ran aground off Vesterby", 20)).toBe("The Larsholm ferry…");
    expect(clipAtWord("Supercalifragilisticexpialidocious words", 20)).toBe("Supercalifragilistic…");
  });
});

describe("endsWithFullStop", () => {
  it("is true for a sentence's closing full stop, not an abbreviation's, an initial's or an ellipsis", () => {
    expect(endsWithFullStop('Police said the driver fled."')).toBe(true);
    expect(endsWithFullStop("Apple buys Beats from Dr. Dre Inc.")).toBe(false);
    expect(endsWithFullStop("Gupta joins U.S.")).toBe(false);
    expect(endsWithFullStop("Wait...")).toBe(false);
    expect(endsWithFullStop("Ferry aground off Vesterby")).toBe(false);
  });
});

describe("isTimestampLine", () => {
  it("is true for datelines and times as publishing systems print them", () => {
    for (const line of [
      "PUBLISHED TUESDAY, APRIL 9, 2019 AT 10: 12 AM / UPDATED AT 10: 15 AM",
      "7: 41pm:",
      "Story posted on 11. 03. 2016",
      "Published August 02, 2013",
      "3 / 9 / 19 at 4: 05 PM",
    ])
      expect(isTimestampLine(line), line).toBe(true);
  });
  it("is false for headlines and sentences that only mention a date, and for the nouns alone", () => {
    for (const line of ["Story of the 2019 floods", "The court met on April 9, 2019.", "Article", "Flooding closes roads on Tuesday"])
      expect(isTimestampLine(line), line).toBe(false);
  });
});

describe("deriveTitle", () => {
  it("titles by the lead's first sentence that is not a dateline", () => {
    expect(deriveTitle("Posted on 11. 03. 2016. The river burst its banks at Emsworth on Friday night.")).toBe(
      "The river burst its banks at Emsworth on Friday night",
    );
    expect(deriveTitle("Tuesday, April 9, 2019")).toBeNull();
  });
});

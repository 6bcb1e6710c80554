import { describe, expect, it } from "vitest";
import { containment, REPRINT_MIN_CONTAINMENT, shingles } from "./fingerprint";

const base =
  "The Kremlin intends to bring workers to occupied regions, the centre reported on Sunday. " +
  "The objective of these workers would be to aid construction projects in the regions. " +
  "Previous attempts to recruit labour migrants suggest a shortage of workers within the country. " +
  "A spokesperson told journalists that no agreements were signed during the meeting last week.";

describe("containment", () => {
  it("treats a lightly edited reprint as a copy", () => {
    const reprint =
      "MOSCOW (Wire) — " + base.replace("on Sunday", "on Sunday, according to a statement") + " Reporting by a wire service.";
    expect(containment(shingles(base), shingles(reprint))).toBeGreaterThanOrEqual(REPRINT_MIN_CONTAINMENT);
  });
  it("keeps an independent report of the same event apart", () => {
    const independent =
      "Russia plans to use labourers from abroad on building sites in the occupied territories, Ukrainian " +
      "intelligence said. Moscow denied that any deal had been signed at last week's summit, and a spokesman " +
      "said talks on workers had not taken place.";
    expect(containment(shingles(base), shingles(independent))).toBeLessThan(0.2);
  });
  it("is zero for empty text", () => {
    expect(containment(shingles(""), shingles(base))).toBe(0);
  });
});

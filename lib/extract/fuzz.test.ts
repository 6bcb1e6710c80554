import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { extractFile } from "./index";

const seeds = ["000_2f28c85e07feee24.txt", "001_81a2cabcbd35f313.txt"].map(
  (f) => new Uint8Array(readFileSync(join(process.cwd(), "fixtures/seeds", f))),
);
const FILENAMES = ["a.txt", "a.html", "a.mhtml", "a.md", "a.json", null];

/** Returns normally or throws AppError; anything else fails the property. */
function outcome(bytes: Uint8Array, filename: string | null): "ok" | string {
  try {
    const out = extractFile({ bytes, filename });
    for (const a of out) {
      expect(a.paragraphs.length).toBeGreaterThan(0);
      expect(a.body).toBe(a.paragraphs.join("\n\n"));
      expect(a.lead).toBe(a.paragraphs[0]);
    }
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.reason;
    throw e;
  }
}

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

describe("extractFile never fails untyped", () => {
  it("random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom(...FILENAMES), (bytes, name) => {
        outcome(bytes, name);
      }),
      { numRuns: 300 },
    );
  });

  it("random unicode text in every format", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 3000 }), fc.constantFrom(...FILENAMES), (s, name) => {
        outcome(new TextEncoder().encode(s), name);
      }),
      { numRuns: 300 },
    );
  });

  it("mutated seeds (byte flips, cuts, splices)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...FILENAMES),
        (seed, flips, cutA, cutB, name) => {
          const b = seed.slice();
          for (const [at, v] of flips) b[at % b.length] = v;
          const a = cutA % b.length;
          const z = a + (cutB % (b.length - a + 1));
          outcome(b.subarray(a, z), name);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("truncated and tag-soup HTML", () => {
    const tags = ["<div>", "</div>", "<p>", "</p>", "<li>", "<table><tr><td>", "</span>", "<a href='x", '<script>', "<!--", "-->", "<br/>", "&amp;", "&#x1F600;", "<h1>", "<nav class='menu'>"];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...tags), fc.lorem({ maxCount: 30 })), { maxLength: 200 }),
        fc.nat(),
        (parts, cut) => {
          const html = "<html><body>" + parts.join("");
          outcome(new TextEncoder().encode(html.slice(0, cut % (html.length + 1))), "a.html");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("bounded work on hostile shapes", () => {
  const prose = "The committee met on Tuesday and agreed that the report should be published before the summer recess. ";

  it.each([
    ["deeply nested tags", () => "<div>".repeat(100_000) + prose.repeat(20) + "</div>".repeat(100_000), "a.html"],
    ["unclosed attribute quotes", () => `<p title="${"x".repeat(500_000)}` + prose.repeat(50), "a.html"],
    ["one huge line of prose", () => prose.repeat(45_000), "a.txt"],
    ["one huge line without spaces", () => "a".repeat(4_000_000) + ".com", "a.txt"],
    ["many parentheses", () => "(photo ".repeat(300_000), "a.txt"],
    ["huge markdown line", () => "# T\n\n" + "[x](".repeat(500_000), "a.md"],
    ["many short lines", () => "Subscribe\nHome\n".repeat(200_000), "a.txt"],
  ])("%s stays under a few seconds on ~4-5 MB", (_name, make, filename) => {
    const text = make();
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeLessThanOrEqual(5 * 1024 * 1024);
    const ms = timed(() => outcome(bytes, filename));
    // Generous bound: the point is "linear, not quadratic" (quadratic here would take minutes).
    expect(ms).toBeLessThan(8000);
  });
});

import { describe, expect, it } from "vitest";
import { descriptorRows } from "./descriptors";
import { groupEntities } from "./entity-groups";
import type { CompareArticle } from "./types";

/** One article per surface, each naming the same organisation once. */
function story(surfaces: string[]): CompareArticle[] {
  return surfaces.map((surface, i) => {
    const body = `Officials at ${surface} spoke on Monday.`;
    const start = body.indexOf(surface);
    return {
      id: `a${i}`,
      outlet: { id: `o${i}`, name: `Outlet ${i}` },
      title: "",
      titleDerived: false,
      body,
      publishedAt: null,
      entities: [{ key: "org:centre", name: surface, type: "ORGANIZATION", mentions: [{ field: "body", start, end: start + surface.length, surface, descriptor: null }] }],
    };
  });
}
const variants = (surfaces: string[]) => {
  const articles = story(surfaces);
  return descriptorRows(articles, groupEntities(articles))[0]!.spellingVariants;
};

describe("spelling variants in the names table", () => {
  it("flags two spellings of one name", () => {
    expect(variants(["National Resistance Centre", "National Resistance Center"]).sort()).toEqual(["National Resistance Center", "National Resistance Centre"]);
  });

  // nj.com and usatoday.com print "We’re On It" and "We're On It": the same spelling in another typeface.
  it("does not flag one spelling printed with another apostrophe, dash or case", () => {
    expect(variants(["We’re On It", "We're On It"])).toEqual([]);
    expect(variants(["Trans‑Pacific Partnership", "Trans-Pacific Partnership"])).toEqual([]);
    expect(variants(["NATIONAL RESISTANCE CENTRE", "National Resistance Centre"])).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { describedDifferently, descriptorRows, ownDescriptor } from "./descriptors";
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

describe("a descriptor in a list of titled people", () => {
  // The Huffington Post and ENS on the Endangered Species Act rule: Ken Salazar was described as
  // "Secretary of Commerce Gary Locke and Secretary".
  const body = "Secretary of Commerce Gary Locke and Secretary of the Interior Ken Salazar said the rule was wrong.";
  const mention = (surface: string, descriptor: string | null) => ({ field: "body" as const, start: body.indexOf(surface), end: body.indexOf(surface) + surface.length, surface, descriptor });
  const descriptorsOf = (entities: CompareArticle["entities"]) => {
    const articles: CompareArticle[] = [0, 1].map((i) => ({ id: `a${i}`, outlet: { id: `o${i}`, name: `Outlet ${i}` }, title: "", titleDerived: false, body, publishedAt: null, entities }));
    const rows = descriptorRows(articles, groupEntities(articles));
    return Object.fromEntries(rows.map((r) => [r.name, r.cells[0]!.descriptors.map((d) => d.text)]));
  };

  it("is the person's own title, not the list up to his name", () => {
    // As the extractor reads it now (the name takes the list's words) and as it should.
    expect(descriptorsOf([
      { key: "person:locke", name: "of Commerce Gary Locke and", type: "PERSON", mentions: [mention("of Commerce Gary Locke and", "Secretary")] },
      { key: "person:salazar", name: "of the Interior Ken Salazar", type: "PERSON", mentions: [mention("of the Interior Ken Salazar", "Secretary of Commerce Gary Locke and Secretary")] },
    ])["of the Interior Ken Salazar"]).toEqual(["Secretary"]);
    expect(descriptorsOf([
      { key: "person:locke", name: "Gary Locke", type: "PERSON", mentions: [mention("Gary Locke", "Secretary of Commerce")] },
      { key: "person:salazar", name: "Ken Salazar", type: "PERSON", mentions: [mention("Ken Salazar", "Secretary of Commerce Gary Locke and Secretary of the Interior")] },
    ])).toEqual({ "Gary Locke": ["Secretary of Commerce"], "Ken Salazar": ["Secretary of the Interior"] });
  });

  it("keeps an 'and' or a comma that joins no person", () => {
    expect(ownDescriptor("Secretary of Health and Human Services", ["Gary Locke"])).toBe("Secretary of Health and Human Services");
    expect(ownDescriptor("Minister of Foreign Affairs, Trade and Development", ["Gary Locke"])).toBe("Minister of Foreign Affairs, Trade and Development");
    expect(ownDescriptor("Energy Secretary Steven Chu, Commerce Secretary", ["Steven Chu"])).toBe("Commerce Secretary");
  });
});

describe("described differently", () => {
  const cells = (...sets: string[][]) => sets.map((ds, i) => ({ articleId: `a${i}`, mentions: 1, descriptors: ds.map((text) => ({ text, count: 1 })), surfaces: [] }));
  // ECB+ 18 (the Troy shooting) and 13 (the Palmer dairy fire): "Lt." / "Troy Police Lt." was flagged as
  // outlets describing the lieutenant differently.
  it("is not one title given in full by one outlet and in short by another", () => {
    expect(describedDifferently(cells(["Lt."], ["Troy Police Lt."], ["Lieutenant"]))).toBe(false);
    expect(describedDifferently(cells(["director"], ["Palmer Public Safety Director", "Director"]))).toBe(false);
    expect(describedDifferently(cells(["Sgt."], ["Palmer Police Sergeant"], []))).toBe(false);
    expect(describedDifferently(cells(["Deputy"], ["Deputy Sgt."], ["Sgt."]))).toBe(false);
    // Initials printed apart or together, and a synonym of the paraphrase list.
    expect(describedDifferently(cells(["L. A. Superior Court Judge"], ["LA Superior Court Judge"], ["Superior Court Judge"]))).toBe(false);
    expect(describedDifferently(cells(["lawyer"], ["New York attorney"]))).toBe(false);
  });

  // ECB+ 5, 8, 10, 25, 29, 35: "Assistant GM", "OSP Lt.", "CHP Officer", "RB", "CB" were flagged beside the
  // words other outlets spelt out.
  it("reads an acronym as the words another outlet spells out, and a position in short", () => {
    expect(describedDifferently(cells(["assistant general manager"], ["Assistant GM"]))).toBe(false);
    expect(describedDifferently(cells(["Lt."], ["Oregon State Police Lt."], ["OSP Lt."]))).toBe(false);
    expect(describedDifferently(cells(["CHP Officer"], ["California Highway Patrol Officer"]))).toBe(false);
    expect(describedDifferently(cells(["running back"], ["Saints RB"], ["New Orleans Saints running back"]))).toBe(false);
    expect(describedDifferently(cells(["cornerback"], ["CB"]))).toBe(false);
    expect(describedDifferently(cells(["Chiefs QB"], ["quarterback"]))).toBe(false);
    // One title in two word orders (ECB+ 9, Ken Salazar).
    expect(describedDifferently(cells(["Secretary of the Interior"], ["new Interior Secretary"], ["Secretary"]))).toBe(false);
    // Still two descriptions: another word beside the acronym, or an acronym nobody spells out.
    expect(describedDifferently(cells(["fellow DA"], ["Deputy District Attorney"]))).toBe(true);
    expect(describedDifferently(cells(["CEO"], ["COO"]))).toBe(true);
  });

  it("is two descriptions, or one that another outlet does not give", () => {
    expect(describedDifferently(cells(["Russian President"], ["Russian dictator"]))).toBe(true);
    expect(describedDifferently(cells(["Alaska Gov."], ["Gov.", "failed Republican vice presidential candidate"]))).toBe(true);
    expect(describedDifferently(cells(["Deputy"], ["defense attorney"]))).toBe(true);
    expect(describedDifferently(cells(["President"], ["former President"]))).toBe(true);
    expect(describedDifferently(cells(["Judge"], []))).toBe(false);
  });
});

describe("spelling variants that are not", () => {
  // ECB+ 1, 3, 12, 18, 20, 21, 30 on reading the names table.
  it("are not printed with or without full stops, hyphens or spaced initials", () => {
    expect(variants(["Calif.", "Calif"])).toEqual([]);
    expect(variants(["Robert J. Pickell", "Robert J Pickell"])).toEqual([]);
    expect(variants(["L. A. Superior Court", "LA Superior Court", "L. A Superior Court"])).toEqual([]);
    expect(variants(["SEA-ME-WE", "Sea Me We"])).toEqual([]);
    expect(variants(["Pin-up Legend", "Pinup Legend"])).toEqual([]);
  });

  it("are not another number, another acronym or a country's adjective", () => {
    expect(variants(["117th Street", "115th Street"])).toEqual([]);
    expect(variants(["SMW4", "SMW3"])).toEqual([]);
    expect(variants(["IRNA", "ISNA"])).toEqual([]);
    expect(variants(["Somalia", "Somali"])).toEqual([]);
    expect(variants(["New Zealand", "New Zealander"])).toEqual([]);
    expect(variants(["Betty Ford Centre", "Betty Ford Center"]).sort()).toEqual(["Betty Ford Center", "Betty Ford Centre"]);
    expect(variants(["Ilene Wolfe", "Ilene Wolff"]).sort()).toEqual(["Ilene Wolfe", "Ilene Wolff"]);
  });
});

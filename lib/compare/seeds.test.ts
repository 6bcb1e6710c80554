// Acceptance on the two seed articles. Inputs are built here by hand (body lines picked from the raw
// files, entities with descriptors as an extractor would give them); the results come from the general
// algorithm only.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareArticles, type CompareArticle, type CompareEntity } from "./index";

const seedDir = join(process.cwd(), "fixtures/seeds");
const seedFile = (prefix: string) => readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.startsWith(prefix))!), "utf8");

// Body lines: 000’s eight paragraphs after the photo caption; 001's four article paragraphs after the
// AI-audio note (the rest is teaser, news feed and newsletter boilerplate).
function bodyOf(raw: string, first: string, count: number): string {
  const lines = raw.split("\n").map((l) => l.trim()).filter(Boolean);
  const i = lines.findIndex((l) => l.startsWith(first));
  return lines.slice(i, i + count).join("\n\n");
}

type EntitySpec = { key: string; name: string; type: CompareEntity["type"]; surfaces: { surface: string; descriptor?: string }[] };

function entities(body: string, specs: EntitySpec[]): CompareEntity[] {
  return specs.map((spec) => ({
    key: spec.key,
    name: spec.name,
    type: spec.type,
    mentions: spec.surfaces.flatMap(({ surface, descriptor }) => {
      const out = [];
      for (let i = body.indexOf(surface); i >= 0; i = body.indexOf(surface, i + 1))
        out.push({ field: "body" as const, start: i, end: i + surface.length, surface, descriptor: descriptor ?? null });
      return out;
    }),
  }));
}

const body000 = bodyOf(seedFile("000_"), "Kyiv’s National Resistance Centre", 9);
const body001 = bodyOf(seedFile("001_"), "The Kremlin intends", 4);

const republic: CompareArticle = {
  id: "a000",
  outlet: { id: "republicworld", name: "Republic World" },
  title: "Kyiv’s National Resistance Centre has claimed that the Kremlin is orchestrating a contentious plan",
  titleDerived: true,
  body: body000,
  publishedAt: null,
  entities: entities(body000, [
    { key: "putin", name: "Vladimir Putin", type: "PERSON", surfaces: [{ surface: "Vladimir Putin", descriptor: "Russian President" }] },
    { key: "kim-jong-un", name: "Kim Jong Un", type: "PERSON", surfaces: [{ surface: "Kim Jong Un", descriptor: "North Korean leader" }] },
    { key: "nrc", name: "National Resistance Centre", type: "ORGANIZATION", surfaces: [{ surface: "National Resistance Centre" }] },
    { key: "maliar", name: "Hanna Maliar", type: "PERSON", surfaces: [{ surface: "Hanna Maliar", descriptor: "Ukrainian Deputy Defence Minister" }] },
    { key: "bakhmut", name: "Bakhmut", type: "PLACE", surfaces: [{ surface: "Bakhmut" }] },
    { key: "zelenskyy", name: "Volodymyr Zelenskyy", type: "PERSON", surfaces: [{ surface: "Volodymyr Zelenskyy", descriptor: "Ukrainian President" }] },
    { key: "kremlin", name: "Kremlin", type: "ORGANIZATION", surfaces: [{ surface: "Kremlin" }] },
  ]),
};

const kyivIndependent: CompareArticle = {
  id: "a001",
  outlet: { id: "kyivindependent", name: "The Kyiv Independent" },
  title: "National Resistance Center: Russia plans to bring North Korean workers to occupied Ukraine",
  titleDerived: false,
  body: body001,
  publishedAt: "2023-09-18T03:27:00Z",
  entities: entities(body001, [
    { key: "putin", name: "Vladimir Putin", type: "PERSON", surfaces: [{ surface: "Vladimir Putin", descriptor: "Russian dictator" }] },
    { key: "kim-jong-un", name: "Kim Jong Un", type: "PERSON", surfaces: [{ surface: "Kim Jong Un", descriptor: "North Korean leader" }] },
    // Keyed by spelling, as a naive extractor would: the comparison must still see one body.
    { key: "nrc-us", name: "National Resistance Center", type: "ORGANIZATION", surfaces: [{ surface: "National Resistance Center" }] },
    { key: "peskov", name: "Dmitry Peskov", type: "PERSON", surfaces: [{ surface: "Dmitry Peskov", descriptor: "Kremlin spokesperson" }] },
    { key: "kremlin", name: "Kremlin", type: "ORGANIZATION", surfaces: [{ surface: "Kremlin" }] },
  ]),
};

const result = compareArticles([republic, kyivIndependent]);
const rowOf = (articleId: string, fragment: string) =>
  [...result.claims, ...result.onlyIn.flatMap((o) => o.claims)].find((c) => c.sentences.some((s) => s.articleId === articleId && s.text.includes(fragment)));

describe("seed story", () => {
  it("picked the article paragraphs", () => {
    expect(body000.split("\n\n")).toHaveLength(8);
    expect(body001.split("\n\n")).toHaveLength(4);
    expect(body001).toContain("Dmitry Peskov");
  });

  it("aligns the National Resistance Center claim across both outlets and makes it central", () => {
    const row = rowOf("a001", "The Kremlin intends to bring North Korean workers");
    expect(row).toBeDefined();
    expect(row!.sentences.map((s) => s.articleId).sort()).toEqual(["a000", "a001"]);
    expect(row!.sentences.find((s) => s.articleId === "a000")!.text).toMatch(/^Kyiv’s National Resistance Centre has claimed that the Kremlin/);
    expect(result.centralClaim?.claimId).toBe(row!.id);
    expect(result.centralClaim?.outletCount).toBe(2);
    // The earliest-published article is the Kyiv Independent (000 has no date), attributed as it attributes it.
    expect(result.centralClaim?.articleId).toBe("a001");
    expect(result.centralClaim?.attribution).toBe("the National Resistance Center reported");
  });

  it("keeps Peskov's denial only in The Kyiv Independent", () => {
    const row = rowOf("a001", "Dmitry Peskov told journalists");
    expect(row?.sentences).toHaveLength(1);
    expect(result.onlyIn.find((o) => o.articleId === "a001")!.claims).toContainEqual(row);
    const gap = result.gaps.find((g) => g.kind === "entity" && g.key === "peskov");
    expect(gap?.label).toEqual({ text: "Dmitry Peskov appears only in The Kyiv Independent", generated: true });
  });

  it("keeps the Bakhmut and Maliar battlefield paragraphs only in Republic World", () => {
    for (const fragment of ["Hanna Maliar provided updates", "recapture of Andriivka and Klishchiivka", "towns of Avdiivka and Maryinka"]) {
      const row = rowOf("a000", fragment);
      expect(row?.sentences, fragment).toHaveLength(1);
    }
    expect(result.gaps.some((g) => g.kind === "entity" && g.key === "maliar" && g.presentIn.join() === "a000")).toBe(true);
  });

  it("flags Russian President vs Russian dictator for Putin, and Centre vs Center", () => {
    const putin = result.descriptors.find((d) => d.entityKey === "putin")!;
    expect(putin.differs).toBe(true);
    expect(putin.cells.find((c) => c.articleId === "a000")!.descriptors).toEqual([{ text: "Russian President", count: 2 }]);
    expect(putin.cells.find((c) => c.articleId === "a001")!.descriptors).toEqual([{ text: "Russian dictator", count: 2 }]);
    const kim = result.descriptors.find((d) => d.entityKey === "kim-jong-un")!;
    expect(kim.differs).toBe(false);
    const centre = result.descriptors.find((d) => d.entityKey === "nrc" || d.entityKey === "nrc-us")!;
    expect(centre.spellingVariants.sort()).toEqual(["National Resistance Center", "National Resistance Centre"]);
    expect(result.gaps.some((g) => g.kind === "entity" && (g.key === "nrc" || g.key === "nrc-us"))).toBe(false);
  });

  it("shows the wording difference inside the aligned sentences word by word", () => {
    const row = rowOf("a001", "The Kremlin intends")!;
    const other = row.sentences.find((s) => s.articleId === "a000")!;
    // Words both outlets print are not listed; the differing ones are, with their offsets.
    expect(other.diff.find((t) => t.text === "Kremlin")).toBeUndefined();
    expect(other.diff.find((t) => t.text === "orchestrating")?.op).toBeDefined();
    for (const t of other.diff) expect(republic.body.slice(t.start, t.end)).toBe(t.text);
  });

  it("lists who each outlet cites, with quotes and hedges as printed", () => {
    const nrc = result.citations.find((r) => r.entityKey === "nrc" || r.entityKey === "nrc-us")!;
    expect(nrc.citedBy).toBe(2);
    const verbs = nrc.cells.flatMap((c) => c.citations.map((x) => x.verb));
    expect(verbs).toEqual(expect.arrayContaining(["claimed", "reported"]));
    const peskov = result.citations.find((r) => r.entityKey === "peskov")!;
    expect(peskov.cells.find((c) => c.articleId === "a001")!.citations[0]!.text).toBe("Kremlin spokesperson Dmitry Peskov told journalists");
    const quote = result.citations.flatMap((r) => r.cells.flatMap((c) => c.citations)).find((c) => c.kind === "quote" && c.text.includes("Republic of Korea"));
    expect(quote?.text).toContain("citizens of the Republic of Korea may be used");
    const hedges = result.hedges.filter((h) => h.articleId === "a000").map((h) => h.text);
    expect(hedges).toEqual(expect.arrayContaining(["claimed", "allegedly", "suggests", "it is not excluded"]));
    expect(result.hedges.filter((h) => h.articleId === "a001").map((h) => h.text)).toContain("allegedly");
  });

  it("is JSON-serialisable and deterministic", () => {
    const again = compareArticles([kyivIndependent, republic]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(again).toEqual(result);
  });
});

// The ingestion path against a real PostgreSQL: demo data, uploads, duplicates (also when racing),
// rejections that leave nothing behind, and story permalinks.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "./integration-db";
import { db } from "@/lib/db/client";
import { loadDemoData } from "@/lib/demo/load-demo-data";
import { ingest } from "@/lib/ingest/ingest-articles";
import { getStoryBySlug } from "@/lib/db/story-queries";

withTestDatabase();

const enc = (s: string) => new TextEncoder().encode(s);

const bridge = (town: string) =>
  `Harbour bridge in ${town} reopens after storm repairs\n\n` +
  `The ${town} harbour bridge reopened to traffic on Monday after three weeks of repairs to storm damage, the city council said.\n\n` +
  `Engineers replaced two damaged support cables and resurfaced the deck, council engineer Maria Lindqvist told reporters.\n\n` +
  `Local businesses on the eastern shore said the closure had cut their trade by half during the busiest weeks of autumn.`;

async function counts() {
  const [articles, stories, uploads] = await Promise.all([db().article.count(), db().story.count(), db().upload.count()]);
  return { articles, stories, uploads };
}

describe("demo data", () => {
  it("loads both seed articles once, with their outlets, into one story", async () => {
    const first = await loadDemoData();
    expect(first?.map((r) => r.status)).toEqual(["created", "created"]);
    expect(await loadDemoData()).toBeNull();
    const articles = await db().article.findMany({ include: { outlet: true, story: true } });
    expect(articles).toHaveLength(2);
    expect(new Set(articles.map((a) => a.outlet?.name))).toEqual(new Set(["Republic World", "The Kyiv Independent"]));
    expect(new Set(articles.map((a) => a.storyId)).size).toBe(1);
    const story = articles[0]!.story!;
    expect(story.articleCount).toBe(2);
    expect(story.outletCount).toBe(2);
    expect(story.comparison).not.toBeNull();
  });

  it("reports a re-upload of a seed as a duplicate and stores nothing new", async () => {
    const before = await counts();
    const fs = await import("node:fs");
    const bytes = new Uint8Array(fs.readFileSync("fixtures/seeds/001_81a2cabcbd35f313.txt"));
    const [r] = await ingest([{ kind: "file", filename: "again.txt", bytes }], { source: "API" });
    expect(r!.status).toBe("duplicate");
    const after = await counts();
    expect(after.articles).toBe(before.articles);
    expect(after.stories).toBe(before.stories);
  });
});

describe("uploads", () => {
  it("stores a text file with its metadata and puts it in a story", async () => {
    const [r] = await ingest([{ kind: "file", filename: "bridge.txt", bytes: enc(bridge("Kelso")) }], {
      source: "API",
      hints: { outlet: "Kelso Gazette", publishedAt: new Date("2024-10-07T08:00:00Z") },
    });
    expect(r!.status).toBe("created");
    const a = await db().article.findUniqueOrThrow({ where: { id: r!.articleId! }, include: { outlet: true, story: true, placement: true } });
    expect(a.title).toBe("Harbour bridge in Kelso reopens after storm repairs");
    expect(a.outlet?.name).toBe("Kelso Gazette");
    expect(a.publishedAt?.toISOString()).toBe("2024-10-07T08:00:00.000Z");
    expect(a.body).toContain("Engineers replaced two damaged support cables");
    expect(Buffer.from(a.original).toString("utf8")).toBe(bridge("Kelso"));
    expect(a.story?.articleCount).toBe(1);
    expect(a.placement?.assignment).toMatchObject({ storyId: null });
  });

  it("rejects an empty file with a specific error and leaves no article behind", async () => {
    const before = await counts();
    const results = await ingest(
      [
        { kind: "file", filename: "empty.txt", bytes: enc("  \n ") },
        { kind: "file", filename: "ok.txt", bytes: enc(bridge("Dunmore")) },
      ],
      { source: "API" },
    );
    expect(results.map((r) => r.status)).toEqual(["rejected", "created"]);
    expect(results[0]!.error?.code).toBe("EMPTY_FILE");
    const after = await counts();
    expect(after.articles).toBe(before.articles + 1);
    const rejected = await db().upload.findFirst({ where: { filename: "empty.txt" } });
    expect(rejected).toMatchObject({ status: "REJECTED", errorCode: "EMPTY_FILE", articleId: null });
  });

  it("rejects a file over the size limit", async () => {
    const [r] = await ingest([{ kind: "file", filename: "big.txt", bytes: enc("word ".repeat(300)) }], { source: "API", maxBytes: 1000 });
    expect(r).toMatchObject({ status: "rejected", error: { code: "TOO_LARGE" } });
  });

  it("stores one article when two uploads of the same text race", async () => {
    const text = bridge("Portwick");
    const before = await counts();
    const results = await Promise.all([
      ingest([{ kind: "file", filename: "a.txt", bytes: enc(text) }], { source: "API" }),
      ingest([{ kind: "file", filename: "b.txt", bytes: enc(text + "\n\nShare this article") }], { source: "API" }),
    ]);
    const statuses = results.flat().map((r) => r.status).sort();
    expect(statuses).toEqual(["created", "duplicate"]);
    expect((await counts()).articles).toBe(before.articles + 1);
  });
});

describe("story permalinks", () => {
  it("resolves the slug, redirects an old slug and a bare id, and misses unknown slugs", async () => {
    const story = await db().story.findFirstOrThrow({ where: { articleCount: 2 } });
    expect((await getStoryBySlug(story.slug)).kind).toBe("found");
    await db().storyRedirect.create({ data: { fromSlug: "old-title-slug", storyId: story.id } });
    expect(await getStoryBySlug("old-title-slug")).toEqual({ kind: "redirect", slug: story.slug });
    expect(await getStoryBySlug(`renamed-story-${story.id}`)).toEqual({ kind: "redirect", slug: story.slug });
    expect(await getStoryBySlug("nothing-here")).toEqual({ kind: "missing" });
  });
});

describe("cross-article entity resolution", () => {
  it("files a later article's bare surname under the one known full name", async () => {
    const first = `Minister Ilse Vandermeer resigns\n\nDutch finance minister Ilse Vandermeer resigned on Friday after a row over the budget, her office said.\n\nIlse Vandermeer had been in office for two years.`;
    const later = `Budget row deepens after resignation\n\nThe government scrambled to replace Vandermeer on Saturday as the budget row deepened, officials in The Hague said.\n\nVandermeer did not comment.`;
    await ingest([{ kind: "file", filename: "v1.txt", bytes: enc(first) }], { source: "API" });
    const [r] = await ingest([{ kind: "file", filename: "v2.txt", bytes: enc(later) }], { source: "API" });
    const rows = await db().articleEntity.findMany({ where: { articleId: r!.articleId! }, include: { entity: true } });
    const person = rows.find((x) => x.surfaceForms.includes("Vandermeer"));
    expect(person?.entity.name).toBe("Ilse Vandermeer");
  });

  // The surname came first: an article naming only "Kowalsky" created that entity; once an article names
  // Piotr Kowalsky, later bare "Kowalsky"s are his, not the short name's.
  it("files a bare surname under the full name known since, even when the surname has its own entity", async () => {
    const bare = (n: number, town: string) =>
      `Mayor under pressure in ${town}\n\nCouncillors in ${town} called on Kowalsky to explain the ${n}-million budget gap on Tuesday, officials said.\n\nKowalsky did not comment on the figures.`;
    const full = `Piotr Kowalsky named finance chief\n\nPiotr Kowalsky was named the city's finance chief on Wednesday after a long search, the council said.\n\nPiotr Kowalsky had led the audit office.`;
    const put = async (name: string, text: string) => (await ingest([{ kind: "file", filename: name, bytes: enc(text) }], { source: "API" }))[0]!.articleId!;
    const entityOf = async (articleId: string) =>
      (await db().articleEntity.findMany({ where: { articleId }, include: { entity: true } })).find((x) => x.surfaceForms.includes("Kowalsky"))?.entity.name;
    const a = await put("k1.txt", bare(3, "Bremen"));
    expect(await entityOf(a)).toBe("Kowalsky");
    await put("k2.txt", full);
    const c = await put("k3.txt", bare(4, "Rostock"));
    expect(await entityOf(c)).toBe("Piotr Kowalsky");
  });
});

describe("entity names", () => {
  // sportsnet.ca's Davis Cup page named France in a heading "FRANCE WINS" before any prose did.
  it("renames a place first stored in capitals when an article prints it in mixed case, and keeps an acronym", async () => {
    const put = async (name: string, text: string) => ingest([{ kind: "file", filename: name, bytes: enc(text) }], { source: "API" });
    await db().entity.create({ data: { key: "place:france", slug: "place-france", name: "FRANCE", type: "PLACE", aliases: [], relatedKeys: [] } });
    await db().entity.create({ data: { key: "org:nato", slug: "org-nato", name: "NATO", type: "ORGANIZATION", aliases: [], relatedKeys: [] } });
    await put("f.txt", `Ministers meet in Lyon\n\nMinisters from France and Nato allies met in Lyon on Thursday to discuss the winter budget, officials said.\n\nFrance said the talks would go on.`);
    const names = Object.fromEntries((await db().entity.findMany({ where: { key: { in: ["place:france", "org:nato"] } } })).map((e) => [e.key, e.name]));
    expect(names["place:france"]).toBe("France");
    expect(names["org:nato"]).toBe("NATO");
  });
});

describe("outlet names", () => {
  it("names an outlet first known by its domain after the first page of that domain that names its publisher", async () => {
    const pageOf = (n: number, head: string) =>
      `<html><head><link rel="canonical" href="https://www.dailyharbour.example/news/${n}">${head}</head><body><article><h1>Harbour works number ${n} begin</h1>` +
      `<p>Work on the harbour wall, stage ${n} of the plan, began on Monday after two years of delays, the port authority said.</p>` +
      `<p>The authority said the wall would be finished before the storms of the coming winter, and that traffic would not stop.</p></article></body></html>`;
    const put = async (name: string, html: string) => (await ingest([{ kind: "file", filename: name, bytes: enc(html) }], { source: "API" }))[0]!;
    // A syndicated copy: its own og:url and site name are the copier's, so the outlet is named by the domain.
    const copy = await put("copy.html", pageOf(1, '<meta property="og:url" content="https://aggregator.example/ar-1"><meta property="og:site_name" content="Aggregator">'));
    const outlet = await db().outlet.findFirstOrThrow({ where: { articles: { some: { id: copy.articleId! } } } });
    expect(outlet.name).toBe("dailyharbour.example");
    await put("own.html", pageOf(2, '<meta property="og:url" content="https://www.dailyharbour.example/news/2"><meta property="og:site_name" content="The Daily Harbour">'));
    const after = await db().outlet.findUniqueOrThrow({ where: { id: outlet.id } });
    expect(after.name).toBe("The Daily Harbour");
    expect(after.aliases).toContain("dailyharbour.example");
    expect(after.slug).toBe(outlet.slug);
  });
});

describe("reprints", () => {
  it("links another outlet's near-verbatim copy to the original and counts it as a reprint", async () => {
    const wire =
      `Copper price hits record\n\n` +
      `Copper prices rose to a record high on the London Metal Exchange on Wednesday as supply disruptions at two large mines in Chile and Peru tightened the market, traders said.\n\n` +
      `Three-month copper climbed 2.4 percent to 11,240 dollars a tonne in afternoon trading, beating the previous peak set in May, while inventories in exchange warehouses fell to their lowest level in eighteen months.\n\n` +
      `Analysts said demand from electric vehicle makers and grid operators would keep the market tight into next year.`;
    const [orig] = await ingest([{ kind: "file", filename: "wire.txt", bytes: enc(wire) }], { source: "API", hints: { outlet: "Metals Wire" } });
    const reprint = wire.replace("Copper price hits record", "Copper at record as mines falter") + "\n\nReporting by the wire service; editing by our desk.";
    const [copy] = await ingest([{ kind: "file", filename: "reprint.txt", bytes: enc(reprint) }], { source: "API", hints: { outlet: "Daily Commodities" } });
    expect(copy!.status).toBe("created");
    const c = await db().article.findUniqueOrThrow({ where: { id: copy!.articleId! }, include: { story: true } });
    expect(c.copyOfId).toBe(orig!.articleId);
    expect(c.story?.reprintCount).toBe(1);
    expect(c.story?.outletCount).toBe(2);
  });
});

describe("outlet page signatures", () => {
  it("recognises an unnamed page by the boilerplate its outlet's known pages repeat", async () => {
    const chrome = (body: string) =>
      `Skip to main content\nHarbourside Chronicle weekly digest: sign up today\nRead our coverage of the port authority elections\n` +
      `Follow the Harbourside Chronicle on every platform\n\n${body}\n\nAll rights reserved by Harbourside Chronicle Media Group 2024`;
    const story = (n: number) =>
      `Ferry timetable changes for winter ${n}\n\nThe harbour ferry will run every forty minutes from November ${n}, the operator said on Monday, citing lower passenger numbers after the summer season.\n\n` +
      `Commuters said the longer gaps between crossings would make it harder to reach the industrial estate on time for early shifts, and asked the council to step in.`;
    await ingest([{ kind: "file", filename: "h1.txt", bytes: enc(chrome(story(1))) }], { source: "API", hints: { outlet: "Harbourside Chronicle" } });
    await ingest([{ kind: "file", filename: "h2.txt", bytes: enc(chrome(story(2).replace("ferry", "bus"))) }], { source: "API", hints: { outlet: "Harbourside Chronicle" } });
    const other = `Museum reopens after renovation\n\nThe city museum reopened its doors on Saturday after a two-year renovation that cost eleven million euros, the mayor said at the ceremony.\n\nVisitors queued for an hour to see the restored ceiling paintings in the main hall.`;
    const [r] = await ingest([{ kind: "file", filename: "unnamed.txt", bytes: enc(chrome(other)) }], { source: "API" });
    const a = await db().article.findUniqueOrThrow({ where: { id: r!.articleId! }, include: { outlet: true } });
    expect(a.outlet?.name).toBe("Harbourside Chronicle");
    // A page sharing none of that boilerplate stays unknown: never guessed.
    const [u] = await ingest([{ kind: "file", filename: "plain.txt", bytes: enc(other.replace("Museum", "Gallery").replace("city museum", "city gallery")) }], { source: "API" });
    expect((await db().article.findUniqueOrThrow({ where: { id: u!.articleId! } })).outletId).toBeNull();
  });
});

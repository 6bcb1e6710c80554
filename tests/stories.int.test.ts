// Story placement through the real upload path (extraction, entities, PostgreSQL inverted indexes):
// the demo claim gathers a third outlet's report and keeps neighbouring events out, and concurrent
// uploads of one event never split it into two stories.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "./integration-db";
import { db, Prisma } from "@/lib/db/client";
import { loadDemoData } from "@/lib/demo/load-demo-data";
import { ingest } from "@/lib/ingest/ingest-articles";
import { BAKHMUT_COUNTEROFFENSIVE, KIM_VISIT_TO_RUSSIA, THIRD_OUTLET_SAME_CLAIM, type StoryTestArticle } from "@/lib/stories/fixtures-seeds";

withTestDatabase();

async function upload(a: StoryTestArticle, outlet: string) {
  const [r] = await ingest(
    [{ kind: "fields", fields: { text: a.body, title: a.titleDerived ? null : a.title, outlet, publishedAt: a.publishedAt?.toISOString() ?? null } }],
    { source: "API" },
  );
  expect(r!.status).toBe("created");
  return db().article.findUniqueOrThrow({ where: { id: r!.articleId! }, include: { placement: true } });
}

describe("story placement through the upload path", () => {
  it("puts a third outlet's report of the claim in the demo story, and neighbouring events elsewhere", async () => {
    await loadDemoData();
    const demo = await db().article.findFirstOrThrow({ where: { sourceFilename: { startsWith: "001_" } } });
    const third = await upload(THIRD_OUTLET_SAME_CLAIM, "Third Outlet");
    expect(third.storyId).toBe(demo.storyId);
    const bakhmut = await upload(BAKHMUT_COUNTEROFFENSIVE, "Front Line News");
    const kim = await upload(KIM_VISIT_TO_RUSSIA, "Pyongyang Watch");
    expect(bakhmut.storyId).not.toBe(demo.storyId);
    expect(kim.storyId).not.toBe(demo.storyId);
    const story = await db().story.findUniqueOrThrow({ where: { id: demo.storyId! } });
    expect(story.articleCount).toBe(3);
    expect(story.outletCount).toBe(3);
    // Each placement is explained: the scores and what the article shares with its story.
    const why = third.placement!.assignment as { storyId: string; score: number; threshold: number; sharedEntities: { key: string }[] };
    expect(why.storyId).toBe(demo.storyId);
    expect(why.score).toBeGreaterThanOrEqual(why.threshold);
    expect(why.sharedEntities.length).toBeGreaterThan(0);
  });

  it("weighs an article by the entities it is stored under, as a re-cluster reads them back", async () => {
    const full = await upload({ id: "scholz-full", title: "Chancellor Olaf Scholz opens the Elbe tunnel in Hamburg", titleDerived: false, publishedAt: null,
      body: "Chancellor Olaf Scholz opened the new Elbe tunnel in Hamburg on Monday, calling it a milestone for the port. The tunnel took nine years to build." }, "Hamburg Courier");
    const short = await upload({ id: "scholz-short", title: "Scholz praises port workers at Cuxhaven ceremony", titleDerived: false, publishedAt: null,
      body: "Scholz thanked dock workers in Cuxhaven on Friday and promised federal money for the harbour's new quay. Scholz spoke for ten minutes." }, "North Sea Post");
    const scholz = await db().entity.findFirstOrThrow({ where: { name: "Olaf Scholz" } });
    // "Scholz" alone was stored as the known Olaf Scholz...
    expect(await db().articleEntity.count({ where: { articleId: short.id, entityId: scholz.id } })).toBe(1);
    // ...and placed as him: every entity key in the stories' signatures is one their articles' rows name.
    for (const a of [full, short]) {
      const s = await db().story.findUniqueOrThrow({ where: { id: a.storyId! }, include: { articles: { select: { entities: { select: { entity: { select: { key: true } } } } } } } });
      const stored = new Set(s.articles.flatMap((x) => x.entities.map((e) => e.entity.key)));
      const keys = Object.keys((s.signature as { entities: Record<string, number> }).entities);
      expect(keys).toContain(scholz.key);
      expect(keys.filter((k) => !stored.has(k))).toEqual([]);
    }
  });

  it("never splits one event into two stories when its reports arrive at the same moment", async () => {
    const report = (outlet: string, extra: string) =>
      `The Orava dam in Tvrdošín burst early on Tuesday, flooding three villages downstream, Slovak police said. ` +
      `Rescue teams evacuated 400 residents from Trstená and Nižná as the Orava river rose by two metres within an hour. ${extra}\n\n` +
      `Interior Minister Matúš Šutaj Eštok said an investigation into the dam's maintenance had begun. (${outlet})`;
    const results = await Promise.all(
      ["Bratislava Daily", "Tatra Times", "Danube Wire", "Orava Herald"].map((outlet, i) =>
        ingest([{ kind: "fields", fields: { text: report(outlet, ["Helicopters joined.", "Schools closed.", "Roads were cut.", "Power failed."][i]!), title: "Orava dam bursts, villages flooded", outlet } }], { source: "API" }),
      ),
    );
    const ids = results.flat().map((r) => r.articleId!);
    expect(results.flat().every((r) => r.status === "created")).toBe(true);
    const stories = new Set((await db().article.findMany({ where: { id: { in: ids } }, select: { storyId: true } })).map((a) => a.storyId));
    expect(stories.size).toBe(1);
  });
});

describe("corpus statistics after placement", () => {
  const stat = async (term: string) => (await db().termStat.findUnique({ where: { term } }))?.df ?? 0;

  it("counts every uploaded article once, right after each upload while the corpus is young", async () => {
    const articles = await db().article.count();
    expect(await stat("#articles")).toBe(articles);
    expect(await db().termStatQueue.count()).toBe(0);
  });

  it("applies queued articles in batches once the corpus is large, each exactly once under concurrency", async () => {
    const { applyTermStatQueue, termStatBatch } = await import("@/lib/ingest/term-stats");
    const before = await stat("#articles");
    // Pretend a corpus of 5,000 articles: a batch is then 50 articles, so 49 queued ones wait.
    await db().termStat.update({ where: { term: "#articles" }, data: { df: 5_000 } });
    expect(termStatBatch(5_000)).toBe(50);
    const queue = (n: number, from: number) =>
      db().termStatQueue.createMany({
        data: Array.from({ length: n }, (_, i) => ({ articleId: `queued-${from + i}`, keys: ["#articles", "zzqueuedword", `zzonly${from + i}`] })),
      });
    await queue(49, 0);
    expect(await applyTermStatQueue()).toBe(0);
    expect(await stat("zzqueuedword")).toBe(0);
    await queue(31, 49);
    const runs = await Promise.all([applyTermStatQueue(), applyTermStatQueue(), applyTermStatQueue()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(80);
    expect(await stat("zzqueuedword")).toBe(80);
    expect(await stat("zzonly79")).toBe(1);
    expect(await stat("#articles")).toBe(5_080);
    expect(await db().termStatQueue.count()).toBe(0);
    await db().termStat.update({ where: { term: "#articles" }, data: { df: before } });
  });
});

describe("candidate versions", () => {
  it("change whenever the story's row is written, so a cached weighted vector is never used for a changed signature", async () => {
    const { PgStoryStore } = await import("@/lib/ingest/pg-story-store");
    const row = await db().storyTerm.findFirstOrThrow({ orderBy: { weight: "desc" } });
    const versionOf = async (tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0]) => {
      const found = await new PgStoryStore(tx).candidates({ entityKeys: [], terms: [row.term], limit: 200 });
      return found.find((c) => c.storyId === row.storyId)?.version;
    };
    const v1 = await db().$transaction((tx) => versionOf(tx));
    expect(v1).toBeTruthy();
    expect(await db().$transaction((tx) => versionOf(tx))).toBe(v1);
    const story = await db().story.findUniqueOrThrow({ where: { id: row.storyId } });
    await db().story.update({ where: { id: row.storyId }, data: { signature: story.signature ?? undefined } });
    const v2 = await db().$transaction((tx) => versionOf(tx));
    expect(v2).toBeTruthy();
    expect(v2).not.toBe(v1);
  });

  it("of the story an upload writes are cached with its weighted vector, equal to weighing the row read back", async () => {
    const { PgStoryStore } = await import("@/lib/ingest/pg-story-store");
    const { decideStory, recordPlacement } = await import("@/lib/ingest/ingest-articles");
    const { featureSelect, toArticleFeatures } = await import("@/lib/ingest/article-features");
    const { StoryVectorCache, statsKeys, storyVector, withBackground, DEFAULT_SCORING_PARAMS: params } = await import("@/lib/stories");
    // A copy of a placed article under a new id joins that article's story.
    const original = await db().article.findFirstOrThrow({ where: { storyId: { not: null } }, select: { ...featureSelect, storyId: true }, orderBy: { createdAt: "asc" } });
    const features = { ...toArticleFeatures(original), id: "copy-of-" + original.id };
    const cache = new StoryVectorCache();
    const { placed, store } = await db().$transaction(async (tx) => {
      await tx.article.create({ data: { id: features.id, title: "copy", body: features.body, wordCount: 1, contentHash: features.id, fileHash: features.id, sourceFormat: "text", original: Buffer.from("") } });
      const decision = await decideStory(tx, features, cache);
      return { placed: await recordPlacement(tx, features, decision), store: decision.store };
    });
    const storyId = placed.storyId;
    expect(storyId).toBe(original.storyId);
    const [row] = await db().$queryRaw<{ version: string }[]>`SELECT xmin::text AS version FROM "Story" WHERE id = ${storyId}`;
    await db().$transaction(async (tx) => {
      const fresh = new PgStoryStore(tx, null);
      const stats = withBackground(await fresh.statsFor({ terms: [], entityKeys: [] }), params.vector.backgroundDocs);
      // The candidates query's version of the story is the committed row's; once committed, the write-back
      // caches the story under it, so the story's next placement is a warm one.
      expect(cache.get(storyId, row!.version, stats.articleCount)).toBeUndefined();
      placed.cacheWritten();
      const cached = cache.get(storyId, row!.version, stats.articleCount);
      expect(cached).toBeTruthy();
      const read = (await fresh.signatures([storyId])).get(storyId)!;
      expect(cached!.signature).toEqual(read);
      // Same key order as the row read back (weighing sums in key order), so the same vector to the last bit.
      for (const part of ["terms", "titleTerms", "entities", "dates"] as const) expect(Object.keys(cached!.signature[part] ?? {})).toEqual(Object.keys(read[part] ?? {}));
      // With the statistics the placement weighed by (a later placement may read newer counts, within the
      // vector cache's drift rule like any entry).
      const now = withBackground(await store.statsFor(statsKeys(read)), params.vector.backgroundDocs);
      expect(cached!.weighted).toEqual(storyVector(read, now, params));
    });
  });

  it("of the most recent stories are weighed into a starting server's cache, as a placement would weigh them", async () => {
    const { PgStoryStore, warmPlacementCaches } = await import("@/lib/ingest/pg-story-store");
    const { StoryVectorCache, statsKeys, storyVector, withBackground, DEFAULT_SCORING_PARAMS: params } = await import("@/lib/stories");
    const live = await db().story.findMany({ where: { mergedIntoId: null, NOT: { signature: { equals: Prisma.DbNull } } }, orderBy: [{ rankAt: "desc" }, { id: "asc" }], select: { id: true } });
    expect(live.length).toBeGreaterThan(3);
    const cache = new StoryVectorCache();
    const warmed = await warmPlacementCaches({ cache, stories: 3 });
    expect(warmed.stories).toBe(3);
    await db().$transaction(async (tx) => {
      const store = new PgStoryStore(tx);
      const rows = await tx.$queryRaw<{ id: string; version: string }[]>`SELECT id, xmin::text AS version FROM "Story" WHERE id = ANY(${live.map((s) => s.id)}::text[])`;
      const version = new Map(rows.map((r) => [r.id, r.version]));
      const signatures = await store.signatures(live.map((s) => s.id));
      const corpus = withBackground(await store.statsFor({ terms: [], entityKeys: [] }), params.vector.backgroundDocs).articleCount;
      for (const [i, { id }] of live.entries()) {
        const entry = cache.get(id, version.get(id)!, corpus);
        // The three most recent only, each weighed exactly as a placement weighs the row it reads.
        if (i >= 3) {
          expect(entry).toBeUndefined();
          continue;
        }
        const read = signatures.get(id)!;
        expect(entry!.signature).toEqual(read);
        expect(entry!.weighted).toEqual(storyVector(read, withBackground(await store.statsFor(statsKeys(read)), params.vector.backgroundDocs), params));
      }
    });
  });

  it("are read at once into the process cache after an upload, so a first meeting does not read them", async () => {
    const { PgStoryStore, warmStatistics } = await import("@/lib/ingest/pg-story-store");
    const [r] = await ingest([{ kind: "fields", fields: { text: "Firefighters in Tromsø contained a warehouse blaze on Sunday, the municipal fire chief Ingrid Solheim said. No one was hurt, and the harbour reopened by noon.", title: "Warehouse fire contained in Tromsø", outlet: "Arctic Wire" } }], { source: "API" });
    expect(r!.status).toBe("created");
    // Warmed at this corpus size already: nothing to read again.
    expect(await warmStatistics(db())).toBe(0);
    const row = await db().termStat.findFirstOrThrow({ where: { term: "warehouse" } });
    // The database's count moves without the corpus size: a store answers with the count warmed after the
    // upload, not read again.
    await db().termStat.update({ where: { term: row.term }, data: { df: row.df + 100 } });
    try {
      const stats = await db().$transaction(async (tx) => new PgStoryStore(tx).statsFor({ terms: [row.term], entityKeys: [] }));
      expect(stats.termDf(row.term)).toBe(row.df);
    } finally {
      await db().termStat.update({ where: { term: row.term }, data: { df: row.df } });
    }
  });
});

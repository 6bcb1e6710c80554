// Story assignment at scale through the product's own PostgreSQL path (lib/ingest/pg-story-store:
// candidate stories from the StoryEntity/StoryTerm inverted indexes, then the write-back of signature,
// index rows and corpus statistics), at 1k, 10k and 100k stored articles. Stored articles are the
// seeded synthetic corpus (bench/synthetic-corpus.ts) filed under their generated stories and
// bulk-loaded; each probe is one new article placed inside a transaction that is rolled back, so every
// probe sees the same database. Next to it, in the same run: the in-memory store's placement.
//
//   npm run bench:stories-db            # up to 100,000 stored articles
//   npm run bench:stories-db -- 10000   # a smaller top size
import { db, type Prisma } from "@/lib/db/client";
import { placeInStory } from "@/lib/ingest/ingest-articles";
import { articleTermSet, articleVector, InMemoryStoryStore, placeArticle, updateSignature, type StorySignature } from "@/lib/stories";
import { freshBenchDatabase, percentile } from "./lib/bench-db";
import { generateCorpus, type SyntheticArticle } from "./synthetic-corpus";

const PROBES = 200;

class Rollback extends Error {}

async function bulkLoad(articles: SyntheticArticle[], stories: Map<string, { id: string; sig: StorySignature }>, storyOf: Map<string, string>) {
  const d = db();
  // Entities.
  const keys = [...new Set(articles.flatMap((a) => a.entities.map((e) => e.key)))];
  const known = new Set((await d.entity.findMany({ select: { key: true } })).map((e) => e.key));
  const fresh = keys.filter((k) => !known.has(k));
  for (let i = 0; i < fresh.length; i += 5000) {
    await d.entity.createMany({
      data: fresh.slice(i, i + 5000).map((key) => ({ key, slug: key.replace(/[^a-z0-9]+/g, "-").slice(0, 80) + "-" + Buffer.from(key).toString("hex").slice(0, 8), name: key, type: "OTHER" as const })),
      skipDuplicates: true,
    });
  }
  const entityId = new Map((await d.entity.findMany({ select: { id: true, key: true } })).map((e) => [e.key, e.id]));
  // Stories touched by this batch: (re)write row, signature and index rows.
  const touched = new Set(articles.map((a) => storyOf.get(a.id)!));
  const rows = [...touched].map((id) => [...stories.values()].find((s) => s.id === id)!);
  const existing = new Set((await d.story.findMany({ where: { id: { in: [...touched] } }, select: { id: true } })).map((s) => s.id));
  await d.story.createMany({
    data: rows.filter((s) => !existing.has(s.id)).map((s) => ({ id: s.id, slug: `story-${s.id}`, title: `Story ${s.id}`, articleCount: s.sig.articleCount })),
  });
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await d.$executeRaw`UPDATE "Story" s SET signature = v.sig::jsonb, "articleCount" = v.n FROM unnest(${chunk.map((c) => c.id)}::text[], ${chunk.map((c) => JSON.stringify(c.sig))}::text[], ${chunk.map((c) => c.sig.articleCount)}::int[]) AS v(id, sig, n) WHERE s.id = v.id`;
    await d.storyEntity.deleteMany({ where: { storyId: { in: chunk.map((c) => c.id) } } });
    await d.storyTerm.deleteMany({ where: { storyId: { in: chunk.map((c) => c.id) } } });
    await d.storyEntity.createMany({
      data: chunk.flatMap((c) => Object.entries(c.sig.entities).map(([k, w]) => ({ storyId: c.id, entityId: entityId.get(k)!, weight: w }))),
      skipDuplicates: true,
    });
    await d.storyTerm.createMany({ data: chunk.flatMap((c) => Object.entries(c.sig.terms).map(([term, weight]) => ({ storyId: c.id, term, weight }))) });
  }
  // Articles (for a realistic table size) and corpus statistics.
  for (let i = 0; i < articles.length; i += 2000) {
    await d.article.createMany({
      data: articles.slice(i, i + 2000).map((a) => ({
        id: a.id,
        title: a.title,
        body: a.body,
        wordCount: a.body.split(" ").length,
        contentHash: a.id,
        fileHash: a.id,
        sourceFormat: "text",
        original: Buffer.from(a.body),
        storyId: storyOf.get(a.id)!,
        publishedAt: a.publishedAt,
      })),
    });
  }
  const df = new Map<string, number>();
  for (const a of articles) {
    for (const t of articleTermSet(a)) df.set(t, (df.get(t) ?? 0) + 1);
    for (const k of new Set(a.entities.map((e) => `@${e.key}`))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  df.set("#articles", articles.length);
  const entries = [...df];
  for (let i = 0; i < entries.length; i += 5000) {
    const chunk = entries.slice(i, i + 5000);
    await d.$executeRaw`INSERT INTO "TermStat" (term, df) SELECT * FROM unnest(${chunk.map((e) => e[0])}::text[], ${chunk.map((e) => e[1])}::int[])
      ON CONFLICT (term) DO UPDATE SET df = "TermStat".df + EXCLUDED.df`;
  }
}

async function main() {
  const top = Number(process.argv[2] ?? 100_000);
  const checkpoints = [1_000, 10_000, 100_000].filter((n) => n <= top);
  const bench = await freshBenchDatabase("parallax_bench_stories");
  const t0 = Date.now();
  const corpus = generateCorpus({ articles: top + PROBES, seed: 7 });
  const probes = corpus.slice(top);
  console.log(`generated ${corpus.length} synthetic articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const memory = new InMemoryStoryStore();
  const stories = new Map<string, { id: string; sig: StorySignature }>();
  const storyOf = new Map<string, string>();
  let loaded = 0;
  console.log("stored   stories | PostgreSQL path: p50 ms  p95 ms  cands | in-memory: p50 ms  p95 ms | db size");
  for (const n of checkpoints) {
    const batch = corpus.slice(loaded, n);
    for (const a of batch) {
      const vec = articleVector(a, memory.stats());
      const s = stories.get(a.storyKey) ?? { id: `s${stories.size.toString(36).padStart(8, "0")}`, sig: null as unknown as StorySignature };
      s.sig = updateSignature(stories.has(a.storyKey) ? s.sig : null, vec);
      stories.set(a.storyKey, s);
      storyOf.set(a.id, s.id);
      memory.add(a, vec, memory.story(`story:${s.id}`) ? `story:${s.id}` : null);
    }
    await bulkLoad(batch, stories, storyOf);
    loaded = n;

    const pgTimes: number[] = [];
    const cands: number[] = [];
    for (const p of probes) {
      const probe = { ...p, id: `probe-${p.id}` };
      try {
        await db().$transaction(async (tx: Prisma.TransactionClient) => {
          await tx.article.create({ data: { id: probe.id, title: probe.title, body: probe.body, wordCount: 1, contentHash: probe.id, fileHash: probe.id, sourceFormat: "text", original: Buffer.from("") } });
          const t = performance.now();
          await placeInStory(tx, probe);
          pgTimes.push(performance.now() - t);
          const a = await tx.article.findUniqueOrThrow({ where: { id: probe.id }, select: { assignment: true } });
          cands.push((a.assignment as { candidateCount: number }).candidateCount);
          throw new Rollback();
        });
      } catch (e) {
        if (!(e instanceof Rollback)) throw e;
      }
    }
    const memTimes: number[] = [];
    for (const p of probes) {
      const t = performance.now();
      await placeArticle(p, memory);
      memTimes.push(performance.now() - t);
    }
    console.log(
      `${String(n).padStart(7)} ${String(stories.size).padStart(8)} |                  ${percentile(pgTimes, 50).toFixed(1).padStart(6)}  ${percentile(pgTimes, 95).toFixed(1).padStart(6)}  ${percentile(cands, 50).toFixed(0).padStart(5)} |          ${percentile(memTimes, 50).toFixed(2).padStart(6)}  ${percentile(memTimes, 95).toFixed(2).padStart(6)} | ${await bench.size()}`,
    );
  }
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

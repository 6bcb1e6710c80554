// Story assignment at scale through the product's own PostgreSQL path (lib/ingest/pg-story-store:
// candidate stories from the StoryEntity/StoryTerm inverted indexes, then the write-back of signature,
// index rows and corpus statistics), at 1k, 10k and 100k stored articles. Stored articles are the
// seeded synthetic corpus (bench/synthetic-corpus.ts) filed under their generated stories and
// bulk-loaded; each probe is one new article placed inside a transaction that is rolled back, so every
// probe sees the same database. Next to it, in the same run: the in-memory store's placement. Last, a fresh
// server process's first uploads at the top size, without and with the start-up warm-up.
//
//   npm run bench:stories-db            # up to 100,000 stored articles
//   npm run bench:stories-db -- 10000   # a smaller top size
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { db, type Prisma } from "@/lib/db/client";
import { corpusKeys, warmPlacementCaches, warmStatistics } from "@/lib/ingest/pg-story-store";
import { applyTermStatQueue, termStatBatch } from "@/lib/ingest/term-stats";
import { InMemoryStoryStore, placeArticle, StoryVectorCache, type StorySignature } from "@/lib/stories";
import { freshBenchDatabase, percentile } from "./lib/bench-db";
import { loadUnderGeneratedStories } from "./lib/bulk-load";
import { benchCorpus, Rollback, timeProbes } from "./lib/probes";
import type { generateCorpus } from "./synthetic-corpus";

async function main() {
  const top = Number(process.argv[2] ?? 100_000);
  const checkpoints = [1_000, 10_000, 100_000].filter((n) => n <= top);
  const bench = await freshBenchDatabase(process.env.BENCH_DB_NAME ?? "parallax_bench_stories");
  const t0 = Date.now();
  const { stored: corpus, probes } = benchCorpus(top);
  console.log(`generated ${corpus.length + probes.length} synthetic articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const memory = new InMemoryStoryStore();
  const stories = new Map<string, { id: string; sig: StorySignature }>();
  const storyOf = new Map<string, string>();
  let loaded = 0;
  // Each probe's transaction starts as an upload's does (ingest-articles.ts): the story lock, taken by the
  // same `bindTxSql(tx, STORY_LOCK)` statement, which also binds the transaction's own connection. "lock":
  // that statement alone (uncontended here: one probe at a time). "decide": which story (read-only);
  // "total": the lock, the decision and the write-back of signature, index rows, corpus statistics and the
  // article's story (recordPlacement, the upload's own code), i.e. the lock's time is included.
  // "stats": the corpus statistics a placement queues, added to TermStat after commit in batches
  // (lib/ingest/term-stats.ts): one batch's time divided by its articles, what each upload pays later.
  console.log("stored   stories  db size | cache       |  lock p50/p95  decide p50/p95  total p50/p95  cands | stats batch, ms/article | in-memory p50/p95");
  for (const n of checkpoints) {
    await loadUnderGeneratedStories(corpus.slice(loaded, n), { memory, stories, storyOf });
    loaded = n;

    const cands: number[] = [];
    // cold: no process caches at all (every candidate's signature and statistics read and weighed).
    // first: the process's caches, holding nothing valid when the pass starts (the corpus grew tenfold since
    // the last checkpoint, past their 5% drift), filled as the pass goes: a server that has not yet seen
    // these stories. warm: the same probes once more, so every candidate's weighted vector and every key's
    // document frequency is cached: a server whose caches hold the stories an upload meets (for a story
    // written since it was cached, the next placement reads and weighs it again, as in "first").
    // first+stats: as first, with an empty vector cache of its own, after the process read every TermStat
    // count (warmStatistics, as an upload does after its commit once the corpus has grown 2.5%): a server
    // whose statistics are warm meeting these stories for the first time. Its read is timed apart.
    const cold = await timeProbes(probes, null, cands);
    const first = await timeProbes(probes, undefined, []);
    const tw = performance.now();
    const warmedKeys = await warmStatistics(db(), { force: true });
    const warmMs = performance.now() - tw;
    const firstStats = await timeProbes(probes, new StoryVectorCache(), []);
    // started: a server that has just started (instrumentation.ts): an empty vector cache of its own,
    // filled by the start-up warm-up (the STARTUP_STORIES most recently active stories), timed apart.
    const startCache = new StoryVectorCache();
    const ts = performance.now();
    const started = await warmPlacementCaches({ cache: startCache });
    const startMs = performance.now() - ts;
    const startedTimes = await timeProbes(probes, startCache, []);
    const warm = await timeProbes(probes, undefined, []);
    const batch = termStatBatch(n);
    const statsMs = await timeStatsBatch(probes.slice(0, batch));
    const memTimes: number[] = [];
    for (const p of probes) {
      const t = performance.now();
      await placeArticle(p, memory);
      memTimes.push(performance.now() - t);
    }
    const size = await bench.size();
    const rows = [
      ["cold", cold],
      ["first", first],
      ["first+stats", firstStats],
      ["started", startedTimes],
      ["warm", warm],
    ] as const;
    for (const [i, [name, t]] of rows.entries()) {
      const head = i ? " ".repeat(25) : `${String(n).padStart(7)} ${String(stories.size).padStart(8)} ${size.padStart(8)}`;
      const tail = i
        ? ""
        : ` | ${String(batch).padStart(5)} articles, ${(statsMs / batch).toFixed(2).padStart(5)}  | ${percentile(memTimes, 50).toFixed(2)}/${percentile(memTimes, 95).toFixed(2)}`;
      if (name === "first+stats") console.log(`${" ".repeat(25)} | (warmStatistics: ${warmedKeys} keys in ${warmMs.toFixed(0)} ms)`);
      if (name === "started") console.log(`${" ".repeat(25)} | (start-up warm-up: ${started.stories} stories in ${startMs.toFixed(0)} ms)`);
      console.log(`${head} | ${name.padEnd(11)} | ${pcts(t.lock)}  ${pcts(t.decide)}  ${pcts(t.total)}  ${i ? "     " : percentile(cands, 50).toFixed(0).padStart(5)}${tail}`);
    }
  }
  // A fresh server process at the top size, in processes of their own (this one holds the in-memory store
  // and the caches of every pass above): without the start-up warm-up and with it, alternated twice.
  console.log(`\nfresh server processes at ${top} stored (bench/stories-fresh-server.ts; load ${loadavg()[0]!.toFixed(2)}):`);
  for (let i = 0; i < 2; i++) {
    for (const mode of ["first", "started"]) {
      execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/stories-fresh-server.ts", mode], {
        env: { ...process.env, DATABASE_URL: bench.url },
        stdio: "inherit",
      });
    }
  }
  await bench.close();
}

const pcts = (xs: number[]) => `${percentile(xs, 50).toFixed(1).padStart(6)}/${percentile(xs, 95).toFixed(1).padEnd(6)}`;

/** Median over 5 runs of adding `probes`' queued corpus keys to TermStat, each run rolled back. */
async function timeStatsBatch(probes: ReturnType<typeof generateCorpus>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    try {
      await db().$transaction(async (tx: Prisma.TransactionClient) => {
        await tx.termStatQueue.createMany({ data: probes.map((p) => ({ articleId: `probe-${p.id}`, keys: corpusKeys(p) })) });
        const t = performance.now();
        await applyTermStatQueue({ force: true, client: tx });
        times.push(performance.now() - t);
        throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
  }
  return percentile(times, 50);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

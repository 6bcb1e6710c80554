// Full re-clustering at scale: `npm run stories:recluster`'s code (lib/ingest/recluster.ts) over a database
// of N seeded synthetic articles (bench/synthetic-corpus.ts) filed under their generated stories with
// their entities, as the stories bench loads them. Reports the wall time of the re-cluster, its own split
// (articles placed per second in memory, then the write-back transaction), the outcome, and the database size.
//
//   npm run bench:stories-recluster            # 100,000 articles
//   npm run bench:stories-recluster -- 10000
//
// The bulk load takes minutes at 100k; to time the re-cluster again on the same loaded database,
// BENCH_TEMPLATE=<name> keeps a copy of the database as loaded under that name (made on the first run) and
// later runs start from `CREATE DATABASE ... TEMPLATE <name>` instead of loading. Drop the template when done.
import { InMemoryStoryStore, type StorySignature } from "@/lib/stories";
import { reclusterAll } from "@/lib/ingest/recluster";
import { db, disconnectDb } from "@/lib/db/client";
import { benchDatabase, copyOfTemplate, freshBenchDatabase, saveTemplate, type BenchDb } from "./lib/bench-db";
import { loadUnderGeneratedStories } from "./lib/bulk-load";
import { generateCorpus } from "./synthetic-corpus";

/** The corpus and the loader's stores live only here, so the re-cluster runs with the heap the command has. */
async function load(n: number, bench: BenchDb): Promise<void> {
  const state = { memory: new InMemoryStoryStore(), stories: new Map<string, { id: string; sig: StorySignature }>(), storyOf: new Map<string, string>() };
  const corpus = generateCorpus({ articles: n, seed: 11 });
  const tl = Date.now();
  for (let i = 0; i < n; i += 10_000) await loadUnderGeneratedStories(corpus.slice(i, i + 10_000), state);
  console.log(`loaded ${n} articles in ${state.stories.size} generated stories in ${((Date.now() - tl) / 1000).toFixed(1)} s; database ${await bench.size()}`);
}

async function main() {
  const n = Number(process.argv[2] ?? 100_000);
  const name = process.env.BENCH_DB_NAME ?? "parallax_bench_recluster";
  const template = process.env.BENCH_TEMPLATE;
  let bench: BenchDb;
  if (template && (await copyOfTemplate(template, name))) {
    bench = await benchDatabase(name);
    console.log(`copied ${template} instead of loading (the articles it was loaded with, whatever N says)`);
  } else {
    bench = await freshBenchDatabase(name);
    await load(n, bench);
    if (template) {
      await disconnectDb(); // a template cannot be copied while connections to it are open
      await saveTemplate(name, template);
    }
  }
  const cpu0 = process.cpuUsage();

  let placedAt = 0;
  let cpuPlaced: NodeJS.CpuUsage | null = null;
  const report = await reclusterAll((done) => {
    if (done === n) {
      placedAt = Date.now();
      cpuPlaced = process.cpuUsage(cpu0);
    }
  });
  const placing = placedAt ? (placedAt - (Date.now() - report.seconds * 1000)) / 1000 : NaN;
  console.log(
    `re-cluster of ${report.articles} articles: ${report.seconds.toFixed(1)} s (placing ${placing.toFixed(1)} s, ` +
      `${(report.articles / placing).toFixed(0)} articles/s; writing ${(report.seconds - placing).toFixed(1)} s); ` +
      `stories ${report.storiesBefore} -> ${report.storiesAfter} (${report.kept} kept, ${report.created} new, ${report.mergedAway} redirected), ` +
      `${report.changedArticles} articles moved; database ${await bench.size()}`,
  );
  console.log(`steps (s): ${(report.phases ?? []).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
  const cpu = process.cpuUsage(cpu0);
  // What the re-cluster wrote, as one digest: equal digests before and after a change mean the same
  // stories and explanations (kept stories keep their ids; jsonb's text form does not depend on key order).
  const [{ digest }] = await db().$queryRaw<[{ digest: string }]>`
    SELECT md5(string_agg(id || ' ' || COALESCE("storyId", '-') || ' ' || COALESCE(w.assignment::text, '-'), E'\n' ORDER BY id)) AS digest
    FROM "Article" a LEFT JOIN "ArticleAssignment" w ON w."articleId" = a.id`;
  const [{ sigs }] = await db().$queryRaw<[{ sigs: string }]>`
    SELECT md5(string_agg(id || ' ' || COALESCE("mergedIntoId", '-') || ' ' || COALESCE(signature::text, '-'), E'\n' ORDER BY id)) AS sigs FROM "Story"`;
  console.log(`digest of articles (id, story, explanation) ${digest}; of stories (id, merged into, signature) ${sigs}`);
  const seconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
  const placedCpu = cpuPlaced as NodeJS.CpuUsage | null;
  console.log(
    `this process's CPU during the re-cluster: ${seconds(cpu).toFixed(1)} s` +
      (placedCpu ? ` (placing ${seconds(placedCpu).toFixed(1)} s, writing ${(seconds(cpu) - seconds(placedCpu)).toFixed(1)} s)` : "") +
      ` (the rest of the wall time: PostgreSQL, other processes)`,
  );
  await bench.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

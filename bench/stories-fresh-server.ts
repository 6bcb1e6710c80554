// A fresh server process's first uploads at scale, with and without the start-up warm-up
// (instrumentation.ts -> warmPlacementCaches). `npm run bench:stories-db` ends by running it at its top
// size; by hand, against the database that bench left (BENCH_DB_NAME), once per mode, each in a process of
// its own, alternating the modes:
//
//   for i in 1 2; do for m in first started; do
//     DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<BENCH_DB_NAME> node --expose-gc --import tsx bench/stories-fresh-server.ts $m
//   done; done
//
// "first": the process's caches empty, as a server that skipped the warm-up (PARALLAX_WARM_START=0) meets
// its first uploads' candidate stories; "started": the warm-up awaited first, as a server whose warm-up
// has finished. The probes are the 200 articles bench:stories-db probes with (same seed), each placed in a
// transaction that is rolled back. Unlike bench:stories-db's rows, nothing else is held in this process.
import { db, disconnectDb } from "@/lib/db/client";
import { warmPlacementCaches } from "@/lib/ingest/pg-story-store";
import { percentile } from "./lib/bench-db";
import { benchCorpus, timeProbes } from "./lib/probes";

async function main() {
  const mode = process.argv[2];
  if (mode !== "first" && mode !== "started") throw new Error("usage: stories-fresh-server.ts first|started");
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must name the database bench:stories-db left");
  const stored = await db().article.count();
  const { probes } = benchCorpus(stored);
  let warmMs = 0;
  let warmed = 0;
  const heap = () => {
    globalThis.gc?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const heapBefore = heap();
  if (mode === "started") {
    const t = performance.now();
    warmed = (await warmPlacementCaches()).stories;
    warmMs = performance.now() - t;
  }
  const heapWarm = heap();
  const t = await timeProbes(probes, undefined, []);
  const p = (xs: number[]) => `${percentile(xs, 50).toFixed(1)}/${percentile(xs, 95).toFixed(1)}`;
  console.log(
    `${stored} stored | ${mode.padEnd(7)} | lock ${p(t.lock)}  decide ${p(t.decide)}  total ${p(t.total)} ms` +
      (mode === "started" ? ` | warm-up ${warmed} stories in ${(warmMs / 1000).toFixed(1)} s, heap ${heapBefore.toFixed(0)} -> ${heapWarm.toFixed(0)} MB` : ""),
  );
  await disconnectDb();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

// npm run bench – every benchmark in turn, each printing Parallax next to its baseline from the same run.
// Sizes default to what finishes in a few minutes each on a 2-core machine; pass --full for the 100k runs.
import { spawnSync } from "node:child_process";

const full = process.argv.includes("--full");
const runs: [string, string[]][] = [
  ["bench/extract.ts", ["--worst", "0"]],
  ["bench/entities.ts", []],
  ["bench/stories.ts", []],
  ["bench/stories-ingest.ts", []],
  ["bench/compare.ts", []],
  ["bench/stories-scale.ts", [full ? "100000" : "10000"]],
  ["bench/stories-db.ts", [full ? "100000" : "10000"]],
  ["bench/story-page.ts", [full ? "100000" : "10000"]],
  ["bench/stories-recluster.ts", [full ? "100000" : "10000"]],
];

let failed = 0;
for (const [file, args] of runs) {
  console.log(`\n===== ${file} ${args.join(" ")}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", file, ...args], { stdio: "inherit" });
  console.log(`===== ${file}: ${r.status === 0 ? "done" : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

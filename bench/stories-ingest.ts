// Story clustering through the whole product path: every ECB+ article uploaded as a .txt file, one upload
// at a time in file order, through lib/ingest's `ingest()` (extraction, duplicate check, entities, outlet,
// PostgreSQL story placement with its write-back, comparison) into a fresh database; then B-cubed of the
// stories PostgreSQL holds against the gold clusters. `npm run bench:stories` measures the placement code
// with the in-memory store on the same file; this one shows what an upload of the same files really gives
// (the extracted text, the stored statistics and the queued corpus statistics included), next to it.
//
//   npm run bench:stories-ingest            # all 772 articles
//   npm run bench:stories-ingest -- 200     # the first 200 only (a quick look; B-cubed over those)
import { loadavg } from "node:os";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/ingest/ingest-articles";
import { freshBenchDatabase } from "./lib/bench-db";
import { bcubed, loadEcbPlus } from "./stories";

async function main() {
  const limit = Number(process.argv[2] ?? Infinity);
  const rows = loadEcbPlus().slice(0, limit);
  const bench = await freshBenchDatabase(process.env.BENCH_DB_NAME ?? "parallax_bench_ingest");
  const load0 = loadavg()[0]!;
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  // id of the uploaded file -> stored article id (a duplicate maps to the article it repeats).
  const articleOf = new Map<string, string>();
  const outcome = { created: 0, duplicate: 0, rejected: 0 };
  const rejected: string[] = [];
  for (const r of rows) {
    const [res] = await ingest([{ kind: "file", filename: `${r.id}.txt`, bytes: new TextEncoder().encode(r.text) }], { source: "CLI" });
    if (!res) throw new Error(`no result for ${r.id}`);
    outcome[res.status]++;
    const id = res.articleId ?? res.duplicateOfId;
    if (id) articleOf.set(r.id, id);
    else rejected.push(`${r.id}: ${res.error?.code ?? "?"}`);
  }
  const wallS = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);

  const stored = await db().article.findMany({ select: { id: true, storyId: true } });
  const storyOfArticle = new Map(stored.map((a) => [a.id, a.storyId ?? `none:${a.id}`]));
  const splits = { train: new Map<string, string>(), dev: new Map<string, string>(), all: new Map<string, string>() };
  const gold = { train: new Map<string, string>(), dev: new Map<string, string>(), all: new Map<string, string>() };
  for (const r of rows) {
    const a = articleOf.get(r.id);
    if (!a) continue; // rejected: not stored, so not clustered
    const s = storyOfArticle.get(a)!;
    for (const k of [r.split, "all"] as const) {
      splits[k].set(r.id, s);
      gold[k].set(r.id, r.cluster_id);
    }
  }
  console.log(
    `${rows.length} uploads in ${wallS.toFixed(1)} s (${(rows.length / wallS).toFixed(1)} files/s; process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load ${load0.toFixed(2)} -> ${loadavg()[0]!.toFixed(2)}): ${outcome.created} created, ${outcome.duplicate} duplicate, ${outcome.rejected} rejected`,
  );
  if (rejected.length) console.log(`rejected: ${rejected.join(", ")}`);
  console.log("split   n    | B-cubed P      R      F1  stories | gold stories");
  for (const k of ["train", "dev", "all"] as const) {
    if (!splits[k].size) continue;
    const b = bcubed(splits[k], gold[k]);
    const goldN = new Set(gold[k].values()).size;
    console.log(`${k.padEnd(6)} ${String(splits[k].size).padStart(4)} |      ${b.p.toFixed(3)}  ${b.r.toFixed(3)}  ${b.f1.toFixed(3)}  ${String(b.clusters).padStart(5)} | ${goldN}`);
  }
  console.log(`database ${await bench.size()}`);
  await bench.close();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

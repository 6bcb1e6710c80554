// Assignment latency at scale: a seeded synthetic corpus (bench/synthetic-corpus.ts) is loaded into the
// in-memory store, and at 1k, 10k and 100k stored articles fresh articles are placed (scored, not
// stored) to time one upload's assignment. Next to it, in the same run, a brute-force scan that scores
// every story: the cost retrieval through the capped inverted indexes avoids.
//
//   npx tsx bench/stories-scale.ts            # up to 100,000 stored articles
//   npx tsx bench/stories-scale.ts 10000      # a smaller top size

import {
  articleVector,
  DEFAULT_SCORING_PARAMS,
  InMemoryStoryStore,
  placeArticle,
  scoreCandidate,
  storyVector,
  type StorySignature,
} from "@/lib/stories";
import { generateCorpus } from "./synthetic-corpus";

const PROBES = 300;
const SCAN_PROBES = 30;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  const top = Number(process.argv[2] ?? 100_000);
  const checkpoints = [1_000, 10_000, 100_000].filter((n) => n <= top);
  const t0 = Date.now();
  const corpus = generateCorpus({ articles: top + PROBES, seed: 7 });
  const probes = corpus.slice(top);
  const stored = corpus.slice(0, top);
  console.log(`generated ${corpus.length} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const store = new InMemoryStoryStore();
  const storyOf = new Map<string, string>();
  const signatures = new Map<string, { storyId: string; signature: StorySignature }>();
  let loaded = 0;
  console.log("                  | indexed placement      | full scan    |");
  console.log("stored   stories | p50 ms  p95 ms  cands  | p50 ms p95 ms | load ms/article");
  for (const n of checkpoints) {
    const tl = Date.now();
    // Loading files articles under their generated story, so timing the load is not timing clustering.
    for (; loaded < n; loaded++) {
      const a = stored[loaded]!;
      const sid = store.add(a, articleVector(a, store.stats()), storyOf.get(a.storyKey) ?? null);
      storyOf.set(a.storyKey, sid);
    }
    const loadMs = (Date.now() - tl) / n;

    const times: number[] = [];
    let cands = 0;
    for (const p of probes) {
      const t = performance.now();
      const { assignment } = await placeArticle(p, store);
      times.push(performance.now() - t);
      cands += assignment.candidateCount;
    }

    signatures.clear();
    for (const sid of new Set(storyOf.values())) signatures.set(sid, { storyId: sid, signature: store.story(sid)!.signature });
    const scan: number[] = [];
    for (const p of probes.slice(0, SCAN_PROBES)) {
      const t = performance.now();
      const stats = store.stats();
      const v = articleVector(p, stats);
      let best = -1;
      for (const c of signatures.values()) {
        const story = storyVector(c.signature, stats, DEFAULT_SCORING_PARAMS);
        best = Math.max(best, scoreCandidate(v, story, c.signature, DEFAULT_SCORING_PARAMS).total);
      }
      scan.push(performance.now() - t);
    }
    console.log(
      `${String(n).padStart(6)} ${String(store.storyCount).padStart(9)} | ${pct(times, 50).toFixed(2).padStart(6)} ${pct(times, 95).toFixed(2).padStart(7)} ${(cands / probes.length).toFixed(0).padStart(6)}  | ${pct(scan, 50).toFixed(1).padStart(6)} ${pct(scan, 95).toFixed(1).padStart(6)} | ${loadMs.toFixed(2)}`,
    );
  }
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s; ${PROBES} probes placed, ${SCAN_PROBES} scanned, in-memory store)`);
}

void main();

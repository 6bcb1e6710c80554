// Comparison benchmark: sentence-alignment quality on the hand-labelled ECB+ pairs
// (fixtures/compare/alignment-labels.jsonl, see GUIDE.md) next to a token-Jaccard baseline, a threshold
// sweep, and the time to compare a 20-article story of ~800 words per article.
// Run: npx tsx bench/compare.ts

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { bodySentences, compareArticles, DEFAULT_ALIGN, type CompareArticle } from "@/lib/compare";
import { isContent } from "@/lib/compare/features";
import { tokenize } from "@/lib/text";

interface Raw { id: string; title: string; text: string; outlet: string | null; cluster_id: string; topic_id: number }
interface Pair { i: number; j: number; a: string; b: string }
interface Label { cluster: string; a: string; b: string; aSentences: number; bSentences: number; same: Pair[]; overlap: Pair[] }

const raw: Raw[] = readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
const labels: Label[] = readFileSync("fixtures/compare/alignment-labels.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));

function toArticle(a: Raw): CompareArticle {
  const lines = a.text.split("\n");
  if (lines[0]!.trim() === a.title.trim()) lines.shift();
  return { id: a.id, outlet: a.outlet ? { id: a.outlet, name: a.outlet } : null, title: a.title, titleDerived: false, body: lines.join("\n\n"), publishedAt: null, entities: [] };
}

const clusters = [...new Set(labels.map((l) => l.cluster))];
const stories = new Map(clusters.map((c) => [c, raw.filter((a) => a.cluster_id === c).map(toArticle)]));

// The gold set stores sentence texts: fail loudly if segmentation drifted under it.
for (const l of labels) {
  const sa = bodySentences(stories.get(l.cluster)!.find((a) => a.id === l.a)!.body);
  const sb = bodySentences(stories.get(l.cluster)!.find((a) => a.id === l.b)!.body);
  for (const p of [...l.same, ...l.overlap])
    if (sa[p.i]?.text !== p.a || sb[p.j]?.text !== p.b) throw new Error(`segmentation drift in ${l.a}/${l.b} at ${p.i}:${p.j}`);
}

type Predicted = (l: Label) => Set<string>;

function score(predicted: Predicted) {
  let pred = 0, correct = 0, strict = 0, gold = 0, found = 0;
  for (const l of labels) {
    const same = new Set(l.same.map((p) => `${p.i}:${p.j}`));
    const ok = new Set([...same, ...l.overlap.map((p) => `${p.i}:${p.j}`)]);
    const got = predicted(l);
    pred += got.size;
    for (const k of got) { if (ok.has(k)) correct++; if (same.has(k)) strict++; }
    gold += same.size;
    for (const k of same) if (got.has(k)) found++;
  }
  const p = pred ? correct / pred : 0, r = gold ? found / gold : 0;
  return { precision: p, strictPrecision: pred ? strict / pred : 0, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0, predicted: pred, gold };
}

function engine(threshold: number): Predicted {
  const rowsByCluster = new Map<string, Map<string, number>>();
  for (const [c, articles] of stories) {
    const result = compareArticles(articles, null, { align: { threshold } });
    const row = new Map<string, number>();
    result.claims.forEach((claim, n) => claim.sentences.forEach((s) => row.set(`${s.articleId}#${s.index}`, n)));
    rowsByCluster.set(c, row);
  }
  return (l) => {
    const row = rowsByCluster.get(l.cluster)!;
    const out = new Set<string>();
    for (let i = 0; i < l.aSentences; i++)
      for (let j = 0; j < l.bSentences; j++) {
        const x = row.get(`${l.a}#${i}`);
        if (x !== undefined && x === row.get(`${l.b}#${j}`)) out.add(`${i}:${j}`);
      }
    return out;
  };
}

// Baseline: every pair whose content-word sets have Jaccard >= t (no one-to-one, no IDF, no order).
function jaccard(t: number): Predicted {
  const bag = (s: string) => new Set(tokenize(s).map((x) => x.norm).filter(isContent));
  return (l) => {
    const arts = stories.get(l.cluster)!;
    const sa = bodySentences(arts.find((a) => a.id === l.a)!.body).map((s) => bag(s.text));
    const sb = bodySentences(arts.find((a) => a.id === l.b)!.body).map((s) => bag(s.text));
    const out = new Set<string>();
    sa.forEach((x, i) => sb.forEach((y, j) => {
      let inter = 0;
      for (const w of x) if (y.has(w)) inter++;
      const u = x.size + y.size - inter;
      if (u > 0 && inter / u >= t) out.add(`${i}:${j}`);
    }));
    return out;
  };
}

const fmt = (n: number) => n.toFixed(3);
const line = (name: string, s: ReturnType<typeof score>) =>
  console.log(`${name.padEnd(34)} P=${fmt(s.precision)} (strict ${fmt(s.strictPrecision)})  R=${fmt(s.recall)}  F1=${fmt(s.f1)}  predicted=${s.predicted} gold=${s.gold}`);

console.log(`Alignment on ${labels.length} labelled article pairs from ${clusters.length} ECB+ clusters (each cluster compared whole)`);
line(`parallax (threshold ${DEFAULT_ALIGN.threshold}, default)`, score(engine(DEFAULT_ALIGN.threshold)));
const sweepJ = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5].map((t) => ({ t, s: score(jaccard(t)) }));
const bestJ = sweepJ.reduce((x, y) => (y.s.f1 > x.s.f1 ? y : x));
line(`baseline token-Jaccard >= ${bestJ.t} (best F1)`, bestJ.s);
console.log("\nthreshold sweep");
for (const t of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) line(`  parallax threshold ${t}`, score(engine(t)));
for (const { t, s } of sweepJ) line(`  jaccard >= ${t}`, s);

// Timing: 20 articles of ~800 words, made by concatenating real ECB+ articles of one topic per article.
const topic = raw.filter((a) => a.topic_id === 24);
const big: CompareArticle[] = [];
for (let k = 0; k < 20; k++) {
  const parts: string[] = [];
  let words = 0;
  for (let m = k; words < 800; m++) {
    const a = toArticle(topic[m % topic.length]!);
    parts.push(a.body);
    words += tokenize(a.body).length;
  }
  big.push({ id: `t${k}`, outlet: { id: `o${k}`, name: `Outlet ${k}` }, title: `t${k}`, titleDerived: false, body: parts.join("\n\n"), publishedAt: null, entities: [] });
}
compareArticles(big);
const runs = 10;
const t0 = performance.now();
for (let r = 0; r < runs; r++) compareArticles(big);
const ms = (performance.now() - t0) / runs;
const totalWords = big.reduce((s, a) => s + tokenize(a.body).length, 0);
console.log(`\n20-article story (${totalWords} words, ${big.reduce((s, a) => s + bodySentences(a.body).length, 0)} sentences): ${ms.toFixed(0)} ms per comparison (mean of ${runs})`);

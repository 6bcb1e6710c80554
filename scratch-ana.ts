import { readFileSync } from "node:fs";
import { bodySentences, DEFAULT_ALIGN } from "@/lib/compare";
import { pairEvidence, makeScorer } from "@/lib/compare/align";
import { sentenceFeatures, storyIdf } from "@/lib/compare/features";
const vm = new Map(Object.entries(JSON.parse(readFileSync("/tmp/align-use/vectors.json", "utf8")) as Record<string, number[]>).map(([k, v]) => { const n = Math.hypot(...v); return [k, Float32Array.from(v, (x) => x / n)] as const; }));
const raw = readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
const labels = readFileSync("fixtures/compare/alignment-labels.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
const TUNE = new Set(["2", "3", "6", "10", "21", "23", "30"].map((c) => `${c}_ecbplus`));
const rows: { tune: boolean; y: number; emb: number; pc: number; cur: number; x: number[] }[] = [];
for (const c of new Set(labels.map((l: any) => l.cluster))) {
  const arts = raw.filter((a: any) => a.cluster_id === c).map((a: any) => { const lines = a.text.split("\n"); if (lines[0].trim() === a.title.trim()) lines.shift(); return { id: a.id, outlet: null, title: a.title, titleDerived: false, body: lines.join("\n\n"), publishedAt: null, entities: [] }; });
  const f = sentenceFeatures(arts, arts.map((a: any) => bodySentences(a.body)), true, (t) => vm.get(t));
  const idf = storyIdf(f); const ev = pairEvidence(f, idf); const sc = makeScorer(f, idf, DEFAULT_ALIGN);
  const dot = (a: Float32Array, b: Float32Array) => { let s = 0; for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!; return s; };
  const cos = (x: number, y: number) => f[x]!.vector && f[y]!.vector ? dot(f[x]!.vector!, f[y]!.vector!) : 0;
  const inArt = (x: number, art: number) => f.map((_, k) => k).filter((k) => f[k]!.article === art && !f[k]!.timestamp && f[k]!.stems.length >= 2).map((k) => cos(x, k)).sort((a, b) => b - a);
  const index = new Map(f.map((x, k) => [`${arts[x.article]!.id}#${x.sentence.index}`, k]));
  for (const l of labels.filter((x: any) => x.cluster === c)) {
    const same = new Set(l.same.map((p: any) => `${p.i}:${p.j}`)); const ov = new Set(l.overlap.map((p: any) => `${p.i}:${p.j}`));
    for (let i = 0; i < l.aSentences; i++) for (let j = 0; j < l.bSentences; j++) {
      if (ov.has(`${i}:${j}`)) continue;
      const x = index.get(`${l.a}#${i}`)!, y = index.get(`${l.b}#${j}`)!;
      if (f[x]!.timestamp || f[y]!.timestamp || f[x]!.stems.length < 2 || f[y]!.stems.length < 2) continue;
      const e = ev(x, y);
      const ax = inArt(x, f[y]!.article), ay = inArt(y, f[x]!.article);
      const cxy = cos(x, y);
      const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
      const rankx = ax.indexOf(cxy), ranky = ay.indexOf(cxy);
      const second = (a: number[]) => a[0] === cxy ? (a[1] ?? 0) : a[0]!;
      const cur = sc.score(x, y);
      const lg = Math.log(Math.max(1e-4, cur) / Math.max(1e-4, 1 - cur));
      const feats = [lg, cxy, cxy - (mean(ax) + mean(ay)) / 2, rankx === 0 && ranky === 0 ? 1 : 0, Math.min(cxy - second(ax), cxy - second(ay)), (rankx === 0 ? 1 : 0) + (ranky === 0 ? 1 : 0)];
      rows.push({ tune: TUNE.has(c), y: same.has(`${i}:${j}`) ? 1 : 0, emb: e[11]!, pc: e[2]!, cur, x: feats });
    }
  }
}
const ap = (r: typeof rows, s: (x: typeof rows[0]) => number) => { const k = r.map((x) => [s(x), x.y] as const).sort((a, b) => b[0] - a[0]); let tp = 0, sum = 0; k.forEach(([, y], i) => { if (y) sum += ++tp / (i + 1); }); return sum / tp; };
for (const half of [true, false]) {
  const r = rows.filter((x) => x.tune === half);
  console.log(half ? "tune" : "held", "cells", r.length, "pos", r.filter((x) => x.y).length, "AP emb", ap(r, (x) => x.emb).toFixed(3), "AP cur", ap(r, (x) => x.cur).toFixed(3));
  const pos = r.filter((x) => x.y);
  console.log("  pos gated (pc<0.05):", pos.filter((x) => x.pc < 0.05).length, "pos cur<0.4:", pos.filter((x) => x.cur < 0.4).length);
  for (const t of [0.5, 0.6, 0.7, 0.8]) console.log(`  emb>=${t}: pos ${pos.filter((x) => x.emb >= t).length} neg ${r.filter((x) => !x.y && x.emb >= t).length}; among missed(cur<0.4) pos ${pos.filter((x) => x.cur < 0.4 && x.emb >= t).length} neg ${r.filter((x) => !x.y && x.cur < 0.4 && x.emb >= t).length}`);
}

function fit(train: typeof rows, cols: number[]) {
  const sig = (z: number) => 1 / (1 + Math.exp(-z)); const d = cols.length; const w = new Array(d + 1).fill(0);
  for (let it = 0; it < 3000; it++) { const g = new Array(d + 1).fill(0); for (const r of train) { let z = w[0]; cols.forEach((c, k) => (z += w[k + 1] * r.x[c]!)); const e = sig(z) - r.y; g[0] += e; cols.forEach((c, k) => (g[k + 1] += e * r.x[c]!)); } for (let k = 0; k <= d; k++) w[k] -= 2 * g[k] / train.length + (k ? 0.005 * w[k] : 0); }
  return (r: typeof rows[0]) => w[0] + cols.reduce((s, c, k) => s + w[k + 1] * r.x[c]!, 0);
}
const names = ["logitCur", "cos", "cosMinusMean", "mutualBest", "margin", "bestCount"];
for (const cols of [[0], [0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 1, 3], [0, 2, 3, 4], [0, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]) {
  const s = fit(rows.filter((r) => r.tune), cols);
  console.log(cols.map((c) => names[c]).join("+").padEnd(50), "AP tune", ap(rows.filter((r) => r.tune), s).toFixed(3), "held", ap(rows.filter((r) => !r.tune), s).toFixed(3));
}

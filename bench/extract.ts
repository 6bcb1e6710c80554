// Article-extraction benchmark: Parallax vs @mozilla/readability (on linkedom) on the 181 pages of
// fixtures/extraction-benchmark, scored with that benchmark's metric (word 4-gram shingles).
// Run: npx tsx bench/extract.ts [--worst N] [--only parallax]

import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { extractFile } from "@/lib/extract";

const DIR = join(process.cwd(), "fixtures/extraction-benchmark");
const truth = JSON.parse(readFileSync(join(DIR, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url: string }>;
const args = process.argv.slice(2);
const worstN = args.includes("--worst") ? Number(args[args.indexOf("--worst") + 1] ?? 10) : 8;
const onlyParallax = args.includes("--only");

// The benchmark tokenises with Python's \w+ (Unicode letters, digits, underscore) and, for texts shorter
// than n tokens, uses the whole token list as one shingle.
const TOKEN = /[\p{L}\p{N}\p{Mn}\p{Pc}]+/gu;
function shingles(text: string, n = 4): Map<string, number> {
  const toks = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
    const s = toks.slice(i, i + n).join(" ");
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

interface Score {
  p: number;
  r: number;
}
// Per page: precision = tp/(tp+fp), recall = tp/(tp+fn). 0/0 (nothing extracted, or an empty gold) is
// scored 1 when both sides are empty and 0 otherwise, so extracting nothing is never rewarded.
function score(gold: string, pred: string): Score {
  const g = shingles(gold);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const gc = g.get(k) ?? 0;
    tp += Math.min(c, gc);
    fp += Math.max(0, c - gc);
  }
  for (const [k, c] of g) fn += Math.max(0, c - (p.get(k) ?? 0));
  const bothEmpty = g.size === 0 && p.size === 0;
  return {
    p: tp + fp > 0 ? tp / (tp + fp) : bothEmpty ? 1 : 0,
    r: tp + fn > 0 ? tp / (tp + fn) : bothEmpty ? 1 : 0,
  };
}

const ids = readdirSync(join(DIR, "html"))
  .filter((f) => f.endsWith(".html.gz"))
  .map((f) => f.replace(/\.html\.gz$/, ""))
  .filter((id) => truth[id])
  .sort();
const pages = ids.map((id) => ({ id, bytes: new Uint8Array(gunzipSync(readFileSync(join(DIR, "html", id + ".html.gz")))) }));

type Extractor = (bytes: Uint8Array) => string;

const parallax: Extractor = (bytes) => {
  try {
    return extractFile({ bytes, filename: "page.html" })[0]?.body ?? "";
  } catch {
    return "";
  }
};
const readability: Extractor = (bytes) => {
  const html = new TextDecoder("utf-8").decode(bytes);
  try {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? "";
  } catch {
    return "";
  }
};

function run(name: string, fn: Extractor) {
  // Warm up the JIT on a few pages so the timing reflects steady state.
  for (const pg of pages.slice(0, 5)) fn(pg.bytes);
  const outputs: string[] = [];
  const t0 = process.hrtime.bigint();
  for (const pg of pages) outputs.push(fn(pg.bytes));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const scores = pages.map((pg, i) => ({ id: pg.id, ...score(truth[pg.id]!.articleBody, outputs[i]!) }));
  const P = scores.reduce((a, s) => a + s.p, 0) / scores.length;
  const R = scores.reduce((a, s) => a + s.r, 0) / scores.length;
  const F = (2 * P * R) / (P + R);
  return { name, P, R, F, pps: pages.length / secs, scores, outputs };
}

const results = [run("parallax", parallax)];
if (!onlyParallax) results.push(run("readability+linkedom", readability));

console.log(`pages: ${pages.length}`);
console.log("extractor              precision  recall   F1      pages/s");
for (const r of results) {
  console.log(`${r.name.padEnd(22)} ${r.P.toFixed(4).padStart(9)} ${r.R.toFixed(4).padStart(8)} ${r.F.toFixed(4).padStart(7)} ${r.pps.toFixed(1).padStart(9)}`);
}
if (results[1]) console.log(`speed-up: ${(results[0]!.pps / results[1].pps).toFixed(2)}x`);

const mine = results[0]!;
const worst = [...mine.scores].sort((a, b) => Math.min(a.p, a.r) - Math.min(b.p, b.r)).slice(0, worstN);
console.log(`\nworst ${worstN} pages for parallax (by min(P, R)):`);
for (const w of worst) {
  const out = mine.outputs[mine.scores.indexOf(w)]!;
  console.log(`${w.id.slice(0, 12)}  P=${w.p.toFixed(3)} R=${w.r.toFixed(3)}  ${truth[w.id]!.url}`);
  console.log(`   got: ${JSON.stringify(out.slice(0, 160))}`);
}

if (results[1] && args.includes("--compare")) {
  const other = results[1];
  const f = (s: { p: number; r: number }) => (s.p + s.r ? (2 * s.p * s.r) / (s.p + s.r) : 0);
  const diffs = mine.scores.map((s, i) => ({ id: s.id, mine: s, theirs: other.scores[i]!, d: f(s) - f(other.scores[i]!) }));
  diffs.sort((a, b) => a.d - b.d);
  console.log("\npages where readability beats parallax most:");
  for (const x of diffs.slice(0, worstN)) {
    console.log(`${x.id.slice(0, 12)} parallax P=${x.mine.p.toFixed(2)} R=${x.mine.r.toFixed(2)} | readability P=${x.theirs.p.toFixed(2)} R=${x.theirs.r.toFixed(2)}  ${truth[x.id]!.url}`);
  }
}

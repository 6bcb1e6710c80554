// Article-extraction benchmark: Parallax vs @mozilla/readability (on linkedom) on the 181 pages of
// fixtures/extraction-benchmark, scored with that benchmark's metric (word 4-gram shingles).
// Run: npx tsx bench/extract.ts [--worst N] [--only] [--rounds N] [--compare] [--half dev|held] [--page ID-prefix]
//      [--save FILE] [--diff FILE]  (per-page scores of this run; pages whose F1 moved against a saved run)
// --only runs Parallax alone (one round unless --rounds says otherwise); the default is 3 interleaved rounds.
//
// The pages are split into two fixed halves by a hash of the page id: rules are developed against "dev"
// and "held" shows whether they carry over to pages they were not tuned on. Both halves and the total
// are printed for both extractors.

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { cpus } from "node:os";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { extractFile } from "@/lib/extract";

const DIR = join(process.cwd(), "fixtures/extraction-benchmark");
const truth = JSON.parse(readFileSync(join(DIR, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url: string }>;
const args = process.argv.slice(2);
const worstN = args.includes("--worst") ? Number(args[args.indexOf("--worst") + 1] ?? 10) : 8;
const onlyParallax = args.includes("--only");
const halfArg = args.includes("--half") ? args[args.indexOf("--half") + 1] : null;
const pageArg = args.includes("--page") ? args[args.indexOf("--page") + 1] : null;

// FNV-1a over the page id: fixed, independent of file order and of anything in the page.
function halfOf(id: string): "dev" | "held" {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? "dev" : "held";
}

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
  .filter((id) => !pageArg || id.startsWith(pageArg))
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

// Timing: the extractors run interleaved page by page (alternating which goes first) for several rounds, so
// machine load and JIT state hit both alike. Per page, each extractor's CPU time (process.cpuUsage: this
// process only, not the waits for a core on a loaded machine) is the median over the rounds; the headline
// figure is the median over pages of Readability's time over Parallax's. Scores come from the first round
// (both extractors are deterministic).
const rounds = args.includes("--rounds") ? Number(args[args.indexOf("--rounds") + 1]) : onlyParallax ? 1 : 3;
const extractors: { name: string; fn: Extractor }[] = [{ name: "parallax", fn: parallax }];
if (!onlyParallax) extractors.push({ name: "readability+linkedom", fn: readability });
const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const loadBefore = loadavg();
// Warm up the JIT on a few pages so the first round is not all compilation.
for (const e of extractors) for (const pg of pages.slice(0, 5)) e.fn(pg.bytes);
const cpuMs = extractors.map(() => pages.map(() => [] as number[]));
const wallSecs = extractors.map(() => 0);
const outputs = extractors.map(() => new Array<string>(pages.length).fill(""));
for (let r = 0; r < rounds; r++) {
  for (const [i, pg] of pages.entries()) {
    for (let k = 0; k < extractors.length; k++) {
      const e = (k + i + r) % extractors.length;
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      const out = extractors[e]!.fn(pg.bytes);
      const c = process.cpuUsage(c0);
      wallSecs[e]! += Number(process.hrtime.bigint() - t0) / 1e9;
      cpuMs[e]![i]!.push((c.user + c.system) / 1000);
      if (r === 0) outputs[e]![i] = out;
    }
  }
}
const loadAfter = loadavg();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function summarise(e: number) {
  const scores = pages.map((pg, i) => ({ id: pg.id, ...score(truth[pg.id]!.articleBody, outputs[e]![i]!) }));
  const part = (which: "dev" | "held" | null) => {
    const sel = scores.filter((s) => !which || halfOf(s.id) === which);
    const P = sel.reduce((a, s) => a + s.p, 0) / Math.max(1, sel.length);
    const R = sel.reduce((a, s) => a + s.r, 0) / Math.max(1, sel.length);
    return { n: sel.length, P, R, F: P + R ? (2 * P * R) / (P + R) : 0 };
  };
  const pageCpu = cpuMs[e]!.map(median);
  const cpuTotal = cpuMs[e]!.reduce((a, xs) => a + xs.reduce((x, y) => x + y, 0), 0) / 1000;
  return {
    name: extractors[e]!.name,
    dev: part("dev"),
    held: part("held"),
    all: part(null),
    pps: (pages.length * rounds) / wallSecs[e]!,
    cpuPps: (pages.length * rounds) / cpuTotal,
    pageCpu,
    scores,
    outputs: outputs[e]!,
  };
}

const results = extractors.map((_, e) => summarise(e));

console.log(`pages: ${pages.length} (dev ${results[0]!.dev.n}, held ${results[0]!.held.n}); ${rounds} round(s)${results.length > 1 ? ", interleaved page by page" : ""}; load average ${loadBefore} before, ${loadAfter} after (${cpus().length} cores)`);
console.log("extractor              half   pages  precision  recall   F1      pages/s (wall, cpu)  median ms/page (cpu)");
for (const r of results) {
  for (const h of ["dev", "held", "all"] as const) {
    const x = r[h];
    const speed = h === "all" ? `${r.pps.toFixed(1).padStart(9)} ${r.cpuPps.toFixed(1).padStart(7)} ${median(r.pageCpu).toFixed(2).padStart(12)}` : "";
    console.log(`${r.name.padEnd(22)} ${h.padEnd(5)} ${String(x.n).padStart(6)} ${x.P.toFixed(4).padStart(10)} ${x.R.toFixed(4).padStart(8)} ${x.F.toFixed(4).padStart(7)}${speed}`);
  }
}
if (results[1]) {
  // Per page: how many times more CPU Readability needed than Parallax (0 ms readings are clamped to 1 µs).
  const ratios = pages.map((_, i) => results[1]!.pageCpu[i]! / Math.max(0.001, results[0]!.pageCpu[i]!));
  console.log(
    `speed-up: median per-page CPU ratio ${median(ratios).toFixed(2)}x (quartiles ${quantile(ratios, 0.25).toFixed(2)}-${quantile(ratios, 0.75).toFixed(2)}); ` +
      `total ${(results[0]!.cpuPps / results[1].cpuPps).toFixed(2)}x cpu, ${(results[0]!.pps / results[1].pps).toFixed(2)}x wall`,
  );
}

if (pageArg) {
  for (const [i, pg] of pages.entries()) {
    console.log(`\n=== ${pg.id} ${truth[pg.id]!.url}  P=${results[0]!.scores[i]!.p.toFixed(3)} R=${results[0]!.scores[i]!.r.toFixed(3)}`);
    console.log("--- parallax:\n" + results[0]!.outputs[i]);
    console.log("--- gold:\n" + truth[pg.id]!.articleBody);
  }
}

const mine = results[0]!;
const worst = [...mine.scores].filter((s) => !halfArg || halfOf(s.id) === halfArg).sort((a, b) => Math.min(a.p, a.r) - Math.min(b.p, b.r)).slice(0, worstN);
console.log(`\nworst ${worstN} ${halfArg ?? ""} pages for parallax (by min(P, R)):`);
for (const w of worst) {
  const out = mine.outputs[mine.scores.indexOf(w)]!;
  console.log(`${w.id.slice(0, 12)}  P=${w.p.toFixed(3)} R=${w.r.toFixed(3)}  ${truth[w.id]!.url}`);
  console.log(`   got: ${JSON.stringify(out.slice(0, 160))}`);
}

if (results[1] && args.includes("--compare")) {
  const other = results[1];
  const f = (s: { p: number; r: number }) => (s.p + s.r ? (2 * s.p * s.r) / (s.p + s.r) : 0);
  const diffs = mine.scores.map((s, i) => ({ id: s.id, mine: s, theirs: other.scores[i]!, d: f(s) - f(other.scores[i]!) })).filter((x) => !halfArg || halfOf(x.id) === halfArg);
  diffs.sort((a, b) => a.d - b.d);
  console.log("\npages where readability beats parallax most:");
  for (const x of diffs.slice(0, worstN)) {
    console.log(`${x.id.slice(0, 12)} parallax P=${x.mine.p.toFixed(2)} R=${x.mine.r.toFixed(2)} | readability P=${x.theirs.p.toFixed(2)} R=${x.theirs.r.toFixed(2)}  ${truth[x.id]!.url}`);
  }
}

const f1 = (s: { p: number; r: number }) => (s.p + s.r ? (2 * s.p * s.r) / (s.p + s.r) : 0);
if (args.includes("--save")) writeFileSync(args[args.indexOf("--save") + 1]!, JSON.stringify(mine.scores));
if (args.includes("--diff")) {
  const before = new Map((JSON.parse(readFileSync(args[args.indexOf("--diff") + 1]!, "utf8")) as { id: string; p: number; r: number }[]).map((s) => [s.id, s]));
  console.log("\npages whose F1 moved against the saved run:");
  for (const s of mine.scores) {
    const b = before.get(s.id);
    if (!b || (halfArg && halfOf(s.id) !== halfArg) || Math.abs(f1(s) - f1(b)) < 0.001) continue;
    console.log(`${s.id.slice(0, 12)} ${halfOf(s.id).padEnd(4)} F1 ${f1(b).toFixed(3)} -> ${f1(s).toFixed(3)}  P ${b.p.toFixed(3)}->${s.p.toFixed(3)} R ${b.r.toFixed(3)}->${s.r.toFixed(3)}  ${truth[s.id]!.url.slice(0, 90)}`);
  }
}

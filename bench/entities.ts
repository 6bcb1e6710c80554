// Entity benchmark: Parallax's extractor next to compromise alone, on the hand-labelled ECB+ sample
// (fixtures/entities/labelled.jsonl, see fixtures/entities/GUIDE.md), plus throughput on the whole ECB+ dev
// file. Run: npx tsx bench/entities.ts   (add --errors to list the development splits' misses: dev, held2
// and held3; --no-speed skips the throughput runs)
//
// The sample is split into two halves by article with a fixed seed. Rules are developed looking only at
// the "dev" half's errors; the "held" half shows how much of a gain is overfitting, and its errors are never
// listed. "held2" (fixtures/entities/held2.jsonl) was blind for two rounds (labelled and committed before the
// tagger ever ran on it); from session 3 on it is development data too, and its errors are listed. "held3"
// (held3.jsonl) was blind in session 3 (labelled and committed before the tagger ran on it, its errors never
// listed); it was measured twice there, so in session 4 it became development data and its errors are listed
// too. The estimate for unseen text is a new blind split labelled by someone else; it is not in this bench.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import nlp from "compromise";
import { extractEntities } from "@/lib/entities";

type Type = "PERSON" | "ORGANIZATION" | "PLACE";
const TYPES: Type[] = ["PERSON", "ORGANIZATION", "PLACE"];
interface Gold { id: string; text: string; spans: { start: number; end: number; type: string }[] }
interface Pred { start: number; end: number; type: Type }

const readGold = (file: string): Gold[] => readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Gold);
const gold = readGold("fixtures/entities/labelled.jsonl");
const held2 = readGold("fixtures/entities/held2.jsonl");
const held3 = readGold("fixtures/entities/held3.jsonl");
// held4 (session 4): blind, labelled by a helper who never ran the tagger, measured once per round; its
// errors are never listed (see fixtures/entities/GUIDE.md).
const held4 = readGold("fixtures/entities/held4.jsonl");
const corpus = readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { text: string }).text);

// Articles ordered by FNV-1a of seed + id, first half "dev": a fixed, file-order-independent split.
const SEED = "parallax-entities-1";
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (const ch of SEED + id) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}
const ordered = [...gold].sort((a, b) => hash(a.id) - hash(b.id));
const devIds = new Set(ordered.slice(0, Math.ceil(gold.length / 2)).map((g) => g.id));
const halves = { dev: gold.filter((g) => devIds.has(g.id)), held: gold.filter((g) => !devIds.has(g.id)), total: gold, "held2 (dev)": held2, "held3 (dev)": held3, "held4 blind": held4 };

function parallax(text: string): Pred[] {
  const out: Pred[] = [];
  for (const e of extractEntities({ title: null, body: text }).entities) {
    if (e.type === "OTHER") continue;
    for (const m of e.mentions) if (m.form !== "demonym") out.push({ start: m.start, end: m.end, type: e.type });
  }
  return out;
}

function compromiseAlone(text: string): Pred[] {
  const doc = nlp(text);
  const out: Pred[] = [];
  const add = (view: { json: (o: object) => unknown }, type: Type) => {
    for (const o of view.json({ offset: true }) as unknown as { offset: { start: number; length: number } }[]) {
      let s = o.offset.start;
      let e = s + o.offset.length;
      // compromise spans include trailing punctuation and possessives; trim them to compare spans fairly.
      while (e > s && /[\s.,;:!?"'’)\]]/.test(text[e - 1]!)) e--;
      if (/['’]s$/.test(text.slice(s, e))) e -= 2;
      while (s < e && /[\s"'“(\[]/.test(text[s]!)) s++;
      if (e > s) out.push({ start: s, end: e, type });
    }
  };
  add(doc.people(), "PERSON");
  add(doc.organizations(), "ORGANIZATION");
  add(doc.places(), "PLACE");
  return out;
}

interface Counts { tp: number; fp: number; fn: number }
const prf = ({ tp, fp, fn }: Counts) => {
  const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

function score(docs: Gold[], preds: Map<string, Pred[]>) {
  const c = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<Type, Counts>;
  const d: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const g of docs) {
    const p = preds.get(g.id)!;
    const golds = g.spans.filter((s) => (TYPES as string[]).includes(s.type)) as Pred[];
    const gk = new Set(golds.map((s) => `${s.start}:${s.end}:${s.type}`));
    const pk = new Set(p.map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const k of pk) c[k.split(":")[2] as Type][gk.has(k) ? "tp" : "fp"]++;
    for (const k of gk) if (!pk.has(k)) c[k.split(":")[2] as Type].fn++;
    const ent = (xs: Pred[]) => new Set(xs.map((s) => `${s.type}:${g.text.slice(s.start, s.end).toLowerCase()}`));
    const ge = ent(golds), pe = ent(p);
    for (const k of pe) d[ge.has(k) ? "tp" : "fp"]++;
    for (const k of ge) if (!pe.has(k)) d.fn++;
  }
  const all = TYPES.reduce((a, t) => ({ tp: a.tp + c[t].tp, fp: a.fp + c[t].fp, fn: a.fn + c[t].fn }), { tp: 0, fp: 0, fn: 0 });
  return { micro: prf(all), per: Object.fromEntries(TYPES.map((t) => [t, prf(c[t])])) as Record<Type, ReturnType<typeof prf>>, doc: prf(d) };
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const systems: [string, (t: string) => Pred[]][] = [["compromise alone", compromiseAlone], ["parallax", parallax]];
const predictions = new Map(systems.map(([name, run]) => [name, new Map([...gold, ...held2, ...held3, ...held4].map((g) => [g.id, run(g.text)]))]));

const spanCount = (docs: Gold[]) => docs.reduce((n, g) => n + g.spans.filter((s) => (TYPES as string[]).includes(s.type)).length, 0);
console.log(`labelled sample: ${gold.length} articles, ${spanCount(gold)} PERSON/ORG/PLACE spans; ` +
  `split (seed "${SEED}"): dev ${halves.dev.length} articles / ${spanCount(halves.dev)} spans, held ${halves.held.length} / ${spanCount(halves.held)}; ` +
  `held2 (development data since session 3): ${held2.length} / ${spanCount(held2)}, held3 (development data since session 4): ${held3.length} / ${spanCount(held3)}`);
console.log("half        system              P     R    F1  | PERSON P/R/F1     | ORG P/R/F1        | PLACE P/R/F1      | doc-entity F1");
for (const [h, docs] of Object.entries(halves)) {
  for (const [name] of systems) {
    const r = score(docs, predictions.get(name)!);
    const t = (x: ReturnType<typeof prf>) => `${pct(x.p)} ${pct(x.r)} ${pct(x.f1)}`;
    console.log(`${h.padEnd(11)} ${name.padEnd(17)} ${t(r.micro)} | ${t(r.per.PERSON)} | ${t(r.per.ORGANIZATION)} | ${t(r.per.PLACE)} | ${pct(r.doc.f1)}`);
  }
}

if (process.argv.includes("--errors")) {
  const px = predictions.get("parallax")!;
  for (const g of [...halves.dev, ...held2, ...held3]) {
    const golds = g.spans.filter((s) => (TYPES as string[]).includes(s.type));
    const gk = new Map(golds.map((s) => [`${s.start}:${s.end}`, s.type]));
    const pk = new Map(px.get(g.id)!.map((s) => [`${s.start}:${s.end}`, s.type]));
    const lines: string[] = [];
    for (const [k, type] of pk) if (gk.get(k) !== type) {
      const [s, e] = k.split(":").map(Number);
      lines.push(`  FP ${type}${gk.has(k) ? ` (gold ${gk.get(k)})` : ""}: ${g.text.slice(s, e)}  «${g.text.slice(Math.max(0, s! - 40), e! + 30).replace(/\n/g, " ")}»`);
    }
    for (const [k, type] of gk) if (!pk.has(k)) {
      const [s, e] = k.split(":").map(Number);
      lines.push(`  FN ${type}: ${g.text.slice(s, e)}  «${g.text.slice(Math.max(0, s! - 40), e! + 30).replace(/\n/g, " ")}»`);
    }
    if (lines.length) console.log(`${g.id}\n${lines.join("\n")}`);
  }
}

if (process.argv.includes("--no-speed")) process.exit(0);

// Throughput on the ECB+ dev file. A warm-up on every tenth text (JIT) is not measured; the other nine
// tenths are run three times. The first of those passes sees texts it has never seen (the fold memo is
// cold for their names), later passes are repeats. CPU time (process.cpuUsage) is reported next to wall
// time because other jobs share this 2-core machine; load average is printed before and after.
function timed(run: (t: string) => unknown, texts: string[]) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of texts) run(t);
  const cpu = process.cpuUsage(c0);
  return { wall: bytes / 1e6 / ((performance.now() - t0) / 1000), cpu: bytes / 1e6 / ((cpu.user + cpu.system) / 1e6), bytes };
}
const warm = corpus.filter((_, i) => i % 10 === 0);
const measured = corpus.filter((_, i) => i % 10 !== 0);
const loadBefore = load();
for (const t of warm) extractEntities({ title: null, body: t });
const passes = [0, 1, 2].map(() => timed((t) => extractEntities({ title: null, body: t }), measured));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f2 = (x: number) => x.toFixed(2);
for (const t of warm.slice(0, 10)) compromiseAlone(t);
// compromise gets a fifth of the measured texts, once, to stay within the time budget.
const cp = timed((t) => compromiseAlone(t), measured.filter((_, i) => i % 5 === 0));
console.log(`throughput, one core, ${(passes[0]!.bytes / 1e6).toFixed(2)} MB x 3 passes (load average before: ${loadBefore}, after: ${load()}):`);
console.log(`  parallax   wall MB/s: first ${f2(passes[0]!.wall)}, best ${f2(Math.max(...passes.map((p) => p.wall)))}, median ${f2(median(passes.map((p) => p.wall)))}` +
  ` | cpu MB/s: first ${f2(passes[0]!.cpu)}, best ${f2(Math.max(...passes.map((p) => p.cpu)))}, median ${f2(median(passes.map((p) => p.cpu)))}`);
console.log(`  compromise wall MB/s: ${f2(cp.wall)} | cpu MB/s: ${f2(cp.cpu)} (one pass over a fifth)`);
// A running server is past its JIT warm-up but keeps meeting new text: once warm, one pass over texts this
// process has never seen (the extraction benchmark's 181 gold article bodies, other sites and topics).
const unseen = Object.values(
  JSON.parse(readFileSync("fixtures/extraction-benchmark/ground-truth.json", "utf8")) as Record<string, { articleBody: string }>,
).map((g) => g.articleBody);
const fresh = timed((t) => extractEntities({ title: null, body: t }), unseen);
console.log(`  parallax, warm process, unseen text (${(fresh.bytes / 1e6).toFixed(2)} MB, 181 other pages): wall ${f2(fresh.wall)} MB/s | cpu ${f2(fresh.cpu)} MB/s`);

// Parameter grid and ablations for story clustering on ECB+ (lib/stories README, "How the parameters were
// fitted"). Each argument is a JSON override of DEFAULT_SCORING_PARAMS (nested objects merge); a "_sig" key
// overrides the store's signature bounds instead. For every setting it prints B-cubed on the train split in
// file order and the mean over four seeded shuffles of train (single-pass errors cascade, so one order
// alone moves by ±0.015 between neighbouring settings); `--dev` adds the dev split in file order and its
// mean over the same five orders, which are reported, never used to choose.
//
//   npx tsx bench/stories-grid.ts '{}' '{"threshold":0.25}' '{"weights":{"dates":0,"terms":0.7}}' [--dev]

import { extractEntities } from "@/lib/entities";
import {
  clusterAll,
  DEFAULT_SCORING_PARAMS,
  DEFAULT_SIGNATURE_PARAMS,
  type ArticleEntity,
  type ArticleFeatures,
  type ScoringParams,
} from "@/lib/stories";
import { bcubed, loadEcbPlus, type BCubed } from "./stories";

export const SHUFFLE_SEEDS = [11, 22, 33, 44];

/** Deterministic Fisher–Yates shuffle from a seeded generator: the same seed gives the same order. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function merge<T>(base: T, over: unknown): T {
  if (typeof over !== "object" || over === null || Array.isArray(over)) return over as T;
  const out = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
  return out as T;
}

const TYPES = new Set(["PERSON", "ORGANIZATION", "PLACE"]);

async function main() {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const withDev = process.argv.includes("--dev");
  const rows = loadEcbPlus();
  const gold = new Map(rows.map((r) => [r.id, r.cluster_id]));
  const arts = (split: string): ArticleFeatures[] =>
    rows
      .filter((r) => r.split === split)
      .map((r) => ({
        id: r.id,
        publishedAt: null,
        title: r.title,
        body: r.text,
        entities: extractEntities({ title: r.title, body: r.text }).entities.map((e) => ({
          key: e.key,
          type: (TYPES.has(e.type) ? e.type : "OTHER") as ArticleEntity["type"],
          salience: e.salience,
        })),
      }));
  const train = arts("train");
  const dev = withDev ? arts("dev") : [];
  const run = async (a: ArticleFeatures[], scoring: ScoringParams, store: object): Promise<BCubed> =>
    bcubed(await clusterAll(a, { scoring, store }), new Map(a.map((x) => [x.id, gold.get(x.id)!])));
  const f = (s: BCubed) => `${s.p.toFixed(3)} ${s.r.toFixed(3)} ${s.f1.toFixed(3)}`;

  console.log("setting | train P R F1 (file order) | train F1 mean of 4 shuffles [each] | mean of the 5" + (withDev ? " | dev P R F1 (file order) | dev F1 mean of file order and 4 shuffles" : ""));
  for (const arg of args.length ? args : ["{}"]) {
    const { _sig, ...over } = JSON.parse(arg) as Record<string, unknown>;
    const scoring = merge(DEFAULT_SCORING_PARAMS, over);
    const store = _sig ? { signature: { ...DEFAULT_SIGNATURE_PARAMS, ...(_sig as object) } } : {};
    const file = await run(train, scoring, store);
    const shuf: number[] = [];
    for (const seed of SHUFFLE_SEEDS) shuf.push((await run(shuffled(train, seed), scoring, store)).f1);
    const mean = shuf.reduce((x, y) => x + y, 0) / shuf.length;
    const all5 = (mean * shuf.length + file.f1) / (shuf.length + 1);
    let d = "";
    if (withDev) {
      const dshuf: number[] = [];
      for (const seed of SHUFFLE_SEEDS) dshuf.push((await run(shuffled(dev, seed), scoring, store)).f1);
      const dfile = await run(dev, scoring, store);
      d = ` | ${f(dfile)} | ${((dshuf.reduce((x, y) => x + y, 0) + dfile.f1) / (dshuf.length + 1)).toFixed(3)}`;
    }
    console.log(`${arg} | ${f(file)} | ${mean.toFixed(3)} [${shuf.map((x) => x.toFixed(3)).join(" ")}] | ${all5.toFixed(3)}${d}`);
  }
}

if (process.argv[1]?.endsWith("stories-grid.ts")) void main();

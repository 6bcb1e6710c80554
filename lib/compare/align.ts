// Sentence alignment across a story's articles.
//
// 1. Blocking: only sentence pairs from different articles that share a content stem (or a paraphrase
//    cluster, paraphrase.ts) which is not everywhere in the story are scored, found through an inverted
//    index, so a 20-article story is not all-pairs.
// 2. Evidence (pairEvidence): IDF-weighted cosine and containment over all stems and over non-name stems
//    (paraphrase-list matches and, at lower credit, WordNet relations count in part), character-trigram overlap, shared names and entities, relative
//    position, length balance, shared and conflicting numbers.
// 3. Score: a logistic model over that evidence, fitted on the tuning half of the labelled pairs.
// 4. Gate: the sentences must share content that is not a name. Two sentences that both mention Putin
//    and Kim but say different things about them are not the same claim.
// 5. Rows: average-linkage agglomeration over the scored pairs, never two sentences of one article in a row.

import type { SentenceFeatures } from "./features";

export type PairFeature = (typeof PAIR_FEATURES)[number];

export interface AlignParams {
  /** Accept a pair of single sentences when its score (a probability of "same claim") reaches this. */
  threshold: number;
  /** Minimum IDF-weighted cosine over non-name stems: two sentences that only share names are not one claim. */
  minPredicate: number;
  /** Minimum number of stems the two sentences share (names, paraphrases and WordNet relatives included). */
  minShared: number;
  /** Logistic model over the pair evidence (pairEvidence). */
  bias: number;
  weights: Record<PairFeature, number>;
  /** Pairs scoring under this are treated as unrelated (keeps the row-building graph sparse). */
  minScore: number;
  /** Stems in more than this share of the story's sentences do not open a candidate pair. */
  blockingMaxShare: number;
  /** Two partial rows merge only when the mean score over all their cross pairs reaches this (average linkage). */
  mergeThreshold: number;
  /** Sentences with fewer content stems are fragments ("6 - million) booty, a police source said.") and are not aligned. */
  minStems: number;
  /**
   * Share of a stem pair's weight credited when the two are only related through WordNet (a shared or
   * derivationally related sense, or a hypernym up to two levels; wordnet.ts). 0 turns WordNet off.
   */
  wordnetCredit: number;
}

// The weights are a logistic regression fitted on the tuning half of fixtures/compare/alignment-labels.jsonl
// (`npx tsx bench/compare.ts --fit` refits and prints them); thresholds were chosen on that half too, and the
// other half is the reported figure (README.md).
export const DEFAULT_ALIGN: AlignParams = {
  threshold: 0.4,
  minPredicate: 0.05,
  minShared: 2,
  bias: -8.5,
  weights: {
    cosine: 2.18,
    containment: 3.94,
    predicateCosine: 1.75,
    predicateContainment: 1.46,
    trigram: 2.14,
    names: 0.69,
    entities: 0,
    order: 2.45,
    lengthBalance: 1.15,
    numberShared: 2.05,
    numberConflict: 0.67,
  },
  minScore: 0.05,
  blockingMaxShare: 0.35,
  mergeThreshold: 0.25,
  minStems: 2,
  wordnetCredit: 0.3,
};

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
}

export interface Alignment {
  /** Rows of feature indices, at most one per article, each sorted by article. */
  rows: number[][];
}

// Paraphrase matches ("died"/"dead", "arrested"/"detained") count for less than the same word.
const PARAPHRASE_CREDIT = 0.8;

function overlapRatio(a: Set<string>, b: Set<string>, dice: boolean): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return dice ? (2 * inter) / (a.size + b.size) : inter / (a.size + b.size - inter);
}

/** Size of the intersection of two ascending id lists. */
function intersectCount(a: Int32Array, b: Int32Array): number {
  let x = 0, y = 0, n = 0;
  while (x < a.length && y < b.length) {
    if (a[x]! < b[y]!) x++;
    else if (a[x]! > b[y]!) y++;
    else {
      n++;
      x++;
      y++;
    }
  }
  return n;
}

/** A sentence's stems as ascending ids with their IDF weights and name flags, for linear-time overlaps. */
interface Packed {
  ids: Int32Array;
  weights: Float64Array;
  isName: Uint8Array;
  trigrams: Int32Array;
  numbers: Int32Array;
  full: number;
  pred: number;
  nameCount: number;
  /** Non-name stems in paraphrase clusters: stem id, weight, cluster ids. */
  concepts: Array<{ id: number; w: number; clusters: number[] }>;
  /** Non-name stems with WordNet relatives elsewhere in the story: stem id, weight, relatives' stem ids. */
  related: Array<{ id: number; w: number; rel: Int32Array }>;
}

/**
 * Stems of the story related through WordNet (wordnet.ts): a shared (or derivationally related) sense, or
 * one's sense is a hypernym of the other's. Computed once per story over its vocabulary, so scoring a pair
 * is a lookup.
 */
function wordnetRelations(features: SentenceFeatures[]): Map<string, Set<string>> {
  const senses = new Map<string, { synsets: Set<number>; hypernyms: Set<number> }>();
  for (const f of features)
    for (const [st, ws] of f.senses) {
      const cur = senses.get(st) ?? { synsets: new Set<number>(), hypernyms: new Set<number>() };
      for (const x of ws.synsets) cur.synsets.add(x);
      for (const x of ws.hypernyms) cur.hypernyms.add(x);
      senses.set(st, cur);
    }
  const bySynset = new Map<number, string[]>();
  for (const [st, { synsets }] of senses)
    for (const x of synsets) {
      const list = bySynset.get(x);
      if (list) list.push(st);
      else bySynset.set(x, [st]);
    }
  const out = new Map<string, Set<string>>();
  const relate = (x: string, y: string) => {
    if (x === y) return;
    (out.get(x) ?? out.set(x, new Set()).get(x)!).add(y);
    (out.get(y) ?? out.set(y, new Set()).get(y)!).add(x);
  };
  for (const list of bySynset.values()) for (const x of list) for (const y of list) if (x < y) relate(x, y);
  for (const [st, { hypernyms }] of senses) for (const h of hypernyms) for (const y of bySynset.get(h) ?? []) relate(st, y);
  return out;
}

function packAll(features: SentenceFeatures[], idf: Map<string, number>): Packed[] {
  const ids = new Map<string, number>();
  const idOf = (x: string) => {
    let id = ids.get(x);
    if (id === undefined) ids.set(x, (id = ids.size));
    return id;
  };
  const relations = wordnetRelations(features);
  return features.map((f) => {
    const order = f.stems.map((st) => [idOf(st), st] as const).sort((x, y) => x[0] - y[0]);
    const weights = Float64Array.from(order, ([, st]) => idf.get(st) ?? 0);
    const isName = Uint8Array.from(order, ([, st]) => (f.names.has(st) ? 1 : 0));
    let full = 0, pred = 0;
    weights.forEach((w, k) => {
      full += w * w;
      if (!isName[k]) pred += w * w;
    });
    const concepts = [...f.concepts].map(([st, clusters]) => ({ id: idOf(st), w: idf.get(st) ?? 0, clusters }));
    const related = [...f.senses.keys()]
      .filter((st) => relations.has(st))
      .map((st) => ({ id: idOf(st), w: idf.get(st) ?? 0, rel: Int32Array.from([...relations.get(st)!].map(idOf)).sort() }));
    return {
      related,
      ids: Int32Array.from(order, ([id]) => id),
      weights,
      isName,
      nameCount: f.names.size,
      concepts,
      trigrams: Int32Array.from([...f.trigrams].map((t) => idOf(`#${t}`))).sort(),
      numbers: Int32Array.from(order.filter(([, st]) => NUMBER.test(st)), ([id]) => id),
      full: Math.sqrt(full),
      pred: Math.sqrt(pred),
    };
  });
}

/** Binary search in an ascending id list. */
function hasId(ids: Int32Array, id: number): boolean {
  let lo = 0, hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return true;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

interface Shared {
  full: number;
  pred: number;
  names: number;
  /** Stems matched one-to-one (the same stem, a paraphrase or a WordNet relative), names included. */
  matched: number;
}

/**
 * IDF-weighted shared mass over all stems and over non-name stems (a stem that is a name on either side
 * is not predicate evidence), plus paraphrase-cluster matches, one-to-one, at partial credit; and the
 * number of shared names.
 */
// Stem ids already matched by a paraphrase or WordNet relation in the current pair (reused, see scratch).
const paraphrased: number[] = [];

function sharedMass(pa: Packed, pb: Packed, credit: number, out: Shared): void {
  let full = 0, pred = 0, names = 0, matched = 0;
  let x = 0, y = 0;
  while (x < pa.ids.length && y < pb.ids.length) {
    if (pa.ids[x]! < pb.ids[y]!) x++;
    else if (pa.ids[x]! > pb.ids[y]!) y++;
    else {
      const w = pa.weights[x]! * pa.weights[x]!;
      full += w;
      if (!pa.isName[x] && !pb.isName[y]) pred += w;
      if (pa.isName[x] && pb.isName[y]) names++;
      matched++;
      x++;
      y++;
    }
  }
  if (pa.concepts.length > 0 && pb.concepts.length > 0) {
    const [small, large] = pa.ids.length <= pb.ids.length ? [pa, pb] : [pb, pa];
    const used: number[] = [];
    for (const s of small.concepts) {
      if (hasId(large.ids, s.id)) continue;
      for (let k = 0; k < large.concepts.length; k++) {
        const t = large.concepts[k]!;
        if (used.includes(k) || hasId(small.ids, t.id) || !s.clusters.some((c) => t.clusters.includes(c))) continue;
        used.push(k);
        paraphrased.push(s.id, t.id);
        const w = PARAPHRASE_CREDIT * s.w * t.w;
        full += w;
        pred += w;
        matched++;
        break;
      }
    }
  }
  let wordnet = 0;
  if (credit > 0 && pa.related.length > 0 && pb.related.length > 0) {
    const [small, large] = pa.ids.length <= pb.ids.length ? [pa, pb] : [pb, pa];
    for (const s of small.related) {
      if (hasId(large.ids, s.id) || paraphrased.includes(s.id)) continue;
      // The other sentence's related stems are few; a stem's relatives in the story can be hundreds.
      for (const t of large.related) {
        if (!hasId(s.rel, t.id) || hasId(small.ids, t.id) || paraphrased.includes(t.id)) continue;
        paraphrased.push(s.id, t.id);
        wordnet += credit * s.w * t.w;
        matched++;
        break;
      }
    }
  }
  paraphrased.length = 0;
  out.full = full + wordnet;
  out.pred = pred + wordnet;
  out.names = names;
  out.matched = matched;
}

export interface PairScorer {
  score(i: number, j: number): number;
}

export const PAIR_FEATURES = [
  "cosine",
  "containment",
  "predicateCosine",
  "predicateContainment",
  "trigram",
  "names",
  "entities",
  "order",
  "lengthBalance",
  "numberShared",
  "numberConflict",
] as const;

const NUMBER = /^\d/;

// Reused across calls: scoring runs over 10^5 pairs per story and must not allocate per pair.
const scratch: Shared = { full: 0, pred: 0, names: 0, matched: 0 };

/** Writes the evidence about one sentence pair into `out`, each value in 0..1, in PAIR_FEATURES order. */
function evidenceInto(out: Float64Array, a: SentenceFeatures, b: SentenceFeatures, pa: Packed, pb: Packed, wordnetCredit: number): void {
  if (pa.full === 0 || pb.full === 0) {
    out.fill(0);
    return;
  }
  const m = scratch;
  sharedMass(pa, pb, wordnetCredit, m);
  const shared = m.full;
  const sharedPred = m.pred;
  const numShared = intersectCount(pa.numbers, pb.numbers) > 0 ? 1 : 0;
  const tri = intersectCount(pa.trigrams, pb.trigrams);
  const predicateOn = pa.pred > 0 && pb.pred > 0 && sharedPred > 0;
  out[0] = Math.min(1, shared / (pa.full * pb.full));
  out[1] = Math.min(1, shared / Math.min(pa.full ** 2, pb.full ** 2));
  out[2] = predicateOn ? Math.min(1, sharedPred / (pa.pred * pb.pred)) : 0;
  out[3] = predicateOn ? Math.min(1, sharedPred / Math.min(pa.pred ** 2, pb.pred ** 2)) : 0;
  out[4] = pa.trigrams.length + pb.trigrams.length > 0 ? (2 * tri) / (pa.trigrams.length + pb.trigrams.length) : 0;
  out[5] = pa.nameCount > 0 && pb.nameCount > 0 ? m.names / (pa.nameCount + pb.nameCount - m.names) : 0;
  out[6] = a.entityKeys.size > 0 && b.entityKeys.size > 0 ? overlapRatio(a.entityKeys, b.entityKeys, false) : 0;
  out[7] = 1 - Math.abs(a.position - b.position);
  out[8] = Math.min(a.stems.length, b.stems.length) / Math.max(a.stems.length, b.stems.length);
  out[9] = numShared;
  out[10] = pa.numbers.length > 0 && pb.numbers.length > 0 && numShared === 0 ? 1 : 0;
}

/** The evidence about one sentence pair, each in 0..1, in PAIR_FEATURES order (for fitting the weights). */
export function pairEvidence(
  features: SentenceFeatures[],
  idf: Map<string, number>,
  wordnetCredit = DEFAULT_ALIGN.wordnetCredit,
): (i: number, j: number) => number[] {
  const packed = packAll(features, idf);
  return (i, j) => {
    const out = new Float64Array(PAIR_FEATURES.length);
    evidenceInto(out, features[i]!, features[j]!, packed[i]!, packed[j]!, wordnetCredit);
    return [...out];
  };
}

export function makeScorer(features: SentenceFeatures[], idf: Map<string, number>, p: AlignParams): PairScorer {
  const packed = packAll(features, idf);
  const weights = Float64Array.from(PAIR_FEATURES, (k) => p.weights[k]);
  const predicate = PAIR_FEATURES.indexOf("predicateCosine");
  const x = new Float64Array(PAIR_FEATURES.length);
  return {
    score(i, j) {
      evidenceInto(x, features[i]!, features[j]!, packed[i]!, packed[j]!, p.wordnetCredit);
      if (x[predicate]! < p.minPredicate || scratch.matched < p.minShared) return 0;
      let z = p.bias;
      for (let k = 0; k < x.length; k++) z += weights[k]! * x[k]!;
      return 1 / (1 + Math.exp(-z));
    },
  };
}

/**
 * Scored candidate pairs (a < b, different articles): only pairs sharing a stem (or a paraphrase cluster)
 * that is not story-wide are scored, found through an inverted index one sentence at a time; pairs scoring
 * under `minScore` are left out (they would add almost nothing to a row's mean).
 */
export function scorePairs(features: SentenceFeatures[], idf: Map<string, number>, p: AlignParams): ScoredPair[] {
  const scorer = makeScorer(features, idf, p);
  const index = new Map<string, number[]>();
  features.forEach((f, i) => {
    if (f.stems.length < p.minStems) return;
    const add = (key: string) => {
      const list = index.get(key);
      if (!list) index.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    };
    for (const st of f.stems) add(st);
    // Paraphrase clusters open candidates too ("~12"), or "died"/"dead" would never be scored.
    for (const cs of f.concepts.values()) for (const c of cs) add(`~${c}`);
  });
  const n = features.length;
  // A claim every outlet carries puts its words in one sentence per article; in a story of short articles
  // (four of two sentences) that is half the sentences, and a share alone would block the very claim all
  // of them share. So a stem in no more sentences than there are articles, plus one, always opens pairs.
  const articles = new Set(features.map((f) => f.article)).size;
  const maxPostings = Math.max(2, Math.floor(n * p.blockingMaxShare), articles + 1);
  const postingsOf: number[][][] = features.map(() => []);
  for (const list of index.values()) {
    if (list.length < 2 || list.length > maxPostings) continue;
    for (const i of list) postingsOf[i]!.push(list);
  }
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const out: ScoredPair[] = [];
  for (let a = 0; a < n; a++) {
    const article = features[a]!.article;
    for (const list of postingsOf[a]!)
      for (const b of list)
        if (b > a && !seen[b] && features[b]!.article !== article) {
          seen[b] = 1;
          touched.push(b);
        }
    touched.sort((x, y) => x - y);
    for (const b of touched) {
      seen[b] = 0;
      const score = scorer.score(a, b);
      if (score > 0 && score >= p.minScore) out.push({ a, b, score });
    }
    touched.length = 0;
  }
  return out;
}

/** Max-heap of candidate merges; stale entries are skipped when popped. */
class MergeHeap {
  private items: Array<{ link: number; x: number; y: number }> = [];
  get size(): number {
    return this.items.length;
  }
  push(link: number, x: number, y: number): void {
    const h = this.items;
    h.push({ link, x, y });
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): { link: number; x: number; y: number } {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
  // Ties broken by cluster ids so the result does not depend on insertion order.
  private before(a: { link: number; x: number; y: number }, b: { link: number; x: number; y: number }): boolean {
    return a.link !== b.link ? a.link > b.link : a.x !== b.x ? a.x < b.x : a.y < b.y;
  }
}

/**
 * Rows by average-linkage agglomeration under a cannot-link constraint: repeatedly merge the two groups
 * whose mean pairwise score is highest, never putting two sentences of one article in a group. Two single
 * sentences merge at `threshold`; larger groups at `mergeThreshold` over all their cross pairs, so A~B and
 * B~C do not pull an unrelated C into A's row, and a sentence joins the row it agrees with most rather than
 * the first row that reached it.
 */
export function alignSentences(features: SentenceFeatures[], idf: Map<string, number>, p: AlignParams = DEFAULT_ALIGN): Alignment {
  const pairs = scorePairs(features, idf, p);
  const n = features.length;
  const members: number[][] = features.map((_, i) => [i]);
  const articles: Set<number>[] = features.map((f) => new Set([f.article]));
  const links: Map<number, number>[] = features.map(() => new Map());
  const alive = features.map(() => true);
  const heap = new MergeHeap();
  const linkOf = (x: number, y: number) => (links[x]!.get(y) ?? 0) / (members[x]!.length * members[y]!.length);
  for (const { a, b, score } of pairs) {
    links[a]!.set(b, score);
    links[b]!.set(a, score);
    if (score >= Math.min(p.threshold, p.mergeThreshold)) heap.push(score, Math.min(a, b), Math.max(a, b));
  }
  while (heap.size > 0) {
    const { link, x, y } = heap.pop();
    if (!alive[x] || !alive[y] || Math.abs(linkOf(x, y) - link) > 1e-12) continue;
    const singles = members[x]!.length === 1 && members[y]!.length === 1;
    if (link < (singles ? p.threshold : p.mergeThreshold)) continue;
    if ([...articles[y]!].some((art) => articles[x]!.has(art))) continue;
    // Merge y into x.
    alive[y] = false;
    members[x] = [...members[x]!, ...members[y]!];
    for (const art of articles[y]!) articles[x]!.add(art);
    links[x]!.delete(y);
    for (const [z, sum] of links[y]!) {
      if (z === x) continue;
      const merged = (links[x]!.get(z) ?? 0) + sum;
      links[x]!.set(z, merged);
      links[z]!.set(x, merged);
      links[z]!.delete(y);
    }
    links[y]!.clear();
    for (const z of links[x]!.keys()) {
      const l = linkOf(x, z);
      if (l >= p.mergeThreshold) heap.push(l, Math.min(x, z), Math.max(x, z));
    }
  }
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) if (alive[i]) rows.push(members[i]!.sort((x, y) => features[x]!.article - features[y]!.article || x - y));
  rows.sort((x, y) => x[0]! - y[0]!);
  return { rows };
}

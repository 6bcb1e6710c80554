// Sentence alignment across a story's articles.
//
// 1. Blocking: only sentence pairs from different articles that share a content stem which is not
//    everywhere in the story are scored (an inverted index, so a 20-article story is not all-pairs).
// 2. Scoring: IDF-weighted cosine over content stems, plus character-trigram overlap (spelling and
//    inflection tolerance), plus shared entities, plus a small bonus for similar relative position
//    (outlets tend to tell a story in the same order).
// 3. Gate: the sentences must share content that is not a name. Two sentences that both mention Putin
//    and Kim but say different things about them are not the same claim.
// 4. One-to-one per article pair (greedy by score), then rows across N articles by union-find that
//    refuses a merge which would put two sentences of one article in a row.

import type { SentenceFeatures } from "./features";

export type PairFeature = (typeof PAIR_FEATURES)[number];

export interface AlignParams {
  /** Accept a pair of single sentences when its score (a probability of "same claim") reaches this. */
  threshold: number;
  /** Minimum IDF-weighted cosine over non-name stems: two sentences that only share names are not one claim. */
  minPredicate: number;
  /** Logistic model over the pair evidence (pairEvidence). */
  bias: number;
  weights: Record<PairFeature, number>;
  /** Stems in more than this share of the story's sentences do not open a candidate pair. */
  blockingMaxShare: number;
  /** Two partial rows merge only when the mean score over all their cross pairs reaches this (average linkage). */
  mergeThreshold: number;
  /** Sentences with fewer content stems are fragments ("6 - million) booty, a police source said.") and are not aligned. */
  minStems: number;
}

// The weights are a logistic regression fitted on the tuning half of fixtures/compare/alignment-labels.jsonl
// (`npx tsx bench/compare.ts --fit` refits and prints them); thresholds were chosen on that half too, and the
// other half is the reported figure (README.md).
export const DEFAULT_ALIGN: AlignParams = {
  threshold: 0.4,
  minPredicate: 0.05,
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
  blockingMaxShare: 0.35,
  mergeThreshold: 0.25,
  minStems: 2,
};

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
}

export interface Alignment {
  /** Rows of feature indices, at most one per article, each sorted by article. */
  rows: number[][];
  /** Scores of every accepted pair, keyed "i:j" with i < j. */
  pairScores: Map<string, number>;
}

export const pairKey = (i: number, j: number): string => (i < j ? `${i}:${j}` : `${j}:${i}`);

// Paraphrase matches ("died"/"dead", "arrested"/"detained") count for less than the same word.
const PARAPHRASE_CREDIT = 0.8;

/** IDF-weighted shared mass: same stems in full, paraphrase-cluster matches (one-to-one) at partial credit. */
function dot(a: SentenceFeatures, b: SentenceFeatures, idf: Map<string, number>, skipNames: boolean): number {
  let sum = 0;
  const small = a.stems.length <= b.stems.length ? a : b;
  const large = small === a ? b : a;
  const set = new Set(large.stems);
  for (const s of small.stems) {
    if (!set.has(s)) continue;
    if (skipNames && (a.names.has(s) || b.names.has(s))) continue;
    const w = idf.get(s) ?? 0;
    sum += w * w;
  }
  if (small.concepts.size === 0 || large.concepts.size === 0) return sum;
  const smallSet = new Set(small.stems);
  const used = new Set<string>();
  for (const [s, cs] of small.concepts) {
    if (set.has(s)) continue;
    for (const [t, ct] of large.concepts) {
      if (used.has(t) || smallSet.has(t) || !cs.some((c) => ct.includes(c))) continue;
      used.add(t);
      sum += PARAPHRASE_CREDIT * (idf.get(s) ?? 0) * (idf.get(t) ?? 0);
      break;
    }
  }
  return sum;
}

function norm(f: SentenceFeatures, idf: Map<string, number>, skipNames: boolean): number {
  let sum = 0;
  for (const s of f.stems) {
    if (skipNames && f.names.has(s)) continue;
    const w = idf.get(s) ?? 0;
    sum += w * w;
  }
  return Math.sqrt(sum);
}

function overlapRatio(a: Set<string>, b: Set<string>, dice: boolean): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return dice ? (2 * inter) / (a.size + b.size) : inter / (a.size + b.size - inter);
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

/** The evidence about one sentence pair, each in 0..1, in PAIR_FEATURES order. */
export function pairEvidence(features: SentenceFeatures[], idf: Map<string, number>): (i: number, j: number) => number[] {
  const full = features.map((f) => norm(f, idf, false));
  const pred = features.map((f) => norm(f, idf, true));
  const numbers = features.map((f) => new Set(f.stems.filter((s) => NUMBER.test(s))));
  const nameSets = features.map((f) => new Set(f.names));
  return (i, j) => {
    const a = features[i]!;
    const b = features[j]!;
    if (full[i] === 0 || full[j] === 0) return PAIR_FEATURES.map(() => 0);
    const sharedPred = pred[i]! > 0 && pred[j]! > 0 ? dot(a, b, idf, true) : 0;
    const shared = dot(a, b, idf, false);
    const na = numbers[i]!;
    const nb = numbers[j]!;
    let numShared = 0;
    for (const x of na) if (nb.has(x)) numShared = 1;
    return [
      Math.min(1, shared / (full[i]! * full[j]!)),
      Math.min(1, shared / Math.min(full[i]! ** 2, full[j]! ** 2)),
      sharedPred > 0 ? Math.min(1, sharedPred / (pred[i]! * pred[j]!)) : 0,
      sharedPred > 0 ? Math.min(1, sharedPred / Math.min(pred[i]! ** 2, pred[j]! ** 2)) : 0,
      overlapRatio(a.trigrams, b.trigrams, true),
      overlapRatio(nameSets[i]!, nameSets[j]!, false),
      overlapRatio(a.entityKeys, b.entityKeys, false),
      1 - Math.abs(a.position - b.position),
      Math.min(a.stems.length, b.stems.length) / Math.max(a.stems.length, b.stems.length),
      numShared,
      na.size > 0 && nb.size > 0 && numShared === 0 ? 1 : 0,
    ];
  };
}

export function makeScorer(features: SentenceFeatures[], idf: Map<string, number>, p: AlignParams): PairScorer {
  const evidence = pairEvidence(features, idf);
  const weights = PAIR_FEATURES.map((k) => p.weights[k]);
  const predicate = PAIR_FEATURES.indexOf("predicateCosine");
  return {
    score(i, j) {
      const x = evidence(i, j);
      if (x[predicate]! < p.minPredicate) return 0;
      let z = p.bias;
      for (let k = 0; k < x.length; k++) z += weights[k]! * x[k]!;
      return 1 / (1 + Math.exp(-z));
    },
  };
}

/** Candidate pairs (i < j, different articles) sharing at least one stem that is not story-wide. */
export function candidatePairs(features: SentenceFeatures[], p: AlignParams): Array<[number, number]> {
  const index = new Map<string, number[]>();
  features.forEach((f, i) => {
    if (f.stems.length < p.minStems) return;
    // Paraphrase clusters open candidates too ("~12"), or "died"/"dead" would never be scored.
    const keys = new Set([...f.stems, ...[...f.concepts.values()].flat().map((c) => `~${c}`)]);
    for (const s of keys) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  const maxPostings = Math.max(2, Math.floor(features.length * p.blockingMaxShare));
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  const n = features.length;
  for (const list of index.values()) {
    if (list.length < 2 || list.length > maxPostings) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        if (features[i]!.article === features[j]!.article) continue;
        const k = i * n + j;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push([i, j]);
      }
    }
  }
  return out;
}

export function scorePairs(features: SentenceFeatures[], idf: Map<string, number>, p: AlignParams): ScoredPair[] {
  const scorer = makeScorer(features, idf, p);
  const out: ScoredPair[] = [];
  for (const [a, b] of candidatePairs(features, p)) {
    const score = scorer.score(a, b);
    if (score > 0) out.push({ a, b, score });
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
  const pairScore = new Map(pairs.map((s) => [pairKey(s.a, s.b), s.score]));
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
  const pairScores = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    const row = members[i]!.sort((x, y) => features[x]!.article - features[y]!.article || x - y);
    for (let u = 0; u < row.length; u++)
      for (let v = u + 1; v < row.length; v++) {
        const s = pairScore.get(pairKey(row[u]!, row[v]!));
        if (s !== undefined) pairScores.set(pairKey(row[u]!, row[v]!), s);
      }
    rows.push(row);
  }
  rows.sort((x, y) => x[0]! - y[0]!);
  return { rows, pairScores };
}

// Second look at each scored pair, within its two articles: a writer states a claim once, so the sentence
// of article B that matches a sentence of article A best, clearly better than B's other sentences, and
// that A's sentence matches back, is likely the same claim even when the words differ ("the Angels
// withdrew their offer" inside a long sentence full of detail). The pair model sees one pair at a time;
// this sees its rivals.

import type { SentenceFeatures } from "./features";

export const COMPETITION_FEATURES = ["pairLogit", "margin", "mutualBest", "rankBest", "rankWorst"] as const;
export type CompetitionFeature = (typeof COMPETITION_FEATURES)[number];

export interface CompetitionModel {
  bias: number;
  weights: Record<CompetitionFeature, number>;
}

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
}

/** Logit of a probability, bounded so that 0 and 1 stay finite; scaled to about -1..1 like the other evidence. */
function pairLogit(p: number): number {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q)) / 10;
}

/**
 * For each pair (a from article A, b from article B), in COMPETITION_FEATURES order: the pair's own
 * score as a logit; its margin over the best rival (b' in B for a, a' in A for b; unscored pairs count 0);
 * whether it beats every rival on both sides; and 1 / (1 + number of rivals above it), on the better and
 * the worse side.
 */
export function competitionEvidence(features: SentenceFeatures[], pairs: ScoredPair[]): number[][] {
  // Scores of each sentence against each other article, best first.
  const bySentence = new Map<string, number[]>();
  const key = (sentence: number, article: number) => `${sentence}:${article}`;
  const add = (s: number, article: number, score: number) => {
    const list = bySentence.get(key(s, article));
    if (list) list.push(score);
    else bySentence.set(key(s, article), [score]);
  };
  for (const { a, b, score } of pairs) {
    add(a, features[b]!.article, score);
    add(b, features[a]!.article, score);
  }
  for (const list of bySentence.values()) list.sort((x, y) => y - x);
  // Rivals of one side: that side's scores against the other article without this pair itself.
  const side = (s: number, article: number, score: number) => {
    const list = bySentence.get(key(s, article))!;
    const above = list.findIndex((x) => x <= score);
    const higher = above < 0 ? list.length : above;
    // The pair itself is in the list (once); the best rival is the best score after removing it.
    const rival = list[0] === score ? (list[1] ?? 0) : list[0]!;
    return { higher, rival };
  };
  return pairs.map(({ a, b, score }) => {
    const x = side(a, features[b]!.article, score);
    const y = side(b, features[a]!.article, score);
    const margin = score - Math.max(x.rival, y.rival);
    return [
      pairLogit(score),
      margin,
      margin > 0 ? 1 : 0,
      1 / (1 + Math.min(x.higher, y.higher)),
      1 / (1 + Math.max(x.higher, y.higher)),
    ];
  });
}

/** The pairs rescored by the competition model (same order). */
export function rescoreByCompetition(features: SentenceFeatures[], pairs: ScoredPair[], model: CompetitionModel): ScoredPair[] {
  const evidence = competitionEvidence(features, pairs);
  const weights = COMPETITION_FEATURES.map((k) => model.weights[k]);
  return pairs.map((p, n) => {
    let z = model.bias;
    evidence[n]!.forEach((v, k) => (z += weights[k]! * v));
    return { ...p, score: 1 / (1 + Math.exp(-z)) };
  });
}

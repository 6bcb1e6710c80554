// Background document frequencies: what a large general corpus says about how common each word is,
// blended with the store's own counts. Online IDF is only as good as the articles seen so far: in a young
// install, or at the start of a stream, every word is "rare" and topic words ("rehab", "earthquake") weigh
// as much as the names that tell two look-alike events apart. The background acts as `docs` pseudo-articles
// whose word shares come from data/background-df.json (fixtures/stories/build-background-df.ts), so the
// live counts take over as the store grows. Entity keys have no background: they are the store's own.

import background from "./data/background-df.json";
import type { CorpusStats } from "./types";

// A Map, not the JSON object: this is looked up for every key of every story weighed, and a 52k-key
// object is a slow dictionary.
const shares: ReadonlyMap<string, number> = new Map(Object.entries(background.terms));

/** The share of documents expected to contain `term` (0 for words outside the list: names, numbers, rare words). */
export function backgroundShare(term: string): number {
  return shares.get(term) ?? 0;
}

/** What `withBackground` blended: the store's statistics and the pseudo-articles added. */
export interface BackgroundBlend {
  stats: CorpusStats;
  docs: number;
}

const blends = new WeakMap<CorpusStats, BackgroundBlend>();

/**
 * The blend behind statistics made by `withBackground` (else undefined), so a caller weighing many keys can
 * compute `termDf` itself, as `stats.termDf(term) + docs * backgroundShare(term)`, with shares it keeps.
 */
export function blendOf(stats: CorpusStats): BackgroundBlend | undefined {
  return blends.get(stats);
}

/** `stats` with `docs` background pseudo-articles added (0: unchanged). */
export function withBackground(stats: CorpusStats, docs: number): CorpusStats {
  if (docs <= 0) return stats;
  const blended: CorpusStats = {
    articleCount: stats.articleCount + docs,
    termDf: (term) => stats.termDf(term) + docs * backgroundShare(term),
    entityDf: (key) => stats.entityDf(key),
  };
  blends.set(blended, { stats, docs });
  return blended;
}

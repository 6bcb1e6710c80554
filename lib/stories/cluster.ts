// Batch clustering for benchmarks, demos and re-clustering: one pass in the given order, through exactly
// the path an upload takes (placeArticle, then the store records the article).

import { placeArticle, DEFAULT_SCORING_PARAMS, type ScoringParams } from "./assign";
import { InMemoryStoryStore, type MemoryStoreOptions } from "./memory-store";
import type { ArticleFeatures, Assignment } from "./types";

export interface ClusterOptions {
  scoring?: ScoringParams;
  store?: Partial<MemoryStoreOptions>;
  /** A store to fill instead of a new one built from `store` (e.g. one seeded with background statistics). */
  storeInstance?: InMemoryStoryStore;
  /** Called after each article is placed, e.g. to keep the explanations. */
  onAssign?: (article: ArticleFeatures, assignment: Assignment, storyId: string) => void;
}

/** Article id -> story id. Same articles in the same order give the same stories. */
export async function clusterAll(articles: ArticleFeatures[], opts: ClusterOptions = {}): Promise<Map<string, string>> {
  const store = opts.storeInstance ?? new InMemoryStoryStore(opts.store);
  const scoring = opts.scoring ?? DEFAULT_SCORING_PARAMS;
  const out = new Map<string, string>();
  for (const article of articles) {
    const { assignment, vector } = await placeArticle(article, store, scoring);
    const storyId = store.add(article, vector, assignment.storyId);
    out.set(article.id, storyId);
    opts.onAssign?.(article, assignment, storyId);
  }
  return out;
}

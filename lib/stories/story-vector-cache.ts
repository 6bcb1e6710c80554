// Weighted story vectors kept between placements. Weighing a candidate's signature with the current IDF
// is most of what scoring costs (and, in PostgreSQL, reading the signature and the statistics of its few
// hundred keys is most of what a placement reads), yet a story's vector only changes when an article
// joins it or when the corpus has grown enough to move the IDF. An entry is therefore reused while the
// story's version (its signature, exactly) is unchanged and the corpus is within `drift` of the size it was
// weighed at; otherwise it is weighed again. Bounded: least recently used entries go first.

import type { StorySignature, VectorParts } from "./types";

export interface CachedStoryVector {
  signature: StorySignature;
  weighted: VectorParts;
}

interface Entry extends CachedStoryVector {
  version: string;
  corpus: number;
}

export interface StoryVectorCacheOptions {
  /** Stories kept. */
  capacity: number;
  /** Relative corpus growth after which a weighted vector is weighed again (0.05: 5%). */
  drift: number;
}

export const DEFAULT_STORY_VECTOR_CACHE_OPTIONS: StoryVectorCacheOptions = { capacity: 50_000, drift: 0.05 };

export class StoryVectorCache {
  private readonly entries = new Map<string, Entry>();
  private readonly opts: StoryVectorCacheOptions;
  hits = 0;
  misses = 0;

  constructor(options: Partial<StoryVectorCacheOptions> = {}) {
    this.opts = { ...DEFAULT_STORY_VECTOR_CACHE_OPTIONS, ...options };
  }

  /** The story's weighted vector if it was weighed for this `version` at a corpus size close to `corpus`. */
  get(storyId: string, version: string, corpus: number): CachedStoryVector | undefined {
    const e = this.entries.get(storyId);
    if (!e || e.version !== version || Math.abs(corpus - e.corpus) > this.opts.drift * e.corpus) {
      this.misses++;
      return undefined;
    }
    // Map keeps insertion order: re-inserting makes this the most recently used entry.
    this.entries.delete(storyId);
    this.entries.set(storyId, e);
    this.hits++;
    return e;
  }

  set(storyId: string, version: string, corpus: number, value: CachedStoryVector): void {
    this.entries.delete(storyId);
    this.entries.set(storyId, { ...value, version, corpus });
    if (this.entries.size > this.opts.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

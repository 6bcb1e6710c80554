// The in-memory story store: the reference implementation of StoryStore (benchmarks, tests, demo) and the
// model for the PostgreSQL one. Candidate retrieval walks inverted indexes (entity key -> stories,
// term -> stories) whose posting lists are capped, so its cost does not grow with the number of stories.

import { indexedTermKeys, partKeys, updateSignature, DEFAULT_SIGNATURE_PARAMS, type SignatureParams } from "./signature";
import { articleTermIds, holding, internGeneration, internKey, knownKeyId } from "./vector";
import { StoryVectorCache } from "./story-vector-cache";
import type {
  ArticleFeatures,
  ArticleVector,
  CandidateQuery,
  CorpusStats,
  StoryCandidate,
  StatsQuery,
  StorySignature,
  StoryStore,
} from "./types";

export interface MemoryStoreOptions {
  /**
   * Stories kept per posting list, the most recently updated first out-last. A key shared by more stories
   * than this is common enough that the older stories it points at are not worth scoring for it.
   */
  postingCap: number;
  /** Keys in more than this fraction of articles are not used for retrieval (once the corpus has 100). */
  maxDfRatio: number;
  signature: SignatureParams;
  /** Keep weighted story vectors between placements (story-vector-cache.ts). */
  cacheVectors: boolean;
}

export const DEFAULT_MEMORY_STORE_OPTIONS: MemoryStoreOptions = {
  // 200, as PostgreSQL's posting lists: at 100k stored articles placement took p50 / p95 5.5 / 15.7 ms
  // instead of 7.1 / 23.3 with 500 (scratch timing, both under a profiler); ECB+ lists never reach it.
  postingCap: 200,
  maxDfRatio: 0.25,
  signature: DEFAULT_SIGNATURE_PARAMS,
  cacheVectors: true,
};

interface StoryRecord {
  id: string;
  /** Dense number of the story in this store: posting lists and hit counts use it instead of the id. */
  no: number;
  signature: StorySignature;
  articleIds: string[];
  /** Unique across the store's life, so a story's version never repeats (the vector cache's key). */
  revision: number;
}

/**
 * The `limit` stories with most hits, ties to the lower id: what sorting every hit would give, without
 * sorting the thousands a full posting list brings (a small sorted buffer; most hits fall below its end).
 */
function topHits(touched: Int32Array, count: number, hits: Int32Array, records: StoryRecord[], limit: number): StoryRecord[] {
  const ids: StoryRecord[] = [];
  const scores: number[] = [];
  const before = (s: number, r: StoryRecord, j: number) => s > scores[j]! || (s === scores[j]! && r.id < ids[j]!.id);
  // Once the buffer is full, a story with fewer hits than its last entry is out without reading its record.
  let floor = -1;
  for (let t = 0; t < count; t++) {
    const no = touched[t]!;
    const s = hits[no]!;
    if (s < floor) continue;
    const id = records[no]!;
    if (ids.length === limit && !before(s, id, limit - 1)) continue;
    let j = ids.length === limit ? limit - 1 : ids.length;
    while (j > 0 && before(s, id, j - 1)) {
      ids[j] = ids[j - 1]!;
      scores[j] = scores[j - 1]!;
      j--;
    }
    ids[j] = id;
    scores[j] = s;
    if (ids.length === limit) floor = scores[limit - 1]!;
  }
  return ids;
}

/**
 * One key's posting list: story numbers, least recently updated first, in a typed array (the first `size`
 * slots). Walking it is a plain loop over integers; moving a story to the most recent end or dropping the
 * oldest shifts at most `postingCap` numbers.
 */
interface PostingList {
  nos: Int32Array;
  size: number;
}
type Postings = Map<string, PostingList>;

/** Removes `no` from the list if it is there, keeping the others' order. */
function removeFrom(list: PostingList, no: number): void {
  const nos = list.nos;
  const n = list.size;
  for (let i = n - 1; i >= 0; i--) {
    if (nos[i] === no) {
      nos.copyWithin(i, i + 1, n);
      list.size = n - 1;
      return;
    }
  }
}

/** Moves (or adds) `no` to the most recent end; past `cap`, the oldest story is dropped. */
function touchIn(list: PostingList, no: number, cap: number): void {
  removeFrom(list, no);
  if (list.size === list.nos.length) {
    const grown = new Int32Array(Math.min(Math.max(4, list.nos.length * 2), cap + 1));
    grown.set(list.nos);
    list.nos = grown;
  }
  list.nos[list.size++] = no;
  if (list.size > cap) {
    list.nos.copyWithin(0, 1, list.size);
    list.size--;
  }
}

export class InMemoryStoryStore implements StoryStore {
  private readonly opts: MemoryStoreOptions;
  private articleCount = 0;
  // Term document frequencies by interned id (vector.ts `internKey`) of generation `dfGeneration`, what
  // weighing reads; the terms counted, in the order first counted, with their ids, to file the counts under
  // new ids when the ids start over and to list them (`documentFrequencies`). Counting an article's terms
  // then needs no string-keyed lookup: its ids come with its terms (`articleTermIds`).
  private dfById = new Int32Array(1 << 16);
  private dfGeneration = internGeneration();
  private readonly countedTerms: string[] = [];
  private countedIds = new Int32Array(1024);
  private termDfMap: Map<string, number> | null = null;
  private readonly entityDfs = new Map<string, number>();
  private readonly stories = new Map<string, StoryRecord>();
  private readonly byNo: StoryRecord[] = [];
  /** Hits per story number while ranking candidates; zero between queries. */
  private hits = new Int32Array(1024);
  /** Story numbers hit by the query being ranked, in the order first hit (scratch). */
  private touched = new Int32Array(1024);
  private readonly articleStory = new Map<string, string>();
  private readonly termPostings: Postings = new Map();
  private readonly entityPostings: Postings = new Map();
  private revisions = 0;
  readonly vectorCache: StoryVectorCache | null;

  constructor(options: Partial<MemoryStoreOptions> = {}) {
    this.opts = { ...DEFAULT_MEMORY_STORE_OPTIONS, ...options };
    this.vectorCache = this.opts.cacheVectors ? new StoryVectorCache() : null;
  }

  stats(): CorpusStats {
    return {
      articleCount: this.articleCount,
      termDf: (t) => this.termDf(t),
      termDfById: (id) => {
        if (this.dfGeneration !== internGeneration()) this.rebuildDfById();
        return id < this.dfById.length ? this.dfById[id]! : 0;
      },
      entityDf: (k) => this.entityDfs.get(k) ?? 0,
    };
  }

  /** Everything is in memory, so the query needs no loading. */
  statsFor(_query: StatsQuery): CorpusStats {
    return this.stats();
  }

  candidates(query: CandidateQuery): (StoryCandidate & { signature: StorySignature })[] {
    const hits = this.hits;
    let touched = this.touched;
    let count = 0;
    const maxDf = this.articleCount >= 100 ? this.opts.maxDfRatio * this.articleCount : Infinity;
    // An entity key is a stronger hint than a word, so it counts double when ranking what to score.
    for (let pass = 0; pass < 2; pass++) {
      const keys = pass === 0 ? query.entityKeys : query.terms;
      const postings = pass === 0 ? this.entityPostings : this.termPostings;
      const w = pass === 0 ? 2 : 1;
      for (const key of keys) {
        if ((pass === 0 ? (this.entityDfs.get(key) ?? 0) : this.termDf(key)) > maxDf) continue;
        const list = postings.get(key);
        if (!list) continue;
        const nos = list.nos;
        const n = list.size;
        // Each story is touched once per query, so `touched` needs at most one slot per story.
        if (count + n > touched.length) this.touched = touched = holding(touched, count + n - 1);
        for (let i = 0; i < n; i++) {
          const no = nos[i]!;
          const h = hits[no]!;
          if (h === 0) touched[count++] = no;
          hits[no] = h + w;
        }
      }
    }
    const top = topHits(touched, count, hits, this.byNo, query.limit);
    for (let t = 0; t < count; t++) hits[touched[t]!] = 0;
    return top.map((story) => ({ storyId: story.id, version: String(story.revision), signature: story.signature }));
  }

  signatures(storyIds: string[]): Map<string, StorySignature> {
    const out = new Map<string, StorySignature>();
    for (const id of storyIds) {
      const story = this.stories.get(id);
      if (story) out.set(id, story.signature);
    }
    return out;
  }

  /**
   * Records the article in `storyId` (null: a new story, whose id is derived from the article's id so runs
   * are reproducible) and returns the story id.
   */
  add(article: ArticleFeatures, vector: ArticleVector, storyId: string | null): string {
    if (this.articleStory.has(article.id)) throw new Error(`article ${article.id} is already in a story`);
    const id = storyId ?? `story:${article.id}`;
    const prev = this.stories.get(id);
    if (storyId !== null && !prev) throw new Error(`unknown story ${storyId}`);
    if (storyId === null && prev) throw new Error(`story ${id} already exists`);

    this.articleCount++;
    const terms = articleTermIds(article);
    if (this.dfGeneration !== internGeneration()) this.rebuildDfById();
    for (let i = 0; i < terms.ids.length; i++) {
      const id = terms.ids[i]!;
      this.dfById = holding(this.dfById, id);
      if (this.dfById[id] === 0) this.noteCounted(terms.keys[i]!, id);
      this.dfById[id] = this.dfById[id]! + 1;
    }
    this.termDfMap = null;
    for (const k of new Set(article.entities.map((e) => e.key))) {
      this.entityDfs.set(k, (this.entityDfs.get(k) ?? 0) + 1);
    }

    const signature = updateSignature(prev?.signature ?? null, vector, this.opts.signature);
    const no = prev?.no ?? this.byNo.length;
    this.reindex(no, prev?.signature ?? null, signature);
    // The record's own list grows in place: copying it per article would make big stories quadratic.
    const articleIds = prev?.articleIds ?? [];
    articleIds.push(article.id);
    const record = { id, no, signature, articleIds, revision: ++this.revisions };
    this.stories.set(id, record);
    this.byNo[no] = record;
    if (no >= this.hits.length) {
      const grown = new Int32Array(this.hits.length * 2);
      grown.set(this.hits);
      this.hits = grown;
    }
    this.articleStory.set(article.id, id);
    return id;
  }

  story(storyId: string): { signature: StorySignature; articleIds: readonly string[] } | undefined {
    return this.stories.get(storyId);
  }

  storyOf(articleId: string): string | undefined {
    return this.articleStory.get(articleId);
  }

  /**
   * Document frequencies of every term and entity key counted so far: terms in the order first counted (a
   * map made when asked, until the next article), entities a live view.
   */
  documentFrequencies(): { articles: number; terms: ReadonlyMap<string, number>; entities: ReadonlyMap<string, number> } {
    if (!this.termDfMap) {
      if (this.dfGeneration !== internGeneration()) this.rebuildDfById();
      const m = new Map<string, number>();
      for (let j = 0; j < this.countedTerms.length; j++) m.set(this.countedTerms[j]!, this.dfById[this.countedIds[j]!]!);
      this.termDfMap = m;
    }
    return { articles: this.articleCount, terms: this.termDfMap, entities: this.entityDfs };
  }

  get storyCount(): number {
    return this.stories.size;
  }

  get size(): number {
    return this.articleCount;
  }

  private termDf(t: string): number {
    if (this.dfGeneration !== internGeneration()) this.rebuildDfById();
    const id = knownKeyId(t);
    return id >= 0 && id < this.dfById.length ? this.dfById[id]! : 0;
  }

  private noteCounted(term: string, id: number): void {
    const j = this.countedTerms.length;
    this.countedTerms.push(term);
    this.countedIds = holding(this.countedIds, j);
    this.countedIds[j] = id;
  }

  /** The ids started over (vector.ts): every count is filed under its key's new id. */
  private rebuildDfById(): void {
    const old = this.dfById;
    this.dfById = new Int32Array(1 << 16);
    this.dfGeneration = internGeneration();
    for (let j = 0; j < this.countedTerms.length; j++) {
      const id = internKey(this.countedTerms[j]!);
      this.dfById = holding(this.dfById, id);
      this.dfById[id] = old[this.countedIds[j]!]!;
      this.countedIds[j] = id;
    }
  }

  private reindex(storyNo: number, before: StorySignature | null, after: StorySignature): void {
    const update = (postings: Postings, oldKeys: readonly string[], newKeys: readonly string[]) => {
      const keep = new Set(newKeys);
      for (const k of oldKeys) {
        if (keep.has(k)) continue;
        const list = postings.get(k);
        if (list) removeFrom(list, storyNo);
      }
      for (const k of newKeys) {
        let list = postings.get(k);
        if (!list) postings.set(k, (list = { nos: new Int32Array(4), size: 0 }));
        touchIn(list, storyNo, this.opts.postingCap);
      }
    };
    update(this.termPostings, before ? indexedTermKeys(before) : [], indexedTermKeys(after));
    update(this.entityPostings, before ? partKeys(before, "entities") : [], partKeys(after, "entities"));
  }
}

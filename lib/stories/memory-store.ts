// The in-memory story store: the reference implementation of StoryStore (benchmarks, tests, demo) and the
// model for the PostgreSQL one. Candidate retrieval walks inverted indexes (entity key -> stories,
// term -> stories) whose posting lists are capped, so its cost does not grow with the number of stories.

import { indexedTermIndices, indexedTermParts, updateSignature, DEFAULT_SIGNATURE_PARAMS, type SignatureParams } from "./signature";
import { articleTermIds, holding, internGeneration, internKey, knownKeyId, partsIn } from "./vector";
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
  /** `String(revision)`, made once per update instead of once per query that finds the story. */
  version: string;
}

/**
 * The `limit` stories with most hits, ties to the lower id: what sorting every hit would give, without
 * sorting the thousands a full posting list brings (a small sorted buffer; most hits fall below its end).
 * Ties are compared by `rank` (by story number: the stories' order by id, see `IdRanks`), not by the ids
 * themselves: at 100k articles a query meets thousands of stories tied with the buffer's last entry, and
 * reading each one's record and id string was two thirds of the query (session 12 profile).
 */
function topHits(touched: Int32Array, count: number, hits: Int32Array, rank: Float64Array, records: StoryRecord[], limit: number): StoryRecord[] {
  const nos: number[] = [];
  const scores: number[] = [];
  const before = (s: number, no: number, j: number) => s > scores[j]! || (s === scores[j]! && rank[no]! < rank[nos[j]!]!);
  // Once the buffer is full, a story with fewer hits than its last entry is out without further reads.
  let floor = -1;
  for (let t = 0; t < count; t++) {
    const no = touched[t]!;
    const s = hits[no]!;
    if (s < floor) continue;
    if (nos.length === limit && !before(s, no, limit - 1)) continue;
    let j = nos.length === limit ? limit - 1 : nos.length;
    while (j > 0 && before(s, no, j - 1)) {
      nos[j] = nos[j - 1]!;
      scores[j] = scores[j - 1]!;
      j--;
    }
    nos[j] = no;
    scores[j] = s;
    if (nos.length === limit) floor = scores[limit - 1]!;
  }
  return nos.map((no) => records[no]!);
}

/**
 * Each story number's place in the order of the stories' ids (JavaScript's `<` on strings), as a number:
 * comparing two ranks gives exactly what comparing the two ids gives. A new story gets a rank between its
 * neighbours' in a sorted list of ids (binary search); when no double fits between them, all are numbered
 * again, evenly spaced.
 */
class IdRanks {
  private readonly sorted: string[] = [];
  private readonly sortedNos: number[] = [];
  rank = new Float64Array(1024);

  add(id: string, no: number): void {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    sorted.splice(lo, 0, id);
    this.sortedNos.splice(lo, 0, no);
    if (no >= this.rank.length) {
      const grown = new Float64Array(Math.max(no + 1, this.rank.length * 2));
      grown.set(this.rank);
      this.rank = grown;
    }
    const below = lo > 0 ? this.rank[this.sortedNos[lo - 1]!]! : null;
    const above = lo + 1 < sorted.length ? this.rank[this.sortedNos[lo + 1]!]! : null;
    const r = below === null ? (above === null ? 0 : above - SPACING) : above === null ? below + SPACING : below + (above - below) / 2;
    if ((below !== null && !(r > below)) || (above !== null && !(r < above))) this.renumber();
    else this.rank[no] = r;
  }

  private renumber(): void {
    for (let i = 0; i < this.sortedNos.length; i++) this.rank[this.sortedNos[i]!] = i * SPACING;
  }
}
const SPACING = 1 << 20;

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
/** Keys with their weights, in the same order. */
interface KeyWeights {
  keys: readonly string[];
  weights: ArrayLike<number>;
}
/** Keys with their interned ids (of the current generation), in the same order. */
interface KeyIds {
  keys: readonly string[];
  ids: ArrayLike<number>;
}

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

/**
 * Moves (or adds) `no` to the most recent end; past `cap`, the oldest story is dropped. `present`: whether
 * `no` may be in the list already (false: it is known not to be).
 */
function touchIn(list: PostingList, no: number, cap: number, present: boolean): void {
  if (present) removeFrom(list, no);
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

/** `byId[id] = list`, the array grown slot by slot (a far index would turn it into a slow sparse array). */
function fileUnder(byId: (PostingList | undefined)[], id: number, list: PostingList): void {
  while (byId.length <= id) byId.push(undefined);
  byId[id] = list;
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
  private readonly idRanks = new IdRanks();
  /** Hits per story number while ranking candidates; zero between queries. */
  private hits = new Int32Array(1024);
  /** Story numbers hit by the query being ranked, in the order first hit (scratch). */
  private touched = new Int32Array(1024);
  private readonly articleStory = new Map<string, string>();
  private readonly termPostings: Postings = new Map();
  private readonly entityPostings: Postings = new Map();
  // The same posting lists by their keys' interned ids (of generation `postingsGeneration`), for re-indexing.
  private termPostingsById: (PostingList | undefined)[] = [];
  private entityPostingsById: (PostingList | undefined)[] = [];
  private postingsGeneration = internGeneration();
  private readonly indexedIds = new WeakMap<StorySignature, KeyIds & { generation: number }>();
  /** Scratch marks by interned id for `update`. */
  private mark = new Int32Array(1 << 16);
  private markStamp = 0;
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
    const top = topHits(touched, count, hits, this.idRanks.rank, this.byNo, query.limit);
    for (let t = 0; t < count; t++) hits[touched[t]!] = 0;
    return top.map((story) => ({ storyId: story.id, version: story.version, signature: story.signature }));
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
    const revision = ++this.revisions;
    const record = { id, no, signature, articleIds, revision, version: String(revision) };
    this.stories.set(id, record);
    this.byNo[no] = record;
    if (!prev) this.idRanks.add(id, no);
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

  /**
   * The story's index rows: its terms as `indexedTerms(signature)` gives them and its entities as
   * `Object.entries(signature.entities)` does (the same keys and weights, in another order), read from the
   * signature's parts without building its records (a re-cluster writes them for every story).
   */
  indexRows(storyId: string): { terms: KeyWeights; entities: KeyWeights } | undefined {
    const story = this.stories.get(storyId);
    if (!story) return undefined;
    return { terms: indexedTermParts(story.signature), entities: partsIn(story.signature, "entities") };
  }

  /**
   * The story's signature as JSON text: the same object as `JSON.stringify(signature)`, its parts' keys in
   * another order (what a jsonb column keeps does not depend on it), written from the parts without
   * building the signature's records.
   */
  signatureJson(storyId: string): string | undefined {
    const sig = this.stories.get(storyId)?.signature;
    if (!sig) return undefined;
    let out = `{"version":${JSON.stringify(sig.version)},"articleCount":${JSON.stringify(sig.articleCount)}`;
    for (const name of ["terms", "titleTerms", "entities", "dates"] as const) {
      const { keys, weights } = partsIn(sig, name);
      out += `,"${name}":{`;
      for (let i = 0; i < keys.length; i++) out += `${i ? "," : ""}${JSON.stringify(keys[i])}:${JSON.stringify(weights[i])}`;
      out += "}";
    }
    return `${out},"firstPublished":${JSON.stringify(sig.firstPublished)},"lastPublished":${JSON.stringify(sig.lastPublished)}}`;
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

  /**
   * The story's posting lists brought from `before`'s keys to `after`'s: out of the lists of keys it lost,
   * moved to the most recent end of the lists of keys it keeps or gains. Keys are matched by interned id (the
   * parts carry them), not by string: a string-keyed lookup per key compared the signature's key strings
   * with the map's, a third of the re-index at 100k articles. A story is only ever in the lists of its
   * signature's keys, so a key it gains needs no search for it in the list.
   */
  private reindex(storyNo: number, before: StorySignature | null, after: StorySignature): void {
    if (this.postingsGeneration !== internGeneration()) this.rebuildPostingsById();
    this.update(this.termPostings, this.termPostingsById, storyNo, before ? this.indexedTermIds(before) : null, this.indexedTermIds(after));
    this.update(this.entityPostings, this.entityPostingsById, storyNo, before ? partsIn(before, "entities") : null, partsIn(after, "entities"));
  }

  private update(
    postings: Postings,
    byId: (PostingList | undefined)[],
    storyNo: number,
    before: KeyIds | null,
    after: KeyIds,
  ): void {
    const stamp = (this.markStamp += 2);
    if (stamp >= 0x7ffffff0) {
      this.mark.fill(0);
      this.markStamp = 0;
      this.update(postings, byId, storyNo, before, after);
      return;
    }
    // mark[id]: stamp when only `before` has the key, stamp + 1 once `after` has it too.
    if (before) {
      for (let i = 0; i < before.ids.length; i++) {
        const id = before.ids[i]!;
        this.mark = holding(this.mark, id);
        this.mark[id] = stamp;
      }
    }
    for (let i = 0; i < after.ids.length; i++) {
      const id = after.ids[i]!;
      this.mark = holding(this.mark, id);
      const had = this.mark[id] === stamp;
      this.mark[id] = stamp + 1;
      let list = id < byId.length ? byId[id] : undefined;
      if (!list) {
        list = postings.get(after.keys[i]!);
        if (!list) postings.set(after.keys[i]!, (list = { nos: new Int32Array(4), size: 0 }));
        fileUnder(byId, id, list);
      }
      touchIn(list, storyNo, this.opts.postingCap, had);
    }
    if (before) {
      for (let i = 0; i < before.ids.length; i++) {
        const id = before.ids[i]!;
        if (this.mark[id] === stamp + 1) continue;
        const list = (id < byId.length ? byId[id] : undefined) ?? postings.get(before.keys[i]!);
        if (list) removeFrom(list, storyNo);
      }
    }
  }

  /** The keys and interned ids of `indexedTermKeys(sig)`, worked out once per signature and id generation. */
  private indexedTermIds(sig: StorySignature): KeyIds {
    const hit = this.indexedIds.get(sig);
    if (hit && hit.generation === internGeneration()) return hit;
    const p = partsIn(sig, "terms");
    const at = indexedTermIndices(sig);
    const entry = { keys: indexedTermParts(sig).keys, ids: at === null ? p.ids : Int32Array.from(at, (i) => p.ids[i]!), generation: internGeneration() };
    this.indexedIds.set(sig, entry);
    return entry;
  }

  /** The ids started over (vector.ts): the posting lists are filed under their keys' new ids. */
  private rebuildPostingsById(): void {
    this.postingsGeneration = internGeneration();
    this.termPostingsById = [];
    this.entityPostingsById = [];
    for (const [key, list] of this.termPostings) fileUnder(this.termPostingsById, internKey(key), list);
    for (const [key, list] of this.entityPostings) fileUnder(this.entityPostingsById, internKey(key), list);
  }
}

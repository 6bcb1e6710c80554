// Article vectors: what an article says (weighted words) and whom it names (weighted entities).
// Weights are TF-IDF with the corpus statistics of the store at the moment the article arrives, as in
// Miranda et al. 2018: the IDF grows with the corpus, and no fixed vocabulary is needed.

import { isStopWord, WordScanner } from "@/lib/text";
import { dateKeys } from "./dates";
import { backgroundShare, blendOf } from "./background";
import type { ArticleFeatures, ArticleVector, CorpusStats, EntityType, SparseVector, VectorParts } from "./types";

export interface VectorParams {
  /** Terms kept per article vector. */
  maxArticleTerms: number;
  /** Entities kept per article vector. */
  maxArticleEntities: number;
  /** A headline word counts as this many body occurrences: headlines name the event. */
  titleBoost: number;
  /**
   * IDF is raised to this power. Above 1 it favours the rare, specific words (a score, a village, a
   * victim's name) over the topic's vocabulary shared by look-alike events.
   */
  idfPower: number;
  /**
   * Terms with a digit (scores, tolls, magnitudes, ages, years) weigh this many times their TF-IDF: two
   * look-alike events share their topic words and names but rarely their numbers. Off (1): 2 raised ECB+
   * train F1 but lowered dev in every setting measured (lib/stories/README.md, session 3).
   */
  numberBoost: number;
  /** Added to ln((N+1)/(df+1)): the weight of a word every article has, relative to the rarest words'. */
  idfFloor: number;
  /**
   * Background pseudo-articles blended into the document frequencies (background.ts), so the IDF is
   * sensible before the store has seen many articles. 0 turns the background off.
   */
  backgroundDocs: number;
  /**
   * Entity weight by type. A person or organisation names who the event happened to; a place is often
   * only where the outlet or the topic is (a country names thousands of events), so it weighs less.
   */
  entityTypeWeights: Record<EntityType, number>;
}

export const DEFAULT_VECTOR_PARAMS: VectorParams = {
  maxArticleTerms: 400,
  maxArticleEntities: 24,
  titleBoost: 2,
  idfPower: 1,
  numberBoost: 1,
  idfFloor: 0,
  backgroundDocs: 1000,
  entityTypeWeights: { PERSON: 1, ORGANIZATION: 1, PLACE: 1, OTHER: 1 },
};

export function weightOf(v: SparseVector, key: string): number {
  return Object.hasOwn(v, key) ? v[key]! : 0;
}

/**
 * Smoothed IDF plus `floor`. With the background frequencies blended in (background.ts) a word every stored
 * article has still keeps a weight in a young store, so the scorer needs no floor; without them, a floor of
 * 1 keeps such words from being erased.
 */
export function idf(df: number, articleCount: number, floor = 1): number {
  return Math.log((articleCount + 1) / (df + 1)) + floor;
}

// Mild plural folding so "earthquake" and "earthquakes" meet; no full stemmer, whose errors are hard to
// explain in a shared-terms list.
function fold(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/**
 * Content words of a text, lower-cased and folded. Numbers written with a decimal point or thousands
 * separator stay one term ("6.1", "1,200"): magnitudes, tolls and scores tell look-alike events apart.
 */
export function contentTerms(text: string): string[] {
  // The words of `tokenize`, read one at a time by a scanner (no token objects); the next word is read
  // ahead only while the current one is a number that may go on ("6" "." "1").
  const words = new WordScanner(text);
  const out: string[] = [];
  let ahead = words.next();
  while (ahead) {
    let norm = words.norm();
    let end = words.end;
    ahead = words.next();
    while (ahead && isNumeral(norm)) {
      const gap = words.start - end === 1 ? text.charCodeAt(end) : -1;
      if (gap !== 46 && gap !== 44) break; // "." or ","
      const next = words.norm();
      if (!isDigits(next)) break;
      norm = norm + (gap === 46 ? "." : ",") + next;
      end = words.end;
      ahead = words.next();
    }
    if (isStopWord(norm)) continue;
    if (norm.length < 2 && !hasDigit(norm)) continue;
    out.push(fold(norm.endsWith("'s") ? norm.slice(0, -2) : norm));
  }
  return out;
}

/** /^[\d.,]+$/ */
function isNumeral(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 44)) return false;
  }
  return true;
}

/** /^\d+$/ */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** /\d/ */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

interface ArticleTerms {
  title: string;
  body: string;
  titleTerms: string[];
  bodyTerms: string[];
  set: Set<string>;
  /** Interned ids of the title terms then the body terms, of generation `idGeneration`. */
  ids: Int32Array | null;
  /** The distinct terms (the order of `set`) and their ids, of generation `idGeneration`. */
  distinct: { keys: string[]; ids: Int32Array } | null;
  idGeneration: number;
}

// Placing an article reads its terms several times (document frequencies, its vector, the store's
// counts, a re-cluster's statistics); tokenising is the costliest step of each, so the terms are kept per
// article object while its title and body are the same strings.
const termsCache = new WeakMap<object, ArticleTerms>();

function termsOf(article: Pick<ArticleFeatures, "title" | "body">): ArticleTerms {
  const hit = termsCache.get(article);
  if (hit && hit.title === article.title && hit.body === article.body) return hit;
  const titleTerms = contentTerms(article.title);
  const bodyTerms = contentTerms(article.body);
  const set = new Set(titleTerms);
  for (const t of bodyTerms) set.add(t);
  const entry: ArticleTerms = { title: article.title, body: article.body, titleTerms, bodyTerms, set, ids: null, distinct: null, idGeneration: -1 };
  termsCache.set(article, entry);
  return entry;
}

/** The interned ids of `entry`'s title terms then body terms (call `startInterning` first). */
function termIdsOf(entry: ArticleTerms): Int32Array {
  if (entry.ids && entry.idGeneration === generation) return entry.ids;
  const nt = entry.titleTerms.length;
  const ids = new Int32Array(nt + entry.bodyTerms.length);
  for (let i = 0; i < nt; i++) ids[i] = keyId(entry.titleTerms[i]!);
  for (let i = 0; i < entry.bodyTerms.length; i++) ids[nt + i] = keyId(entry.bodyTerms[i]!);
  entry.ids = ids;
  entry.distinct = null;
  entry.idGeneration = generation;
  return ids;
}

/**
 * The article's distinct terms in the order of `articleTerms` (title, then body, first occurrence) with
 * their `internKey` ids: what a store counts, without a lookup per term. Not to be changed.
 */
export function articleTermIds(article: Pick<ArticleFeatures, "title" | "body">): { keys: readonly string[]; ids: Int32Array } {
  startInterning();
  const entry = termsOf(article);
  const ids = termIdsOf(entry);
  if (!entry.distinct) {
    const nt = entry.titleTerms.length;
    const t = tallyTerms((i) => (i < nt ? entry.titleTerms[i]! : entry.bodyTerms[i - nt]!), ids, [[0, ids.length, 1]]);
    entry.distinct = { keys: t.keys, ids: Int32Array.from(t.ids) };
  }
  return entry.distinct;
}

/** The key's interned id if it has one (-1: never interned), without interning it. */
export function knownKeyId(key: string): number {
  return keyIds.get(key) ?? -1;
}

/** The same terms as `articleTermSet`, without the copy: the article's own set, not to be changed. */
export function articleTerms(article: Pick<ArticleFeatures, "title" | "body">): ReadonlySet<string> {
  return termsOf(article).set;
}

/** Distinct terms of an article (title and body), for document frequencies. A fresh set the caller may change. */
export function articleTermSet(article: Pick<ArticleFeatures, "title" | "body">): Set<string> {
  return new Set(termsOf(article).set);
}

/** Keeps the `k` heaviest keys (ties broken by key, so the result never depends on insertion order). */
export function topK(v: SparseVector, k: number): SparseVector {
  const keys = Object.keys(v);
  if (keys.length <= k) return v;
  const ws = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) ws[i] = v[keys[i]!]!;
  return topKOf(keys, ws, k);
}

// The weights `heaviestIndices` sorts to find its cut, reused from call to call.
let cutScratch = new Float64Array(1024);

/**
 * Indices of the `k` heaviest of these keys and weights, heaviest first, ties broken by key. Only keys at or
 * above the k-th largest weight can be kept: a native numeric sort finds that weight, and the comparator
 * sort (weight, then key) runs on those few instead of every key. The same indices, in the same order, as
 * sorting every key.
 */
export function heaviestIndices(keys: readonly string[], ws: ArrayLike<number>, k: number): number[] {
  let cut = -Infinity;
  if (keys.length > k) {
    if (cutScratch.length < keys.length) cutScratch = new Float64Array(Math.max(keys.length, 2 * cutScratch.length));
    const sorted = cutScratch.subarray(0, keys.length);
    for (let i = 0; i < keys.length; i++) sorted[i] = ws[i]!;
    cut = sorted.sort()[keys.length - k]!;
  }
  const at: number[] = [];
  for (let i = 0; i < keys.length; i++) if (ws[i]! >= cut) at.push(i);
  at.sort((a, b) => ws[b]! - ws[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  if (at.length > k) at.length = k;
  return at;
}

/**
 * `topK` of the record with these keys and weights, in this order (`Object.keys` order): the record itself
 * when it has at most `k` keys, else the `k` heaviest, heaviest first. With `ids` (each key's `internKey`),
 * the result keeps its keys, ids and weights (`partsOf`), so summing or weighing it next needs no lookups.
 */
export function topKOf(keys: string[], ws: number[], k: number, ids?: ArrayLike<number>): SparseVector {
  const out: SparseVector = {};
  let kept: number[] | null = null;
  if (keys.length <= k) {
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = ws[i]!;
  } else {
    kept = heaviestIndices(keys, ws, k);
    for (const i of kept) out[keys[i]!] = ws[i]!;
  }
  // A "__proto__" key is not an own property of a record (assigning it is ignored): such a record is read
  // from its own keys when next used.
  if (ids && !keys.includes("__proto__")) {
    const n = kept ? kept.length : keys.length;
    const p = { keys: new Array<string>(n), ids: new Int32Array(n), weights: new Float64Array(n), generation };
    for (let j = 0; j < n; j++) {
      const i = kept ? kept[j]! : j;
      p.keys[j] = keys[i]!;
      p.ids[j] = ids[i]!;
      p.weights[j] = ws[i]!;
    }
    recordParts.set(out, p);
  }
  return out;
}

/**
 * `topKOf(keys, ws, k, ids)` held as `Parts` (no record built): the same keys, ids and weights in the same
 * order as the parts `topKOf` keeps with its record. A "__proto__" key gives the record itself.
 */
export function topKParts(keys: string[], ws: number[], k: number, ids: ArrayLike<number>): SparseVector | Parts {
  if (keys.includes("__proto__")) return topKOf(keys, ws, k);
  const kept = keys.length <= k ? null : heaviestIndices(keys, ws, k);
  const n = kept ? kept.length : keys.length;
  const p = new Parts(new Array<string>(n), new Int32Array(n), new Float64Array(n), generation);
  const pk = p.keys as string[];
  for (let j = 0; j < n; j++) {
    const i = kept ? kept[j]! : j;
    pk[j] = keys[i]!;
    p.ids[j] = ids[i]!;
    p.weights[j] = ws[i]!;
  }
  return p;
}

export function norm(v: SparseVector): number {
  let sq = 0;
  for (const key in v) sq += v[key]! * v[key]!;
  return Math.sqrt(sq);
}

export function normalise(v: SparseVector): SparseVector {
  const n = norm(v);
  const out: SparseVector = {};
  if (n === 0) return out;
  for (const key in v) out[key] = v[key]! / n;
  return out;
}

// Scoring compares one article with every candidate story, so each vector is indexed once (its keys as
// interned integer ids, its weights and norm in typed arrays) and reused; signatures and weighted story
// vectors held by a store or a cache are the same objects call after call. A dot product then scatters the
// larger vector into a dense scratch array and walks the smaller one in its own key order, exactly the
// order (and so exactly the sum) of a lookup per key, without hashing a string per term.
interface Indexed {
  /** The keys of `ids`, in their order. */
  keys: readonly string[];
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
  generation: number;
}

const indexed = new WeakMap<SparseVector, Indexed>();
const keyIds = new Map<string, number>();
// A long-running process meets new words for ever: past this many, the ids start over and every vector
// indexed before is indexed again when next used.
const MAX_KEY_IDS = 2_000_000;
let generation = 0;

/**
 * The key's interned id, shared by every vector of the process; call `startInterning` first (it may start
 * the ids over) unless only ids of one short computation are compared.
 */
export function internKey(key: string): number {
  return keyId(key);
}

/** `a` when it has a slot for `index`, else a copy doubled in size until it does (for arrays indexed by interned id). */
export function holding(a: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  if (index < a.length) return a;
  let size = Math.max(1, a.length);
  while (size <= index) size *= 2;
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

/** Changes whenever the interned ids start over: ids kept from an earlier generation mean nothing now. */
export function internGeneration(): number {
  return generation;
}

function keyId(key: string): number {
  let id = keyIds.get(key);
  if (id === undefined) keyIds.set(key, (id = keyIds.size));
  return id;
}

// Keys (in `Object.keys` order), interned ids and weights of records summed or weighed before: an article's
// term frequencies (weighed for its vector, then summed into its story's signature) and the signatures
// `topKOf` builds (summed again when the next article joins, weighed whenever the story is a candidate).
// Records are never changed once built (the premise of `indexed` too), so the parts stay true; they belong
// to the interning generation they were made in.
interface RecordParts {
  keys: readonly string[];
  ids: Int32Array;
  weights: Float64Array;
  generation: number;
}
const recordParts = new WeakMap<SparseVector, RecordParts>();

/**
 * `v`'s keys in `Object.keys` order with their `internKey` ids and weights, not to be changed; kept for the
 * next call. Only for comparing ids within one computation, as `internKey`.
 */
export function partsOf(v: SparseVector): RecordParts {
  const hit = recordParts.get(v);
  if (hit && hit.generation === generation) return hit;
  const keys = Object.keys(v);
  const ids = new Int32Array(keys.length);
  const weights = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    ids[i] = keyId(keys[i]!);
    weights[i] = v[keys[i]!]!;
  }
  const p = { keys, ids, weights, generation };
  recordParts.set(v, p);
  return p;
}

/** Keys, ids and weights of a part held without its record (`topKParts`), built as a record when first read. */
export class Parts implements RecordParts {
  constructor(
    readonly keys: readonly string[],
    readonly ids: Int32Array,
    readonly weights: Float64Array,
    readonly generation: number,
  ) {}
}

/**
 * `p` with ids of the current interning generation: what `partsOf` gives for its record once the ids
 * started over (the record's own key order: array-index keys first, ascending).
 */
function current(p: RecordParts): RecordParts {
  if (p.generation === generation) return p;
  return partsOf(recordOfParts(p));
}

/** The record of held parts: their keys assigned in order, the parts kept for `partsOf`. */
function recordOfParts(p: RecordParts): SparseVector {
  const out: SparseVector = {};
  for (let i = 0; i < p.keys.length; i++) out[p.keys[i]!] = p.weights[i]!;
  recordParts.set(out, p);
  return out;
}

/**
 * Vector parts (terms, titleTerms, entities, dates) held as records or as `Parts`, whose records are built
 * when first read. A subclass defines its own enumerable accessors (calling `heldRecord`), so any reader
 * (spread, JSON, deep equality) sees plain records; summing and weighing read the parts (`partsIn`).
 */
export abstract class HeldParts {
  readonly #slots: (SparseVector | Parts)[];

  protected constructor(slots: (SparseVector | Parts)[]) {
    this.#slots = slots;
  }

  protected heldRecord(no: number): SparseVector {
    const s = this.#slots[no]!;
    if (!(s instanceof Parts)) return s;
    const out = recordOfParts(s);
    this.#slots[no] = out;
    return out;
  }

  /** The part's keys, ids and weights, without building its record. */
  heldParts(no: number): RecordParts {
    const s = this.#slots[no]!;
    return s instanceof Parts ? current(s) : partsOf(s);
  }
}

/** `partsOf(parts[name] ?? {})`, without building a held part's record. */
export function partsIn(parts: VectorParts, name: PartName): RecordParts {
  if (parts instanceof HeldParts) return parts.heldParts(PART_NO[name]);
  return partsOf(parts[name] ?? {});
}

function startInterning(): void {
  if (keyIds.size > MAX_KEY_IDS) {
    keyIds.clear();
    generation++;
    shareById = new Float64Array(0);
  }
}

/** Background share of each interned term (background.ts); NaN: not looked up yet. */
let shareById = new Float64Array(0);

function growShares(): void {
  let size = Math.max(1 << 16, shareById.length);
  while (size < keyIds.size + 4096) size *= 2;
  const grown = new Float64Array(size).fill(NaN);
  grown.set(shareById);
  shareById = grown;
}

/** Records `v`'s index from its keys and weights in `Object.keys(v)` order (what `asIndexed` would build). */
function remember(v: SparseVector, keys: readonly string[], ids: Int32Array, weights: Float64Array): Indexed {
  const m = remembered(keys, ids, weights);
  indexed.set(v, m);
  return m;
}

/** The index `remember` records, for a record not built yet. */
function remembered(keys: readonly string[], ids: Int32Array, weights: Float64Array): Indexed {
  let sq = 0;
  for (let i = 0; i < weights.length; i++) sq += weights[i]! * weights[i]!;
  return { keys, ids, weights, norm: Math.sqrt(sq), generation };
}

function asIndexed(v: SparseVector): Indexed {
  const hit = indexed.get(v);
  if (hit && hit.generation === generation) return hit;
  startInterning();
  const keys = Object.keys(v);
  const ids = new Int32Array(keys.length);
  const weights = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    ids[i] = keyId(key);
    weights[i] = v[key]!;
  }
  return remember(v, keys, ids, weights);
}

export function isEmptyVector(v: SparseVector): boolean {
  return asIndexed(v).ids.length === 0;
}

// Dense scatters of recently used vectors, keyed by their index. Placement compares one article with every
// candidate: its parts stay scattered across candidates instead of being scattered and cleared per dot
// product (the least recently used slot is cleared when a new vector needs one).
interface Slot {
  ix: Indexed | null;
  dense: Float64Array;
  used: number;
}
const SLOTS = 8;
const slots: Slot[] = Array.from({ length: SLOTS }, () => ({ ix: null, dense: new Float64Array(1 << 16), used: 0 }));
let slotClock = 0;

// Ids interned since a vector was scattered are beyond its array: grown (with what it holds) before a read.
function grow(s: Slot): void {
  let size = s.dense.length;
  while (size < keyIds.size) size *= 2;
  const dense = new Float64Array(size);
  dense.set(s.dense);
  s.dense = dense;
}

function scattered(ix: Indexed): Float64Array {
  let victim = slots[0]!;
  for (const s of slots) {
    if (s.ix === ix) {
      s.used = ++slotClock;
      if (s.dense.length < keyIds.size) grow(s);
      return s.dense;
    }
    if (s.used < victim.used) victim = s;
  }
  const old = victim.ix;
  if (old) {
    if (old.generation === generation) for (let i = 0; i < old.ids.length; i++) victim.dense[old.ids[i]!] = 0;
    else victim.dense.fill(0); // its ids are from before the restart: clear everything
  }
  if (keyIds.size > victim.dense.length) grow(victim);
  const dense = victim.dense;
  for (let i = 0; i < ix.ids.length; i++) dense[ix.ids[i]!] = ix.weights[i]!;
  victim.ix = ix;
  victim.used = ++slotClock;
  return dense;
}

function dotIndexed(a: Indexed, b: Indexed): number {
  let small = a;
  let large = b;
  if (small.ids.length > large.ids.length) [small, large] = [large, small];
  // The larger vector scattered into a dense array, the smaller walked in its own key order: exactly the
  // order (and so exactly the sum) of a lookup per key. A key missing from the larger vector reads 0 and
  // adds exactly nothing.
  const dense = scattered(large);
  let s = 0;
  for (let i = 0; i < small.ids.length; i++) s += small.weights[i]! * dense[small.ids[i]!]!;
  return s;
}

/** Both indexed under the same ids (indexing the second may have started the ids over). */
function indexedPair(a: SparseVector, b: SparseVector): [Indexed, Indexed] {
  let ia = asIndexed(a);
  const ib = asIndexed(b);
  if (ia.generation !== generation) ia = asIndexed(a);
  return [ia, ib];
}

export function dot(a: SparseVector, b: SparseVector): number {
  const [ia, ib] = indexedPair(a, b);
  return dotIndexed(ia, ib);
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [ia, ib] = indexedPair(a, b);
  return ia.norm === 0 || ib.norm === 0 ? 0 : dotIndexed(ia, ib) / (ia.norm * ib.norm);
}

// Counts of an article's terms by interned id (scratch, reused from article to article): `tallySeen[id]` is
// `tallyStamp` once the id was met in the current count, `tallyAt[id]` its position in the count's arrays.
let tallySeen = new Int32Array(1 << 16);
let tallyAt = new Int32Array(1 << 16);
let tallyStamp = 0;

/** Distinct terms of these spans (from, to, weight per occurrence) in first-occurrence order, with their summed weights. */
function tallyTerms(
  terms: (i: number) => string,
  ids: Int32Array,
  spans: readonly (readonly [number, number, number])[],
): { keys: string[]; ids: number[]; counts: number[] } {
  if (tallySeen.length < keyIds.size) {
    let size = tallySeen.length;
    while (size < keyIds.size) size *= 2;
    tallySeen = new Int32Array(size);
    tallyAt = new Int32Array(size);
    tallyStamp = 0;
  }
  if (++tallyStamp === 0x7fffffff) {
    tallySeen.fill(0);
    tallyStamp = 1;
  }
  const keys: string[] = [];
  const outIds: number[] = [];
  const counts: number[] = [];
  for (const [from, to, w] of spans) {
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      if (tallySeen[id] !== tallyStamp) {
        tallySeen[id] = tallyStamp;
        tallyAt[id] = keys.length;
        keys.push(terms(i));
        outIds.push(id);
        counts.push(0 + w);
      } else {
        const at = tallyAt[id]!;
        counts[at] = counts[at]! + w;
      }
    }
  }
  return { keys, ids: outIds, counts };
}

/** Whether a record enumerates this key before its other keys: a canonical array index ("0", "2013"). */
function isIndexKey(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 10 || (n > 1 && key.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return n < 10 || Number(key) < 4294967295;
}

/**
 * The part of these keys and weights assigned to a record in this order, L2-normalised, held without its
 * record. A record enumerates array-index keys first (ascending), then the others in insertion order, so
 * the parts follow that order, as `Object.keys` of the record would.
 */
function normalisedParts(keys: readonly string[], ids: ArrayLike<number>, ws: ArrayLike<number>, order: readonly number[]): Parts {
  let first: number[] | null = null;
  for (const i of order) if (isIndexKey(keys[i]!)) (first ??= []).push(i);
  let seq = order;
  if (first) {
    first.sort((a, b) => Number(keys[a]) - Number(keys[b]));
    const rest = order.filter((i) => !isIndexKey(keys[i]!));
    seq = first.concat(rest);
  }
  let n = seq.length;
  let sq = 0;
  for (let j = 0; j < n; j++) sq += ws[seq[j]!]! * ws[seq[j]!]!;
  const len = Math.sqrt(sq);
  if (len === 0) n = 0;
  const p = new Parts(new Array<string>(n), new Int32Array(n), new Float64Array(n), generation);
  const pk = p.keys as string[];
  for (let j = 0; j < n; j++) {
    const i = seq[j]!;
    pk[j] = keys[i]!;
    p.ids[j] = ids[i]!;
    p.weights[j] = ws[i]! / len;
  }
  return p;
}

// Log term frequencies of the `k` terms with the highest TF-IDF now: the pruning uses the IDF of the moment,
// the kept weights do not, so they can be re-weighted later. Built from arrays over interned ids; the same
// record (keys, order, weights) as assigning the counts' log to a record, pruning it with `topK` and
// normalising it.
function logTf(
  tally: { keys: string[]; ids: number[]; counts: number[] },
  k: number,
  df: (key: string) => number,
  stats: CorpusStats,
): Parts {
  const { keys, ids, counts } = tally;
  const n = keys.length;
  const ws = new Float64Array(n);
  for (let i = 0; i < n; i++) ws[i] = 1 + Math.log(counts[i]!);
  let order: number[];
  if (n <= k) {
    order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
  } else {
    // heaviestIndices breaks ties by key: the kept keys and their order do not depend on the input order.
    const rank = new Float64Array(n);
    for (let i = 0; i < n; i++) rank[i] = ws[i]! * idf(df(keys[i]!), stats.articleCount);
    order = heaviestIndices(keys, rank, k);
  }
  return normalisedParts(keys, ids, ws, order);
}

function logCounts(counts: SparseVector): SparseVector {
  const out: SparseVector = {};
  for (const key in counts) out[key] = 1 + Math.log(counts[key]!);
  return out;
}

/** Applies the current IDF to term-frequency parts (an article's `tf` or a story signature) and L2-normalises each. */
export function weigh(parts: VectorParts, stats: CorpusStats, params: VectorParams = DEFAULT_VECTOR_PARAMS): VectorParts {
  return weighParts(parts, stats, params, false);
}

/**
 * `weigh`, whose parts are built as records only when first read (`WeighedParts`): scoring a candidate
 * reads their interned ids and weights (`partsCosine`, `isEmptyPart`, `sharedKeys` for the explanation), so
 * placement builds no record. The same keys, weights, order and index as `weigh`'s.
 */
export function weighLazily(parts: VectorParts, stats: CorpusStats, params: VectorParams = DEFAULT_VECTOR_PARAMS): VectorParts {
  return weighParts(parts, stats, params, true);
}

function weighParts(parts: VectorParts, stats: CorpusStats, params: VectorParams, lazy: boolean): VectorParts {
  // One pass per part: the IDF-weighted values and their norm, then the normalised record, indexed at once
  // for the dot products (the same values, keys and order as weighing, normalising and indexing apart).
  // Statistics blended with the background: each term's share is kept per interned id, one lookup in the
  // 52k-word table per term for the process instead of one per term weighed (the same sum as termDf's).
  const blend = blendOf(stats);
  const apply = (name: PartName, df: ((key: string) => number) | null, numbers = false): SparseVector | LazyPart => {
    startInterning();
    const blended = blend !== undefined && df === stats.termDf;
    const byId = blended ? blend.stats.termDfById?.bind(blend.stats) : undefined;
    const { keys, ids, weights } = partsIn(parts, name);
    const n = keys.length;
    const ws = new Float64Array(n);
    const boost = numbers && params.numberBoost !== 1;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      let w = weights[i]!;
      const id = ids[i]!;
      if (df) {
        let d: number;
        if (blended) {
          if (id >= shareById.length) growShares();
          let share = shareById[id]!;
          if (Number.isNaN(share)) shareById[id] = share = backgroundShare(key);
          d = (byId ? byId(id, key) : blend.stats.termDf(key)) + blend.docs * share;
        } else d = df(key);
        const f = idf(d, stats.articleCount, params.idfFloor);
        w = w * f ** params.idfPower;
        if (boost && /\d/.test(key)) w = w * params.numberBoost;
      }
      ws[i] = w;
      sq += w * w;
    }
    const out: SparseVector = {};
    const len = Math.sqrt(sq);
    if (len === 0) return out;
    // A "__proto__" key is not an own property of a record (assigning it is ignored): index as the record is.
    if (lazy && !keys.includes("__proto__")) {
      for (let i = 0; i < n; i++) ws[i] = ws[i]! / len;
      return new LazyMark(keys, remembered(keys, ids, ws));
    }
    for (let i = 0; i < n; i++) out[keys[i]!] = ws[i] = ws[i]! / len;
    if (!keys.includes("__proto__")) remember(out, keys, ids, ws);
    return out;
  };
  const terms = apply("terms", stats.termDf, true);
  const titleTerms = apply("titleTerms", stats.termDf, true);
  const entities = apply("entities", stats.entityDf);
  const dates = apply("dates", null);
  if (lazy) return new WeighedParts([terms, titleTerms, entities, dates]);
  return { terms: terms as SparseVector, titleTerms: titleTerms as SparseVector, entities: entities as SparseVector, dates: dates as SparseVector };
}

/** A weighed part not yet built as a record: its keys (`Object.keys` order) and its index. */
interface LazyPart {
  keys: readonly string[];
  ix: Indexed;
}

function isLazy(p: SparseVector | LazyPart): p is LazyPart {
  return p instanceof LazyMark;
}

// LazyPart objects are made by this class, so `isLazy` can tell them from records (which may have any key).
class LazyMark implements LazyPart {
  constructor(
    readonly keys: readonly string[],
    readonly ix: Indexed,
  ) {}
}

export type PartName = "terms" | "titleTerms" | "entities" | "dates";
const PART_NO: Record<PartName, number> = { terms: 0, titleTerms: 1, entities: 2, dates: 3 };

/**
 * Weighed parts whose records are built when first read (`weighLazily`). The four parts are own enumerable
 * accessors, so any reader (spread, JSON, deep equality) sees a plain `VectorParts`.
 */
class WeighedParts implements VectorParts {
  readonly #parts: (SparseVector | LazyPart)[];
  declare readonly terms: SparseVector;
  declare readonly titleTerms: SparseVector;
  declare readonly entities: SparseVector;
  declare readonly dates: SparseVector;

  constructor(parts: (SparseVector | LazyPart)[]) {
    this.#parts = parts;
    Object.defineProperties(this, PART_ACCESSORS);
  }

  /** The four parts as they are now (shared, for a subclass built from these parts). */
  parts(): (SparseVector | LazyPart)[] {
    return this.#parts;
  }

  /** The part as it is now: a record, or its keys and index when no record was built yet. */
  part(no: number): SparseVector | LazyPart {
    return this.#parts[no]!;
  }

  record(no: number): SparseVector {
    const p = this.#parts[no]!;
    if (!isLazy(p)) return p;
    const out: SparseVector = {};
    const { keys, ix } = p;
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = ix.weights[i]!;
    // The same index as `weigh` remembers for its record (indexed again if the ids started over since).
    indexed.set(out, ix);
    this.#parts[no] = out;
    return out;
  }
}

const PART_ACCESSORS: PropertyDescriptorMap = Object.fromEntries(
  (Object.keys(PART_NO) as PartName[]).map((name) => [
    name,
    {
      enumerable: true,
      get(this: WeighedParts) {
        return this.record(PART_NO[name]);
      },
    },
  ]),
);

/** The part's index, as `asIndexed` would give for its record. */
function partIndexed(parts: VectorParts, name: PartName): Indexed {
  if (parts instanceof WeighedParts) {
    const p = parts.part(PART_NO[name]);
    if (isLazy(p) && p.ix.generation === generation) return p.ix;
    return asIndexed(parts.record(PART_NO[name]));
  }
  return asIndexed(parts[name] ?? {});
}

/** `isEmptyVector(parts[name] ?? {})`, without building a lazily weighed part's record. */
export function isEmptyPart(parts: VectorParts, name: PartName): boolean {
  return partIndexed(parts, name).ids.length === 0;
}

/** `cosine(a[name] ?? {}, b[name] ?? {})`, without building lazily weighed parts' records. */
export function partsCosine(a: VectorParts, b: VectorParts, name: PartName): number {
  let ia = partIndexed(a, name);
  const ib = partIndexed(b, name);
  if (ia.generation !== generation) ia = partIndexed(a, name);
  return ia.norm === 0 || ib.norm === 0 ? 0 : dotIndexed(ia, ib) / (ia.norm * ib.norm);
}

/** The part's keys and weights (in the order of its index), without building a lazily weighed part's record. */
export function partEntries(parts: VectorParts, name: PartName): { keys: readonly string[]; weights: Float64Array } {
  return partIndexed(parts, name);
}

/**
 * `norm(record)` of the record with these keys and weights assigned in this order: summed in the record's
 * own key order (array-index keys first, ascending), as `norm` walks it.
 */
function recordNorm(keys: readonly string[], ws: Float64Array): number {
  let first: number[] | null = null;
  for (let i = 0; i < keys.length; i++) if (isIndexKey(keys[i]!)) (first ??= []).push(i);
  let sq = 0;
  if (!first) {
    for (let i = 0; i < keys.length; i++) sq += ws[i]! * ws[i]!;
    return Math.sqrt(sq);
  }
  first.sort((x, y) => Number(keys[x]) - Number(keys[y]));
  for (const i of first) sq += ws[i]! * ws[i]!;
  for (let i = 0; i < keys.length; i++) if (!isIndexKey(keys[i]!)) sq += ws[i]! * ws[i]!;
  return Math.sqrt(sq);
}

/**
 * The keys of `a`'s part that `b`'s part has, each with `a · b` over it divided by the norm of `b`'s part,
 * heaviest first (ties by key), at most `limit`: what an explanation lists. Read through the parts'
 * indexes, the same weights as from their records.
 */
export function sharedKeys(a: VectorParts, b: VectorParts, name: PartName, limit: number): { key: string; weight: number }[] {
  const ib = partIndexed(b, name);
  const nb = recordNorm(ib.keys, ib.weights);
  if (nb === 0) return [];
  let ia = partIndexed(a, name);
  if (ia.generation !== generation) ia = partIndexed(a, name);
  const dense = scattered(ib);
  const out: { key: string; weight: number }[] = [];
  for (let i = 0; i < ia.ids.length; i++) {
    const wb = dense[ia.ids[i]!]!;
    if (wb > 0) out.push({ key: ia.keys[i]!, weight: (ia.weights[i]! * wb) / nb });
  }
  out.sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : 1));
  return out.slice(0, limit);
}

/** Every key of the parts, for `StoryStore.statsFor`. */
export function statsKeys(parts: VectorParts): { terms: string[]; entityKeys: string[] } {
  const terms = new Set([...Object.keys(parts.terms), ...Object.keys(parts.titleTerms)]);
  return { terms: [...terms], entityKeys: Object.keys(parts.entities) };
}

/** The article's term frequencies (no IDF): what `articleVector` weighs and a story signature sums. */
export function articleTf(
  article: ArticleFeatures,
  stats: CorpusStats,
  params: VectorParams = DEFAULT_VECTOR_PARAMS,
): VectorParts {
  const entry = termsOf(article);
  startInterning();
  const ids = termIdsOf(entry);
  const nt = entry.titleTerms.length;
  const term = (i: number) => (i < nt ? entry.titleTerms[i]! : entry.bodyTerms[i - nt]!);
  const counts = tallyTerms(term, ids, [
    [0, nt, params.titleBoost],
    [nt, ids.length, 1],
  ]);
  const titleCounts = tallyTerms(term, ids, [[0, nt, 1]]);

  // The same key may come twice from an entity stage that splits mentions; keep its highest weight.
  const entities: SparseVector = {};
  for (const e of article.entities) {
    if (!e.key || !(e.salience > 0)) continue;
    const w = Math.min(1, e.salience) * (params.entityTypeWeights[e.type] ?? 1);
    if (w > weightOf(entities, e.key)) entities[e.key] = w;
  }
  return new HeldTf([
    logTf(counts, params.maxArticleTerms, stats.termDf, stats),
    logTf(titleCounts, params.maxArticleTerms, stats.termDf, stats),
    normalise(topK(entities, params.maxArticleEntities)),
    normalise(logCounts(dateKeys(`${article.title}\n${article.body}`))),
  ]);
}

// An article's term frequencies: weighing and `updateSignature` read their parts (`partsIn`), so the two
// word parts (up to 400 keys each) are built as records only if something reads them.
const TF_PARTS: PropertyDescriptorMap = Object.fromEntries(
  (Object.keys(PART_NO) as PartName[]).map((name) => [
    name,
    {
      enumerable: true,
      configurable: true,
      get(this: HeldTf) {
        return this.record(PART_NO[name]);
      },
    },
  ]),
);

class HeldTf extends HeldParts implements VectorParts {
  declare readonly terms: SparseVector;
  declare readonly titleTerms: SparseVector;
  declare readonly entities: SparseVector;
  declare readonly dates: SparseVector;

  constructor(parts: (SparseVector | Parts)[]) {
    super(parts);
    Object.defineProperties(this, TF_PARTS);
  }

  record(no: number): SparseVector {
    return this.heldRecord(no);
  }
}

export function articleVector(
  article: ArticleFeatures,
  stats: CorpusStats,
  params: VectorParams = DEFAULT_VECTOR_PARAMS,
): ArticleVector {
  const tf = articleTf(article, stats, params);
  const weighed = weighLazily(tf, stats, params) as WeighedParts;
  return new WeighedVector(weighed, tf, article.publishedAt ? article.publishedAt.getTime() : null);
}

/**
 * An article vector whose weighed parts are built as records only when read (placement scores, queries and
 * explains through the parts' indexes); own enumerable properties in the order of a plain `ArticleVector`.
 */
class WeighedVector extends WeighedParts implements ArticleVector {
  declare readonly tf: VectorParts;
  declare readonly publishedAt: number | null;

  constructor(weighed: WeighedParts, tf: VectorParts, publishedAt: number | null) {
    super(weighed.parts());
    const self = this as { tf: VectorParts; publishedAt: number | null };
    self.tf = tf;
    self.publishedAt = publishedAt;
  }
}

// Online story assignment: score the article against the stories the store retrieves through its
// inverted indexes, join the best one above the threshold, otherwise start a new story. Every number that
// went into the decision is returned, so the UI can say why two articles are (or are not) one story.

import {
  articleTerms,
  articleVector,
  heaviestIndices,
  isEmptyPart,
  partEntries,
  partsCosine,
  sharedKeys,
  DEFAULT_VECTOR_PARAMS,
  statsKeys,
  weighLazily,
  type PartName,
  type VectorParams,
} from "./vector";
import type {
  ArticleFeatures,
  ArticleVector,
  Assignment,
  CandidateQuery,
  CorpusStats,
  Placement,
  StorySignature,
  StatsQuery,
  StoryCandidate,
  StoryStore,
  VectorParts,
} from "./types";
import type { CachedStoryVector } from "./story-vector-cache";
import { withBackground } from "./background";

export interface ScoringParams {
  /**
   * Weights of the four content similarities (entities, terms, headline terms, dates written in the text);
   * they need not sum to 1 (the threshold is on the same scale).
   */
  weights: { entity: number; terms: number; title: number; dates: number };
  threshold: number;
  /** Days between an article and a story's date range that cost nothing (coverage runs for days). */
  timeGraceDays: number;
  /** Beyond the grace, the content score is multiplied by floor + (1 - floor) * exp(-extraDays / timeScaleDays). */
  timeScaleDays: number;
  /**
   * What the time factor falls to for articles far apart (0..1): time is evidence, not a veto, so a follow-up
   * weeks later that says the same thing can still join (1: time is ignored).
   */
  timeFloor: number;
  /** Stories scored per article. */
  candidateLimit: number;
  /** Heaviest entity keys and terms of the article used to retrieve candidates. */
  queryEntities: number;
  queryTerms: number;
  vector: VectorParams;
}

// Weights and threshold chosen on the ECB+ train split by B-cubed F1 averaged over file order and four
// seeded shuffles (bench/stories-grid.ts; README.md, "How the parameters were fitted"), among settings that
// keep the seed tests green. Terms carry most of the weight; ECB+ pairs look-alike events that share their
// names by construction, so it cannot reward entity similarity, and 0.1 is kept for what words miss
// (spellings and transliterations folded into one entity key). Dates written in the text (dates.ts) count
// only when both sides write some; their weight otherwise goes to the other parts.
// Time (session 7, fitted on train with the publication dates an upload extracts: 245 of ECB+'s 759 articles
// print one): ECB+ stories run for weeks and years (a shooting and its trial two years later), and with the
// 7-day decay to zero train fell to 0.835 (file order; 0.871 without any decay). A floor keeps time as
// evidence, never a veto: far apart, an article loses 20%. Floor 0.7-0.9 with threshold 0.27-0.29 are within
// noise of each other on train (mean of five orders 0.850-0.861); this pair keeps the widest margin for the
// seed tests' Kim-visit article (five days before the seed story, 0.280 through the upload path).
// lib/stories/README.md has the grid.
export const DEFAULT_SCORING_PARAMS: ScoringParams = {
  weights: { entity: 0.1, terms: 0.55, title: 0.2, dates: 0.15 },
  threshold: 0.29,
  timeGraceDays: 3,
  timeScaleDays: 7,
  timeFloor: 0.8,
  candidateLimit: 20,
  queryEntities: 10,
  queryTerms: 20,
  vector: DEFAULT_VECTOR_PARAMS,
};

const DAY_MS = 86_400_000;

export interface CandidateScore {
  entity: number;
  terms: number;
  title: number;
  dates: number;
  /** Whether both sides write dates; otherwise `dates` is 0 and its weight went to the other parts. */
  datesMeasured: boolean;
  time: number;
  total: number;
}

/** 1 when either side is undated or the article falls within the grace around the story's dates. */
export function timeFactor(publishedAt: number | null, sig: StorySignature, params: ScoringParams): number {
  if (publishedAt === null || sig.firstPublished === null || sig.lastPublished === null) return 1;
  const gapMs =
    publishedAt < sig.firstPublished
      ? sig.firstPublished - publishedAt
      : publishedAt > sig.lastPublished
        ? publishedAt - sig.lastPublished
        : 0;
  const extraDays = gapMs / DAY_MS - params.timeGraceDays;
  return extraDays <= 0 ? 1 : params.timeFloor + (1 - params.timeFloor) * Math.exp(-extraDays / params.timeScaleDays);
}

/** The story's signature weighted with the current IDF (what the article is compared with). */
export function storyVector(sig: StorySignature, stats: CorpusStats, params: ScoringParams): VectorParts {
  return weighLazily(sig, stats, params.vector);
}

/** `story` is the signature after `storyVector`. */
export function scoreCandidate(
  vector: ArticleVector,
  story: VectorParts,
  sig: StorySignature,
  params: ScoringParams,
): CandidateScore {
  // Both sides' parts are read through their indexes (partsCosine, isEmptyPart): a lazily weighed article
  // or story (articleVector, storyVector) builds no record for being scored.
  const parts: { w: number; name: PartName }[] = [
    { w: params.weights.entity, name: "entities" },
    { w: params.weights.terms, name: "terms" },
    { w: params.weights.title, name: "titleTerms" },
    { w: params.weights.dates, name: "dates" },
  ];
  const cos = parts.map((p) => partsCosine(vector, story, p.name));
  // A similarity that cannot be measured (no entities found, no headline) must not count against the
  // article: its weight goes to the others, so undated, headline-less or entity-poor texts rely on content.
  let used = 0;
  let sum = 0;
  const all = parts.reduce((s, p) => s + p.w, 0);
  parts.forEach((p, i) => {
    if (isEmptyPart(vector, p.name) || isEmptyPart(story, p.name)) return;
    used += p.w;
    sum += p.w * cos[i]!;
  });
  const content = used === 0 ? 0 : (sum / used) * all;
  const time = timeFactor(vector.publishedAt, sig, params);
  return {
    entity: cos[0]!,
    terms: cos[1]!,
    title: cos[2]!,
    dates: cos[3]!,
    datesMeasured: !isEmptyPart(vector, "dates") && !isEmptyPart(story, "dates"),
    time,
    total: content * time,
  };
}

/** The `n` heaviest keys of the part, heaviest first, ties by key (the same whatever order the part keeps). */
function heaviest(v: VectorParts, name: PartName, n: number): string[] {
  const { keys, weights } = partEntries(v, name);
  return heaviestIndices(keys, weights, n).map((i) => keys[i]!);
}

export function candidateQuery(vector: ArticleVector, params: ScoringParams): CandidateQuery {
  return {
    entityKeys: heaviest(vector, "entities", params.queryEntities),
    terms: heaviest(vector, "terms", params.queryTerms),
    limit: params.candidateLimit,
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The store's statistics for the article's own keys, blended with the background frequencies: what the
 * article's vector is weighed with, in placement and wherever a signature is rebuilt.
 */
export async function statsForArticle(
  article: ArticleFeatures,
  store: Pick<StoryStore, "statsFor">,
  params: ScoringParams = DEFAULT_SCORING_PARAMS,
  own: ReadonlySet<string> = articleTerms(article),
): Promise<CorpusStats> {
  const stats = await store.statsFor(lazyQuery(() => ({ terms: [...own], entityKeys: article.entities.map((e) => e.key) })));
  return withBackground(stats, params.vector.backgroundDocs);
}

/**
 * A query whose keys are listed when first read: a store holding every statistic in memory never reads
 * them, and listing them (a few hundred keys per placement) was a measurable part of a re-cluster.
 */
function lazyQuery(list: () => StatsQuery): StatsQuery {
  let keys: StatsQuery | null = null;
  const get = () => (keys ??= list());
  return {
    get terms() {
      return get().terms;
    },
    get entityKeys() {
      return get().entityKeys;
    },
  };
}

interface WeighedCandidate {
  storyId: string;
  signature: StorySignature;
  weighted: VectorParts;
}

/**
 * Each candidate's signature and IDF-weighted vector: from the store's vector cache when it holds this
 * version, otherwise read (signatures the store left out) and weighed with the statistics of this moment.
 */
async function weighCandidates(
  candidates: StoryCandidate[],
  store: StoryStore,
  stats: CorpusStats,
  own: ReadonlySet<string>,
  params: ScoringParams,
): Promise<WeighedCandidate[]> {
  const corpus = stats.articleCount;
  const cache = store.vectorCache;
  const cached = new Map<string, CachedStoryVector>();
  for (const c of candidates) {
    const hit = cache?.get(c.storyId, c.version, corpus);
    if (hit) cached.set(c.storyId, hit);
  }
  const toWeigh = candidates.filter((c) => !cached.has(c.storyId));
  const unread = toWeigh.filter((c) => !c.signature).map((c) => c.storyId);
  const read = unread.length ? await store.signatures(unread) : new Map<string, StorySignature>();
  const signatureOf = (c: StoryCandidate) => c.signature ?? read.get(c.storyId);
  const query = lazyQuery(() => {
    const terms = new Set<string>();
    const entityKeys = new Set<string>();
    for (const c of toWeigh) {
      const sig = signatureOf(c);
      if (!sig) continue;
      const keys = statsKeys(sig);
      for (const t of keys.terms) if (!own.has(t)) terms.add(t);
      for (const k of keys.entityKeys) entityKeys.add(k);
    }
    return { terms: [...terms], entityKeys: [...entityKeys] };
  });
  const now = toWeigh.length ? withBackground(await store.statsFor(query), params.vector.backgroundDocs) : stats;
  return candidates.flatMap((c) => {
    let entry = cached.get(c.storyId);
    if (!entry) {
      const signature = signatureOf(c);
      // A story merged away or emptied between the two reads is not a candidate any more.
      if (!signature) return [];
      entry = { signature, weighted: storyVector(signature, now, params) };
      cache?.set(c.storyId, c.version, corpus, entry);
    }
    return [{ storyId: c.storyId, ...entry }];
  });
}

/** Scores the article against the store's candidates and decides; the store is not changed. */
export async function placeArticle(
  article: ArticleFeatures,
  store: StoryStore,
  params: ScoringParams = DEFAULT_SCORING_PARAMS,
): Promise<Placement> {
  const own = articleTerms(article);
  const stats = await statsForArticle(article, store, params, own);
  const vector = articleVector(article, stats, params.vector);
  const candidates = await store.candidates(candidateQuery(vector, params));
  const scored = (await weighCandidates(candidates, store, stats, own, params))
    .map((c) => ({ c, sig: c.signature, story: c.weighted, s: scoreCandidate(vector, c.weighted, c.signature, params) }))
    .sort((x, y) => y.s.total - x.s.total || (x.c.storyId < y.c.storyId ? -1 : x.c.storyId > y.c.storyId ? 1 : 0));
  const best = scored[0];
  const second = scored[1];
  const join = best !== undefined && best.s.total >= params.threshold;
  const assignment: Assignment = {
    storyId: join ? best.c.storyId : null,
    score: round(best?.s.total ?? 0),
    threshold: params.threshold,
    sharedEntities: best ? sharedKeys(vector, best.story, "entities", 10) : [],
    sharedTerms: best ? sharedKeys(vector, best.story, "terms", 10).map(({ key, weight }) => ({ term: key, weight })) : [],
    sharedDates: best ? sharedKeys(vector, best.story, "dates", 6).map(({ key }) => key.slice(1)) : [],
    scores: best
      ? {
          entity: round(best.s.entity),
          terms: round(best.s.terms),
          title: round(best.s.title),
          dates: best.s.datesMeasured ? round(best.s.dates) : null,
          time: round(best.s.time),
          total: round(best.s.total),
        }
      : { entity: 0, terms: 0, title: 0, dates: null, time: 1, total: 0 },
    runnerUp: second ? { storyId: second.c.storyId, score: round(second.s.total) } : null,
    candidateCount: scored.length,
  };
  for (const e of assignment.sharedEntities) e.weight = round(e.weight);
  for (const t of assignment.sharedTerms) t.weight = round(t.weight);
  return { assignment, vector, storySignature: join ? best.sig : null };
}

export async function assignStory(
  article: ArticleFeatures,
  store: StoryStore,
  params: ScoringParams = DEFAULT_SCORING_PARAMS,
): Promise<Assignment> {
  return (await placeArticle(article, store, params)).assignment;
}

// Shared shapes of the story stage. Everything here is plain data (JSON-safe records, epoch milliseconds),
// so a PostgreSQL store can keep a signature in a jsonb column and hand it back unchanged.

import type { StoryVectorCache } from "./story-vector-cache";

export type EntityType = "PERSON" | "ORGANIZATION" | "PLACE" | "OTHER";

export interface ArticleEntity {
  /** Canonical key from the entity stage: the same person in two outlets has the same key. */
  key: string;
  type: EntityType;
  /** 0..1, how central the entity is to this article. */
  salience: number;
}

export interface ArticleFeatures {
  id: string;
  publishedAt: Date | null;
  title: string;
  body: string;
  entities: ArticleEntity[];
}

/** Sparse weights keyed by term or entity key. Read with `weightOf`, never `rec[key]` (keys like "constructor"). */
export type SparseVector = Record<string, number>;

/** The three parts every article and story is compared on. */
export interface VectorParts {
  /** Title and body words, title words counted extra. */
  terms: SparseVector;
  /** The headline alone. */
  titleTerms: SparseVector;
  /** Entity keys. */
  entities: SparseVector;
  /**
   * Dates written in the text, at three precisions (dates.ts); no IDF. Absent in signatures written before
   * dates were read, and read as empty.
   */
  dates?: SparseVector;
}

/**
 * An article as the scorer sees it. The three top-level vectors are TF-IDF with the statistics of the
 * moment (L2-normalised, empty when there was nothing to weigh); `tf` holds the same parts before IDF,
 * which is what a story signature sums, so a story can be re-weighted with the IDF of any later moment.
 */
export interface ArticleVector extends VectorParts {
  /** Log term frequencies (entities: salience times type weight), each part L2-normalised, no IDF. */
  tf: VectorParts;
  /** Epoch ms, null when undated. */
  publishedAt: number | null;
}

/**
 * What a story keeps for scoring: sums of its articles' `tf` parts (no IDF; the scorer applies the IDF
 * current when it scores), pruned to the heaviest keys after each update so a story stays bounded
 * however many articles join it. Version 1 signatures (sums of TF-IDF vectors) are read as if they were
 * version 2; re-clustering rewrites them.
 */
export interface StorySignature extends VectorParts {
  version: 1 | 2;
  articleCount: number;
  /** Epoch ms of the earliest and latest dated article; null while no article is dated. */
  firstPublished: number | null;
  lastPublished: number | null;
}

export interface StoryCandidate {
  storyId: string;
  /** Changes whenever the story's signature changes: the key of its cached weighted vector. */
  version: string;
  /** Omitted by a store that reads signatures only when needed (`signatures`): a cached vector may make it unnecessary. */
  signature?: StorySignature;
}

export interface CorpusStats {
  articleCount: number;
  entityDf(key: string): number;
  termDf(term: string): number;
  /**
   * `termDf(term)` for the term's `internKey` id of the current interning generation (vector.ts), for a
   * store that keeps its counts by id: weighing looks it up instead of `termDf` when present.
   */
  termDfById?(id: number, term: string): number;
}

export interface CandidateQuery {
  /** Most important first. */
  entityKeys: string[];
  /** Most important first. */
  terms: string[];
  limit: number;
}

/** Keys whose document frequencies a scorer is about to read. */
export interface StatsQuery {
  terms: string[];
  entityKeys: string[];
}

export interface StoryStore {
  /** Corpus size and the document frequencies the store holds at hand. */
  stats(): CorpusStats | Promise<CorpusStats>;
  /**
   * Corpus size and document frequencies answering at least for the keys asked, in one bulk read (a store
   * that holds all statistics in memory may ignore the query). `placeArticle` calls it for the article's
   * own keys, then for the keys of the candidates' signatures, whose IDF is applied at scoring time.
   */
  statsFor(query: StatsQuery): CorpusStats | Promise<CorpusStats>;
  /** Stories sharing at least one key with the query, through inverted indexes; never a scan of all stories. */
  candidates(query: CandidateQuery): StoryCandidate[] | Promise<StoryCandidate[]>;
  /**
   * Signatures of candidates returned without one, in one read; the statistics of their keys are then at
   * hand for `statsFor`.
   */
  signatures(storyIds: string[]): Map<string, StorySignature> | Promise<Map<string, StorySignature>>;
  /** Weighted story vectors kept between placements (story-vector-cache.ts); null: weigh every time. */
  readonly vectorCache: StoryVectorCache | null;
}

export interface Assignment {
  /** null: no story scored above the threshold, start a new one. */
  storyId: string | null;
  /** Total score of the best candidate (0 when there was none). */
  score: number;
  threshold: number;
  /** Entities the article shares with the chosen (or best) story, heaviest first. */
  sharedEntities: { key: string; weight: number }[];
  /** Terms the article shares with the chosen (or best) story, heaviest first. */
  sharedTerms: { term: string; weight: number }[];
  /** Dates both write ("2013", "2013-07", "2013-07-21"; dates.ts), heaviest first. */
  sharedDates: string[];
  /** Parts of the best candidate's score: cosines, the time factor and the total they make. */
  /** `dates` is null when the article or the story writes no date (dates.ts): its weight went to the others. */
  scores: { entity: number; terms: number; title: number; dates: number | null; time: number; total: number };
  runnerUp: { storyId: string; score: number } | null;
  /** How many candidates the store returned and were scored. */
  candidateCount: number;
}

export interface Placement {
  /** The chosen story's signature before this article joins it (null for a new story): what to update. */
  storySignature: StorySignature | null;
  assignment: Assignment;
  /** The article's vector, to fold into the story with `updateSignature` and to index. */
  vector: ArticleVector;
}

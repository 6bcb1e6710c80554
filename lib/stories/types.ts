// Shared shapes of the story stage. Everything here is plain data (JSON-safe records, epoch milliseconds),
// so a PostgreSQL store can keep a signature in a jsonb column and hand it back unchanged.

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

/** An article as the scorer sees it; every vector is L2-normalised (empty when there was nothing to weigh). */
export interface ArticleVector {
  /** TF-IDF of title and body words, title words counted extra; bounded to the top terms. */
  terms: SparseVector;
  /** TF-IDF of the headline alone. */
  titleTerms: SparseVector;
  /** Entity salience times entity rarity. */
  entities: SparseVector;
  /** Epoch ms, null when undated. */
  publishedAt: number | null;
}

/**
 * What a story keeps for scoring. The vectors are sums of its articles' normalised vectors (so their
 * direction is the centroid), pruned to the heaviest keys after each update so a story stays bounded
 * however many articles join it.
 */
export interface StorySignature {
  version: 1;
  articleCount: number;
  terms: SparseVector;
  titleTerms: SparseVector;
  entities: SparseVector;
  /** Epoch ms of the earliest and latest dated article; null while no article is dated. */
  firstPublished: number | null;
  lastPublished: number | null;
}

export interface StoryCandidate {
  storyId: string;
  signature: StorySignature;
}

export interface CorpusStats {
  articleCount: number;
  entityDf(key: string): number;
  termDf(term: string): number;
}

export interface CandidateQuery {
  /** Most important first. */
  entityKeys: string[];
  /** Most important first. */
  terms: string[];
  limit: number;
}

export interface StoryStore {
  stats(): CorpusStats | Promise<CorpusStats>;
  /** Stories sharing at least one key with the query, through inverted indexes; never a scan of all stories. */
  candidates(query: CandidateQuery): StoryCandidate[] | Promise<StoryCandidate[]>;
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
  /** Parts of the best candidate's score: cosines, the time factor and the total they make. */
  scores: { entity: number; terms: number; title: number; time: number; total: number };
  runnerUp: { storyId: string; score: number } | null;
  /** How many candidates the store returned and were scored. */
  candidateCount: number;
}

export interface Placement {
  assignment: Assignment;
  /** The article's vector, to fold into the story with `updateSignature` and to index. */
  vector: ArticleVector;
}

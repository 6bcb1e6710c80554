// Story clustering: groups articles about one real-world event or claim, online and explainably.
export type {
  ArticleEntity,
  ArticleFeatures,
  ArticleVector,
  Assignment,
  CandidateQuery,
  CorpusStats,
  EntityType,
  Placement,
  StatsQuery,
  SparseVector,
  StoryCandidate,
  VectorParts,
  StorySignature,
  StoryStore,
} from "./types";
export {
  articleVector,
  articleTf,
  articleTermSet,
  weigh,
  statsKeys,
  contentTerms,
  cosine,
  idf,
  weightOf,
  DEFAULT_VECTOR_PARAMS,
  type VectorParams,
} from "./vector";
export { updateSignature, emptySignature, indexedTerms, INDEXED_STORY_TERMS, DEFAULT_SIGNATURE_PARAMS, type SignatureParams } from "./signature";
export {
  assignStory,
  placeArticle,
  statsForArticle,
  scoreCandidate,
  storyVector,
  candidateQuery,
  timeFactor,
  DEFAULT_SCORING_PARAMS,
  type ScoringParams,
  type CandidateScore,
} from "./assign";
export { InMemoryStoryStore, DEFAULT_MEMORY_STORE_OPTIONS, type MemoryStoreOptions } from "./memory-store";
export { clusterAll, type ClusterOptions } from "./cluster";
export { storyTitle, type TitleSource } from "./title";
export { withBackground, backgroundShare } from "./background";
export { StoryVectorCache, DEFAULT_STORY_VECTOR_CACHE_OPTIONS, type CachedStoryVector, type StoryVectorCacheOptions } from "./story-vector-cache";

// The comparison's input and output shapes. Everything is plain JSON (no Dates, Maps or classes) so the
// result can be stored, sent to the page and diffed against the previous run of the same story.

export type EntityType = "PERSON" | "ORGANIZATION" | "PLACE" | "OTHER";

export interface CompareMention {
  field: "title" | "body";
  start: number;
  end: number;
  surface: string;
  descriptor: string | null;
}

export interface CompareEntity {
  key: string;
  name: string;
  type: EntityType;
  mentions: CompareMention[];
}

export interface CompareArticle {
  id: string;
  outlet: { id: string; name: string } | null;
  title: string;
  titleDerived: boolean;
  /** Clean body, paragraphs separated by "\n\n"; mention offsets index into it. */
  body: string;
  /** ISO 8601. */
  publishedAt: string | null;
  entities: CompareEntity[];
}

/** Text Parallax wrote (never an outlet's words); the page must show it as Parallax's. */
export interface GeneratedLabel {
  text: string;
  generated: true;
}

export type DiffOp = "same" | "changed" | "only";

/** One word of a sentence, compared with the row's reference sentence. Offsets index into the article body. */
export interface DiffToken {
  text: string;
  op: DiffOp;
  start: number;
  end: number;
  /** For "changed": the reference sentence's words in this place, as printed there. */
  ref?: string;
}

export interface ClaimSentence {
  articleId: string;
  /** As printed: body.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** 0-based position among the article's body sentences. */
  index: number;
  /** Similarity to the reference sentence (1 for the reference itself). */
  similarity: number;
  /** The words that differ from the row's reference sentence ("changed" or "only"); unlisted words are the same. */
  diff: DiffToken[];
  /** How this outlet attributes the sentence, as printed ("the National Resistance Center reported"). */
  attribution: string | null;
  /** Hedging words in the sentence, as printed ("allegedly", "may"). */
  hedges: string[];
}

export interface Claim {
  /** Stable across re-runs and new articles joining the story. */
  id: string;
  /** DOM anchor: "claim-<id>". */
  anchor: string;
  /** Article whose sentence the others are diffed against: the earliest published that carries the row. */
  referenceArticleId: string;
  /** Distinct outlets carrying the row (articles without an outlet count one each). */
  outletCount: number;
  sentences: ClaimSentence[];
  /** The reference sentence's attribution. */
  attribution: string | null;
}

export interface CentralClaim {
  claimId: string;
  articleId: string;
  text: string;
  attribution: string | null;
  outletCount: number;
}

export interface DescriptorUse {
  text: string;
  count: number;
}

export interface DescriptorCell {
  articleId: string;
  mentions: number;
  descriptors: DescriptorUse[];
  /** Distinct spellings of the name in this article, as printed. */
  surfaces: string[];
}

export interface DescriptorRow {
  entityKey: string;
  name: string;
  type: EntityType;
  /** One cell per article in story order; mentions 0 where the article does not name the entity. */
  cells: DescriptorCell[];
  /** Two or more articles describe the entity and their descriptor sets differ. */
  differs: boolean;
  /** Spellings that differ across articles beyond case (e.g. "Centre" / "Center"); empty when none. */
  spellingVariants: string[];
}

export interface Citation {
  kind: "attribution" | "quote";
  articleId: string;
  /** As printed: the attribution phrase ("the centre warned") or the quoted words. */
  text: string;
  start: number;
  end: number;
  /** Attribution verb as printed ("claimed", "told", "according to"); null for a quote without one. */
  verb: string | null;
  /** The verb itself signals distance ("claimed", "alleged") rather than neutral reporting ("said"). */
  hedged: boolean;
  /** Claim row (shared or only-in) holding the sentence, when there is one. */
  claimId: string | null;
}

export interface CitationRow {
  /** Entity key when the speaker resolved to an entity, else "phrase:<normalised speaker>". */
  key: string;
  /** The entity's name, or the speaker phrase as printed first; null for quotes whose speaker was not found. */
  name: string | null;
  entityKey: string | null;
  /** One cell per article in story order; empty citations where the article does not cite this source. */
  cells: { articleId: string; citations: Citation[] }[];
  citedBy: number;
}

export interface Hedge {
  articleId: string;
  text: string;
  start: number;
  end: number;
  claimId: string | null;
}

export interface Gap {
  kind: "entity" | "claim";
  /** Entity key or claim id. */
  key: string;
  presentIn: string[];
  absentFrom: string[];
  label: GeneratedLabel;
}

export interface StoryComparison {
  /** The engine that computed it (`COMPARISON_VERSION`): stories compared by an older one are compared again. */
  version: number;
  articles: { id: string; outlet: string | null; sentenceCount: number }[];
  centralClaim: CentralClaim | null;
  /** Rows carried by two or more articles: most outlets first, then by position in the reference article. */
  claims: Claim[];
  /** Sentences only one article carries, per article in story order. */
  onlyIn: { articleId: string; claims: Claim[] }[];
  descriptors: DescriptorRow[];
  citations: CitationRow[];
  hedges: Hedge[];
  gaps: Gap[];
}

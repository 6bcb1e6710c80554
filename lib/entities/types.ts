export type EntityType = "PERSON" | "ORGANIZATION" | "PLACE" | "OTHER";
export type TextField = "title" | "body";

export interface EntityMention {
  field: TextField;
  /** Character offsets into the title or the body string given. */
  start: number;
  end: number;
  /** Exact text at [start, end). */
  surface: string;
  /** The outlet's words attached to this mention ("Russian President"), or null. */
  descriptor: string | null;
  /** How the entity is named here: by name, by an adjective/demonym ("North Korean"), or by an acronym. */
  form: "name" | "demonym" | "acronym";
}

export interface ArticleEntity {
  key: string;
  name: string;
  type: EntityType;
  mentions: EntityMention[];
  surfaceForms: string[];
  descriptors: string[];
  salience: number;
  relatedKeys: string[];
}

export interface EntityResult {
  language: string | null;
  supported: boolean;
  reason: string | null;
  entities: ArticleEntity[];
}

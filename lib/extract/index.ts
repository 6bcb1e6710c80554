// Article extraction: an uploaded file (text dump, HTML page, Markdown or JSON) -> article text and
// metadata, with the removed boilerplate kept for display and for learning outlet page signatures.

export type { SourceFormat, ExtractInput, ExtractedArticle, ExtractOptions } from "./types";
export { extractFile, extractFromFields, DEFAULT_MAX_BYTES } from "./extract-file";
export { normalizeForHash } from "./normalize";

// Public shapes of the extraction stage (re-exported from index.ts).

/** "mhtml": a page saved as one file (Chrome's "Webpage, Single File"); its HTML part is read as "html". */
export type SourceFormat = "text" | "html" | "mhtml" | "markdown" | "json";

export interface ExtractInput {
  bytes: Uint8Array;
  filename?: string | null;
  mediaType?: string | null;
}

export interface ExtractedArticle {
  format: SourceFormat;
  /** Headline; when the file has none, a faithful title built from the lead. */
  title: string | null;
  /** True when the title was built by Parallax, not printed by the outlet. */
  titleDerived: boolean;
  /** Body paragraphs in order, and nothing else. */
  paragraphs: string[];
  /** paragraphs.join("\n\n") */
  body: string;
  lead: string | null;
  /** Photo caption/credit, kept apart from the body. */
  caption: string | null;
  /** "Rachel Amran" (no "by"). */
  byline: string | null;
  /** Instant; a local time without zone is read as UTC (publishedAtText keeps what was printed). */
  publishedAt: Date | null;
  publishedAtText: string | null;
  /** canonical / og:url / JSON field. */
  url: string | null;
  /** Outlet name as the file itself gives it; null when it does not. Never guessed. */
  siteName: string | null;
  /**
   * A syndicated copy's own site name (msn.com's "MSN" on its copy of a CNN story): the copier's, not the
   * outlet's, so siteName leaves it out; older code named the outlet by it and re-extraction recognises such an outlet by it.
   */
  copiedBy: string | null;
  /** ISO 639-1, from html lang or the stop-word profile; null if unknown. */
  language: string | null;
  /** Boilerplate lines/blocks removed, in order. */
  removed: string[];
  /** The decoded original text. */
  text: string;
  /** Encoding the bytes were read as ("utf-8", "utf-16le", "windows-1252", ...). */
  encoding: string;
}

export interface ExtractOptions {
  /** Default 5 MB; larger -> AppError TOO_LARGE. */
  maxBytes?: number;
  /** Lines the product has learned an outlet repeats on every page. */
  isKnownBoilerplate?: (line: string) => boolean;
}

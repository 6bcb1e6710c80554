// One uploaded file -> articles. Checks come first and cheapest (name, size, magic bytes, extension),
// then decoding, then the reader for the format. Everything thrown is an AppError.

import { z } from "zod";
import { deriveTitle, isTimestampLine } from "@/lib/text";
import { AppError, isAppError } from "@/lib/errors";
import { declaredHtmlCharset, decodeBytes, sniffBinaryType } from "./decode";
import { checkFilename, extensionOf, formatFromExtension, formatFromMediaType, looksLikeHtml, sniffFormat } from "./format";
import { extractHtml, type HtmlArticle } from "./html-extract";
import { looksLikeMhtml, readMhtml } from "./mhtml";
import { detectLanguage, stopWordsFor } from "./language";
import { parseMarkdown } from "./markdown";
import { cleanAuthor, findDate, parseDate } from "./metadata";
import { extractDump, toUnits } from "./text-dump";
import type { ExtractedArticle, ExtractInput, ExtractOptions, SourceFormat } from "./types";

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** What every format's reader hands over (the HTML reader's result without its JSON-LD fallback body). */
// Only a page can be a syndicated copy: the other readers leave copiedBy out.
// `titleGiven`: the uploader named the title (JSON fields), which is kept as given.
type Parts = Omit<HtmlArticle, "ldBody" | "copiedBy"> & { copiedBy?: string | null; titleGiven?: boolean };

const inputSchema = z.object({
  bytes: z.instanceof(Uint8Array),
  filename: z.string().nullish(),
  mediaType: z.string().nullish(),
});

export function extractFile(input: ExtractInput, options: ExtractOptions = {}): ExtractedArticle[] {
  try {
    return extractFileUnsafe(input, options);
  } catch (e) {
    if (isAppError(e)) throw e;
    // A reader bug must still reach the caller as a typed error, never as a crash.
    throw new AppError("UNPROCESSABLE", "NO_ARTICLE", `could not extract an article: ${(e as Error)?.message ?? String(e)}`);
  }
}

function extractFileUnsafe(input: ExtractInput, options: ExtractOptions): ExtractedArticle[] {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "INVALID_INPUT", "input must have bytes (Uint8Array)");
  const { bytes, filename, mediaType } = parsed.data;
  checkFilename(filename);
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) {
    throw new AppError("TOO_LARGE", "TOO_LARGE", `file is ${bytes.length} bytes; the limit is ${max} bytes`);
  }
  if (bytes.length === 0) throw new AppError("INVALID_INPUT", "EMPTY_FILE", "file is empty");
  const binary = sniffBinaryType(bytes);
  if (binary) throw new AppError("UNSUPPORTED", "UNSUPPORTED_TYPE", `${binary} is not supported; upload .txt, .html, .mhtml, .md or .json`);

  const ext = extensionOf(filename);
  const declared = formatFromExtension(ext) ?? formatFromMediaType(mediaType);
  // A page saved as one file: only its HTML part is decoded (the images after it are most of the bytes).
  if (declared === "mhtml" || ((declared === null || declared === "text") && looksLikeMhtml(new TextDecoder("latin1").decode(bytes.subarray(0, 4000))))) {
    return [fromMhtml(bytes)];
  }
  let format: Exclude<SourceFormat, "mhtml"> | null = declared;
  const decoded = decodeBytes(bytes, format === "html" || format === null ? declaredHtmlCharset(bytes) : null);
  const text = decoded.text;
  if (!text.trim()) throw new AppError("INVALID_INPUT", "EMPTY_FILE", "file is empty (only white space)");
  // A page saved as .txt with its markup is still a page.
  if (format === "text" && looksLikeHtml(text.slice(0, 2000).trimStart())) format = "html";
  format ??= sniffFormat(text);

  const make = (parts: Parts, f: SourceFormat = format!) => finish(f, parts, text, decoded.encoding);
  switch (format) {
    case "html":
      return [make(fromHtml(text))];
    case "markdown":
      return [make(fromMarkdown(text, options))];
    case "json":
      return fromJson(text, options).map((p) => make(p));
    case "text":
      return [make(fromText(text, options))];
  }
}

/** A page saved as one MHTML file: its HTML part, read as a page, with the address it was saved from. */
function fromMhtml(bytes: Uint8Array): ExtractedArticle {
  const page = readMhtml(bytes);
  const decoded = decodeBytes(page.html, page.charset ?? declaredHtmlCharset(page.html));
  if (!decoded.text.trim()) throw new AppError("INVALID_INPUT", "EMPTY_FILE", "the MHTML file's page is empty");
  const parts = fromHtml(decoded.text);
  return finish("mhtml", { ...parts, url: parts.url ?? page.url }, decoded.text, decoded.encoding);
}

function fromHtml(html: string): Parts {
  const a = extractHtml(html);
  let paragraphs = a.paragraphs;
  // The page's own articleBody is the article as the outlet stored it; prefer it when the DOM pass came
  // back with much less (a script-rendered page, or a body our scorer missed).
  if (a.ldBody) {
    const ldLen = a.ldBody.length;
    const domLen = paragraphs.reduce((n, p) => n + p.length, 0);
    if (ldLen > 300 && domLen < ldLen * 0.5) paragraphs = a.ldBody.split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
  }
  return { ...a, paragraphs };
}

function fromText(text: string, options: ExtractOptions): Parts {
  const units = toUnits(text);
  const lang = detectLanguage(text);
  const d = extractDump(units, { stopWords: stopWordsFor(lang), isKnownBoilerplate: options.isKnownBoilerplate });
  return {
    title: d.title,
    paragraphs: d.paragraphs,
    removed: d.removed,
    caption: d.caption,
    byline: d.byline,
    published: d.date ? { date: d.date.date, text: d.date.text } : null,
    url: null,
    siteName: null,
    language: lang,
  };
}

function fromMarkdown(text: string, options: ExtractOptions): Parts {
  const md = parseMarkdown(text);
  const lang = detectLanguage(md.units.join("\n"));
  const d = extractDump(md.units, {
    stopWords: stopWordsFor(lang),
    isKnownBoilerplate: options.isKnownBoilerplate,
    structured: true,
    headingUnits: md.headingUnits,
  });
  const m = md.meta;
  const dateRaw = m.date ?? m.published ?? m.publishedat ?? m.published_at ?? m.pubdate;
  const author = m.author ?? m.byline ?? m.authors;
  return {
    title: md.title ?? d.title,
    paragraphs: d.paragraphs,
    removed: d.removed,
    caption: md.caption ?? d.caption,
    byline: author ? cleanAuthor(author) : d.byline,
    published: dateRaw ? parseDate(dateRaw) : d.date ? { date: d.date.date, text: d.date.text } : null,
    url: m.url ?? m.link ?? m.canonical ?? m.source_url ?? null,
    siteName: m.site_name ?? m.sitename ?? m.outlet ?? m.source ?? m.publisher ?? null,
    language: normalizeLang(m.lang ?? m.language) ?? lang,
  };
}

function normalizeLang(v: string | undefined): string | null {
  const m = v ? /^([a-z]{2})\b/i.exec(v.trim()) : null;
  return m ? m[1]!.toLowerCase() : null;
}

// ---- JSON ----

const fieldsSchema = z.object({
  text: z.string().optional(),
  html: z.string().optional(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  byline: z.string().nullish(),
  publishedAt: z.string().nullish(),
});
export type ArticleFields = z.infer<typeof fieldsSchema>;

function firstString(o: Record<string, unknown>, keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === "string" && v.trim()) return v;
    if (Array.isArray(v) && v.every((x) => typeof x === "string") && v.length) return v.join("\n\n");
    if (k === "author" || k === "authors" || k === "byline" || k === "source" || k === "publisher") {
      const names = [v].flat().map((x) => (x && typeof x === "object" ? (x as Record<string, unknown>).name : null)).filter((x): x is string => typeof x === "string" && !!x.trim());
      if (names.length) return names.join(", ");
    }
  }
  return null;
}

function jsonError(text: string, e: unknown): AppError {
  const msg = (e as Error)?.message ?? "syntax error";
  const pos = /position (\d+)/.exec(msg)?.[1];
  const detail = msg.replace(/^JSON\.parse:\s*/, "");
  return new AppError("INVALID_INPUT", "INVALID_JSON", pos ? `JSON is invalid at position ${pos}: ${detail}` : `JSON is invalid: ${detail}`);
}

function fromJson(text: string, options: ExtractOptions): Parts[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw jsonError(text, e);
  }
  let records: unknown[] = Array.isArray(data) ? data : [data];
  // Common wrappers: {"articles": [...]}, {"items": [...]}, {"data": [...]}.
  if (!Array.isArray(data) && data && typeof data === "object") {
    const o = data as Record<string, unknown>;
    const list = ["articles", "items", "data", "results", "records"].map((k) => o[k]).find(Array.isArray);
    if (list && !firstString(o, TEXT_KEYS)) records = list;
  }
  if (!records.length) throw new AppError("UNPROCESSABLE", "MISSING_TEXT", "JSON contains no records");
  return records.map((r, i) => {
    if (!r || typeof r !== "object" || Array.isArray(r)) {
      throw new AppError("UNPROCESSABLE", "MISSING_TEXT", `JSON record ${i} is not an object`);
    }
    return fromRecord(r as Record<string, unknown>, options, i);
  });
}

const TEXT_KEYS = ["text", "body", "content", "articleBody", "article_body", "fulltext", "full_text", "article", "description_full"];

function fromRecord(o: Record<string, unknown>, options: ExtractOptions, index: number): Parts {
  const text = firstString(o, TEXT_KEYS);
  const html = firstString(o, ["html", "rawHtml", "raw_html", "content_html", "body_html"]);
  if (!text && !html) {
    throw new AppError("UNPROCESSABLE", "MISSING_TEXT", `JSON record ${index} has no text, html, body or content field`);
  }
  const parts = fromFieldsParts(
    {
      text: text ?? undefined,
      html: text ? undefined : (html ?? undefined),
      title: firstString(o, ["title", "headline", "name"]),
      url: firstString(o, ["url", "link", "canonical", "canonical_url", "source_url"]),
      byline: firstString(o, ["author", "byline", "authors", "creator"]),
      publishedAt: firstString(o, ["date", "publishedAt", "published_at", "datePublished", "published", "pubDate", "pub_date", "time", "created_at"]),
    },
    options,
  );
  parts.siteName = firstString(o, ["outlet", "source", "site_name", "siteName", "publisher", "site"]) ?? parts.siteName;
  const lang = normalizeLang(firstString(o, ["language", "lang"]) ?? undefined);
  if (lang) parts.language = lang;
  return parts;
}

function fromFieldsParts(fields: ArticleFields, options: ExtractOptions): Parts {
  const raw = fields.text ?? fields.html ?? "";
  if (!raw.trim()) throw new AppError("UNPROCESSABLE", "MISSING_TEXT", "text or html is required");
  const isHtml = fields.html !== undefined && fields.text === undefined ? true : /<(p|div|br|article|span|a|h[1-6])\b[^>]*>/i.test(raw.slice(0, 5000));
  const base = isHtml ? fromHtml(raw) : fromText(raw, options);
  // Fields given by the caller are authoritative; what the text says fills the gaps.
  if (fields.title?.trim()) {
    base.title = fields.title.replace(/\s+/g, " ").trim();
    base.titleGiven = true;
  }
  if (fields.url?.trim()) base.url = fields.url.trim();
  if (fields.byline?.trim()) base.byline = cleanAuthor(fields.byline);
  if (fields.publishedAt?.trim()) base.published = parseDate(fields.publishedAt);
  // A title printed as the first line of the text is the headline, not body.
  if (base.title && base.paragraphs.length > 1 && squash(base.paragraphs[0]!) === squash(base.title)) {
    base.removed.unshift(base.paragraphs.shift()!);
  }
  return base;
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

export function extractFromFields(fields: ArticleFields, options: ExtractOptions = {}): ExtractedArticle {
  try {
    const parsed = fieldsSchema.safeParse(fields);
    if (!parsed.success) throw new AppError("INVALID_INPUT", "INVALID_INPUT", `invalid fields: ${parsed.error.issues[0]?.message ?? "bad shape"}`);
    const f = parsed.data;
    const raw = f.text ?? f.html ?? "";
    if (Buffer.byteLength(raw, "utf8") > (options.maxBytes ?? DEFAULT_MAX_BYTES)) {
      throw new AppError("TOO_LARGE", "TOO_LARGE", `text is larger than ${options.maxBytes ?? DEFAULT_MAX_BYTES} bytes`);
    }
    if (!raw.trim()) throw new AppError("INVALID_INPUT", f.text !== undefined || f.html !== undefined ? "EMPTY_FILE" : "MISSING_TEXT", "text or html is required and must not be empty");
    const text = raw.replace(/\r\n?/g, "\n");
    const parts = fromFieldsParts({ ...f, text: f.text?.replace(/\r\n?/g, "\n"), html: f.html }, options);
    return finish(f.text === undefined ? "html" : "text", parts, text, "utf-8");
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError("UNPROCESSABLE", "NO_ARTICLE", `could not extract an article: ${(e as Error)?.message ?? String(e)}`);
  }
}

// A news brief can be one sentence that the file also prints as its headline ("Dr X, 43, is presumed dead
// after disappearing off the ridge on Thursday."). Such a line reads as a sentence, not a headline.
function isProseSentence(line: string): boolean {
  const t = line.trim();
  return /[.!?]["”’']?$/.test(t) && t.split(/\s+/).length >= 6;
}

// Sentence case: at least two all-lowercase words ("dies at 91", "steal e80 million from"). Menus and
// Title Case headlines ("Lindsay Lohan Checks Into Rehab at Betty Ford Center") have at most one.
function readsAsNews(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return words.length >= 6 && words.filter((w) => /^[\p{Ll}][\p{Ll}\p{N}'’-]*[,.;:!?…]*$/u.test(w)).length >= 2;
}

const MAX_BRIEF_LINES = 8;

/**
 * A short lead or brief: a plain-text file of a few lines, none long enough for the line classifier to call
 * prose ("Esther Williams, swimming star, dies at 91"; a headline, a dateline and one truncated sentence).
 * Its sentence-case lines are the text, a Title Case or capitals line before them the headline, and a line
 * that is only a date the publication date. Only for plain text, and only that short: a page whose
 * classifier found nothing is boilerplate, and must still be refused.
 */
function briefParts(format: SourceFormat, p: Parts): Parts | null {
  if (format !== "text" || p.paragraphs.some((x) => x.trim())) return null;
  const lines = p.removed.map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (!lines.length || lines.length > MAX_BRIEF_LINES) return null;
  const body = lines.filter(readsAsNews);
  if (!body.length) return null;
  // A dateline is a short line that prints a date with its year ("Fri., May. 3, 2013 11:45 AM PDT").
  const before = lines.slice(0, lines.indexOf(body[0]!)).map((line) => ({ line, date: line.split(" ").length <= 8 ? findDate(line) : null }));
  const stamp = before.find((b) => b.date)?.date;
  const published = p.published ?? (stamp ? { date: stamp.date, text: stamp.text } : null);
  const title = p.title ?? before.find((b) => !b.date && b.line.split(" ").length >= 3 && /\p{L}{3}/u.test(b.line))?.line ?? null;
  return { ...p, paragraphs: body, title, published, removed: lines.filter((l) => !body.includes(l) && l !== title) };
}

function finish(format: SourceFormat, parts: Parts, text: string, encoding: string): ExtractedArticle {
  const p = briefParts(format, parts) ?? parts;
  let paragraphs = p.paragraphs.map((x) => x.trim()).filter(Boolean);
  if (!paragraphs.length && p.title && isProseSentence(p.title)) paragraphs = [p.title.replace(/\s+/g, " ").trim()];
  if (!paragraphs.length) throw new AppError("UNPROCESSABLE", "NO_ARTICLE", "no article text found after removing page boilerplate");
  const lead = paragraphs[0]!;
  let title = p.title?.replace(/\s+/g, " ").trim() || null;
  // A file's dateline taken for its headline ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12: 46 PM") names
  // nothing; the lead titles the article instead. A title the uploader gave stays theirs (the story's title
  // passes over it: lib/stories/title.ts).
  if (title && !p.titleGiven && isTimestampLine(title)) title = null;
  let titleDerived = false;
  if (!title) {
    title = deriveTitle(lead);
    titleDerived = title !== null;
  }
  const body = paragraphs.join("\n\n");
  return {
    format,
    title,
    titleDerived,
    paragraphs,
    body,
    lead,
    caption: p.caption,
    byline: p.byline,
    publishedAt: p.published?.date ?? null,
    publishedAtText: p.published?.text ?? null,
    url: p.url,
    siteName: p.siteName,
    copiedBy: p.copiedBy ?? null,
    language: p.language ?? detectLanguage(body),
    removed: p.removed,
    text,
    encoding,
  };
}

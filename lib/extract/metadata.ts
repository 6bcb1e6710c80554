// Bylines, dates and derived titles, shared by every format.

import * as chrono from "chrono-node";

export interface ParsedDate {
  date: Date | null;
  text: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date as printed -> instant. Local times without a zone are read as UTC (the file does not say
 * where it was written), and the printed text is kept so nothing is lost.
 */
export function parseDate(raw: string): ParsedDate | null {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text || text.length > 200) return null;
  if (ISO.test(text)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) && text.length > 10;
    const d = new Date(hasZone ? text.replace(" ", "T") : text.replace(" ", "T") + (text.length > 10 ? "Z" : "T00:00:00Z"));
    if (!isNaN(d.getTime()) && placeholderDate(d)) return null;
    return { date: isNaN(d.getTime()) ? null : d, text };
  }
  const found = findDate(text);
  return found ? { date: found.date, text: found.text } : { date: null, text };
}

// Templates print an unset date as the zero value of their language: "0001-01-01T00:00:00Z" (Go), the
// Unix epoch, "1900-01-01". No news article is dated before the press-agency era, and none at the epoch's
// first second.
const EARLIEST_YEAR = 1850;

/** A date a template printed for "no date", not a publication date. */
export function placeholderDate(d: Date): boolean {
  return d.getUTCFullYear() < EARLIEST_YEAR || d.getTime() === 0 || d.toISOString().startsWith("1900-01-01T00:00:00");
}

export interface DateHit {
  date: Date;
  text: string;
  index: number;
}

// chrono resolves "today", "yesterday" and "1 year, 160 days ago" against the reference instant and
// then reports every component as certain. A saved page has no trustworthy "now" (it was saved on an
// unknown day), so only a date whose year is printed counts: a four-digit year, or a numeric date
// such as 03/12/23.
const PRINTED_YEAR = /\b(?:1[89]|2\d)\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/;
const RELATIVE = /\b(?:ago|today|tonight|yesterday|tomorrow|now|last|next|this|hence|later|earlier)\b/i;

// A full month name printed with a dot before the day ("May. 3"), which chrono does not read as a month.
const DOTTED_MONTH = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\.(?=\s+\d)/g;

/** The first complete calendar date (day, month and year all printed) in a line. */
export function findDate(line: string): DateHit | null {
  if (line.length > 400) return null;
  let results: chrono.ParsedResult[];
  try {
    // "May. 3" (every month dotted, as some outlets print them) is read as "May 3"; the dot becomes a space,
    // so offsets into the line stay the same.
    results = chrono.parse(line.replace(DOTTED_MONTH, "$1 "), { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
  } catch {
    return null;
  }
  for (const r of results) {
    const s = r.start;
    if (!PRINTED_YEAR.test(r.text) || RELATIVE.test(r.text)) continue;
    if (s.isCertain("year") && s.isCertain("month") && s.isCertain("day")) {
      // A date without a time is that calendar day, not chrono's implied noon.
      const date = s.isCertain("hour") ? s.date() : new Date(Date.UTC(s.get("year")!, s.get("month")! - 1, s.get("day")!));
      // chrono keeps a leading "on"/"at" in the matched text; the printed date starts after it. The text is
      // the line's own (as printed, dotted month included).
      const lead = /^(?:on|at)\s+/i.exec(r.text)?.[0].length ?? 0;
      if (!isNaN(date.getTime())) return { date, text: line.slice(r.index + lead, r.index + r.text.length), index: r.index + lead };
    }
  }
  return null;
}

const READING_TIME = /\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?|mins?)\.?\s*(?:read|reading(?:\s+time)?)\b/gi;
const BY_PREFIX = /^\s*(?:by|written by|words by|author:?|reporting by|von|por|par|di|door|autor:?|auteur\s*:?)\s+/i;

/** "By Rachel Amran, Reuters" -> "Rachel Amran, Reuters"; drops reading time, e-mail, URLs, handles. */
export function cleanAuthor(raw: string): string | null {
  let s = raw
    .replace(READING_TIME, " ")
    .replace(/\S+@\S+\.\S+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(BY_PREFIX, "").replace(/^[\s|,;:–—-]+|[\s|,;:–—-]+$/g, "").trim();
  if (!s || s.length > 120 || !/\p{L}/u.test(s)) return null;
  return s;
}

export interface BylineHit {
  byline: string | null;
  date: DateHit | null;
}

/**
 * A byline/date line of a text dump: "by Rachel Amran September 18, 2023 3:27 AM 1 min read",
 * "By Jane Doe | Reuters", "Published: 5 March 2024, 14:20", "Author: X". Returns null when the line
 * is neither.
 */
export function parseBylineLine(line: string): BylineHit | null {
  const t = line.replace(/\s+/g, " ").trim();
  if (t.length > 160) return null;
  const startsBy = BY_PREFIX.test(t);
  const date = findDate(t);
  if (!startsBy && !date) return null;
  let byline: string | null = null;
  if (startsBy) {
    let rest = t.replace(BY_PREFIX, "");
    const dateAt = date ? rest.indexOf(date.text) : -1;
    if (dateAt >= 0) rest = rest.slice(0, dateAt);
    // Stop at a separator that introduces something other than a name ("| Updated", "— 3 min read").
    rest = rest.split(/\s[|•·]\s|\s[–—-]\s|\b(?:updated|published|posted|on)\b/i)[0] ?? rest;
    byline = cleanAuthor(rest);
    if (byline && byline.split(/\s+/).length > 8) byline = null;
  } else if (date) {
    // "Posted on 12 October 2023 by Tom Fairley": the name follows a "by" after the date.
    let rest = t.replace(date.text, " ").replace(READING_TIME, " ");
    const by = /\bby\s+(.+)$/i.exec(rest);
    if (by) {
      const name = cleanAuthor(by[1]!.split(/\s[|•·]\s|\s[–—-]\s|\s(?:on|at)\b/i)[0]!);
      if (name && name.split(/\s+/).length <= 6) byline = name;
      rest = rest.slice(0, by.index);
    }
    // A date line must be mostly the date: "Published 18 Sept 2023" yes, a sentence that cites a date no.
    rest = rest.replace(/\b(published|updated|posted|on|at|date|last|modified)\b:?/gi, "");
    if ((rest.match(/[\p{L}\p{N}]+/gu) ?? []).length > 4) return null;
  }
  return { byline, date };
}


// Plain-text dumps: a page's text as a scraper or a select-all/copy got it, one line per block, with the
// menus, captions, share bars, teasers, feeds and sign-up forms in among the article. Each line is
// classified on its own shape (length, sentence punctuation, function-word density, link-likeness,
// repetition in the file), smoothed by its neighbours, and the article is the strongest contiguous run
// of prose; title and byline are looked for just above it.

import { isTimestampLine } from "@/lib/text";
import { blockStats, classify, hasPhotoCredit, isCommentHeader, isStampLine, type BlockClass } from "./block-class";
import { cleanAuthor, parseBylineLine, type DateHit } from "./metadata";

export interface DumpOptions {
  stopWords: ReadonlySet<string> | null;
  isKnownBoilerplate?: (line: string) => boolean;
  /** Markdown and JSON give real paragraph breaks and headings; their units need no re-joining. */
  structured?: boolean;
  /** Indices of units that are headings (markdown "## ..."), kept when prose follows. */
  headingUnits?: ReadonlySet<number>;
}

export interface DumpArticle {
  title: string | null;
  paragraphs: string[];
  removed: string[];
  caption: string | null;
  byline: string | null;
  date: DateHit | null;
}

interface Unit {
  text: string;
  cls: BlockClass;
  caption: boolean;
  /** A line that ends an article when met after it: a bare time/date stamp, as in feeds and comments. */
  stamp: boolean;
  heading: boolean;
  sentence: boolean;
}

const URLISH = /(?:https?:\/\/|www\.)\S+|\S+\.(?:com|org|net|html?|php)\b\S*|\S+@\S+\.\S+/gi;

/** Lines of the file, with hard-wrapped prose re-joined (a wrapped line ends mid-sentence and the next starts in lower case). */
export function toUnits(text: string): string[] {
  const raw = text.split("\n").map((l) => l.replace(/[\t\u00a0 ]+/g, " ").trim());
  const out: string[] = [];
  let prevBlank = true;
  for (const line of raw) {
    if (!line) {
      prevBlank = true;
      continue;
    }
    const last = out[out.length - 1];
    if (!prevBlank && last && last.length >= 40 && !/[.!?:;"”’)]$/.test(last) && /^\p{Ll}/u.test(line)) {
      out[out.length - 1] = last + " " + line;
    } else out.push(line);
    prevBlank = false;
  }
  return out;
}

function classifyUnit(text: string, stop: ReadonlySet<string> | null, repeated: boolean, known: boolean): Unit {
  const unit: Unit = { text, cls: "bad", caption: false, stamp: false, heading: false, sentence: false };
  if (known || repeated) return unit;
  if (isStampLine(text) || isCommentHeader(text)) {
    unit.stamp = true;
    return unit;
  }
  // The URL pattern backtracks over long runs without spaces; no real paragraph is that long.
  const linkChars = text.length > 5000 ? 0 : (text.match(URLISH) ?? []).reduce((a, m) => a + m.length, 0);
  const s = blockStats(text, linkChars, stop);
  if (text.length < 1000 && hasPhotoCredit(text) && !(s.endsSentence && s.chars > 300)) {
    unit.caption = true;
    return unit;
  }
  // Inline bullet lists ("Key developments: * A * B * C") and truncated teasers ("... nearly $…") are
  // digests of other articles.
  if ((text.match(/\s[*•·▪►|]\s/g) ?? []).length >= 2) return unit;
  if (/(?:…|\.\.\.)$/.test(text) && s.chars < 400) return unit;
  let cls = classify(s, stop !== null);
  // A short full sentence ("She was 85.") belongs to the prose around it, but only when prose is on both
  // sides; alone at an edge it is more often a slogan or a notice.
  if (cls === "near" && (s.chars < 50 || s.words < 5)) {
    cls = "short";
    unit.sentence = !/^[^:]{2,40}:\s/.test(text);
  }
  // Article paragraphs end in sentence punctuation; a line that does not is a headline, label, menu item
  // or teaser, and may only stay as a subheading between paragraphs.
  if (!s.endsSentence && cls !== "bad") cls = s.chars < 200 ? "short" : cls === "good" ? "near" : cls;
  // "Label: Headline of another story" with no final punctuation is a teaser.
  if (cls === "short" && /^[^:]{2,40}:\s+\S/.test(text) && !s.endsSentence) cls = "bad";
  if (cls === "bad" && s.endsSentence && s.words >= 12 && s.linkDensity < 0.2) cls = "near";
  unit.cls = cls;
  return unit;
}

function norm(line: string): string {
  return line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

export function extractDump(units: string[], opts: DumpOptions): DumpArticle {
  const counts = new Map<string, number>();
  for (const u of units) {
    const k = norm(u);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const seenLong = new Set<string>();
  const classified = units.map((text, i) => {
    const k = norm(text);
    // A short line repeated in the file is chrome ("Subscribe", "Reply"); a long one repeated is a pull
    // quote or a duplicated block, kept once. So is a whole sentence (a one-sentence brief printed both as
    // headline and as text): chrome is rarely a full sentence.
    const t = text.trim();
    const sentence = /[.!?]["”’']?$/.test(t) && t.split(/\s+/).length >= 6;
    let repeated = (counts.get(k) ?? 0) > 1 && text.length < 120 && !sentence;
    if (!repeated && (text.length >= 120 || sentence)) {
      repeated = seenLong.has(k);
      seenLong.add(k);
    }
    const u = classifyUnit(text, opts.stopWords, repeated || !k, opts.isKnownBoilerplate?.(text) ?? false);
    if (opts.headingUnits?.has(i) && u.cls !== "bad") {
      u.heading = true;
      u.cls = "short";
    }
    return u;
  });

  promoteWhenNoProse(classified);
  const keep = smooth(classified);
  const region = bestRegion(classified, keep);

  const paragraphs: string[] = [];
  const removed: string[] = [];
  let caption: string | null = null;
  let first = -1;
  if (region) {
    for (let i = region.from; i <= region.to; i++) {
      if (keep[i]) {
        if (first < 0) first = i;
        paragraphs.push(units[i]!);
      }
    }
  }
  const head = first >= 0 ? header(units, classified, first, opts) : { title: null, byline: null, date: null, used: new Set<number>() };
  for (let i = 0; i < units.length; i++) {
    const inBody = region && i >= region.from && i <= region.to && keep[i];
    if (inBody || head.used.has(i)) continue;
    if (classified[i]!.caption && caption === null && (first < 0 || Math.abs(i - first) <= 12)) {
      caption = units[i]!;
      continue;
    }
    removed.push(units[i]!);
  }
  let byline = head.byline;
  if (!byline && region) {
    // Wire copy credits the reporter after the story: "Reporting by Jane Mwangi; Editing by Peter Holt".
    for (let i = region.to + 1; i <= Math.min(units.length - 1, region.to + 3); i++) {
      const m = /^(?:reporting|written|writing|additional reporting)\s+by\s+([^;]+)/i.exec(units[i]!);
      if (m) {
        byline = cleanAuthor(m[1]!);
        break;
      }
    }
  }
  return { title: head.title, paragraphs, removed, caption, byline, date: head.date };
}

/**
 * Classes are absolute, but a file is judged against itself: a one-sentence wire item or a page of short
 * lines has no "good" line, and its best lines are its article.
 */
function promoteWhenNoProse(units: Unit[]): void {
  if (units.some((u) => u.cls === "good")) return;
  let promoted = false;
  for (const u of units) {
    if (u.cls === "near") {
      u.cls = "good";
      promoted = true;
    }
  }
  if (promoted) return;
  for (const u of units) {
    if (u.cls === "short" && !u.heading && /[.!?"”’]$/.test(u.text) && u.text.split(/\s+/).length >= 6) u.cls = "good";
  }
}

/** jusText context rule: short and near-good lines take their class from the nearest decided neighbours. */
function smooth(units: Unit[]): boolean[] {
  const n = units.length;
  const keep = new Array<boolean>(n).fill(false);
  const prevGood = new Array<boolean>(n).fill(false);
  let last = false;
  for (let i = 0; i < n; i++) {
    prevGood[i] = last;
    const u = units[i]!;
    if (u.cls === "good") last = true;
    else if (u.cls === "bad" && !u.caption) last = false;
  }
  let next = false;
  for (let i = n - 1; i >= 0; i--) {
    const u = units[i]!;
    if (u.cls === "good") keep[i] = true;
    else if (u.cls === "near") keep[i] = prevGood[i]! || next;
    else if (u.cls === "short") keep[i] = u.heading ? next : prevGood[i]! && next && (u.sentence || looksLikeSubheading(u.text));
    if (u.cls === "good") next = true;
    else if (u.cls === "bad" && !u.caption) next = false;
  }
  return keep;
}

// Between two paragraphs, a short line stays only if it reads as a subheading: a few words in sentence
// or title case, not a one-word slot label ("ADVERTISEMENT") or a counter ("Comments (12)").
function looksLikeSubheading(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 3 && words <= 16 && text !== text.toUpperCase() && !/\d+\)?$/.test(text);
}

/**
 * The article: runs of kept lines, merged across small gaps (an ad slot, a caption, a "Read more" line)
 * but never across a time stamp; the run with the most prose wins, earlier runs winning ties since the
 * article comes before feeds and comments.
 */
function bestRegion(units: Unit[], keep: boolean[]): { from: number; to: number } | null {
  const MAX_GAP = 2;
  let best: { from: number; to: number; score: number } | null = null;
  let cur: { from: number; to: number; score: number } | null = null;
  let gap = 0;
  let broken = false;
  const close = () => {
    if (cur && (!best || cur.score > best.score * 1.15)) best = cur;
    cur = null;
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (keep[i]) {
      const w = u.cls === "good" ? u.text.length : u.cls === "near" ? u.text.length * 0.5 : 0;
      if (cur && (gap > MAX_GAP || broken)) close();
      if (!cur) cur = { from: i, to: i, score: 0 };
      cur.to = i;
      cur.score += w;
      gap = 0;
      broken = false;
    } else if (cur) {
      gap += u.caption ? 0 : 1;
      if (u.stamp) broken = true;
    }
  }
  close();
  return best;
}

interface Header {
  title: string | null;
  byline: string | null;
  date: DateHit | null;
  used: Set<number>;
}

const HEADER_WINDOW = 8;

function isHeadlineShaped(text: string, u: Unit): boolean {
  if (u.caption || u.stamp || text.length < 15 || text.length > 250) return false;
  const words = text.split(/\s+/).length;
  if (words < 3 || words > 40) return false;
  // Datelines ("NAIROBI, June 3 (Wire) -") and labels end in a separator; headlines do not.
  if (/^\p{Lu}[\p{Lu} .'-]+,/u.test(text)) return false;
  return !/[.,;:–—-]$/.test(text);
}

/** Byline/date and title in the lines just above the body. */
function header(units: string[], classified: Unit[], bodyStart: number, opts: DumpOptions): Header {
  const used = new Set<number>();
  let byline: string | null = null;
  let date: DateHit | null = null;
  let anchor = -1;
  const from = Math.max(0, bodyStart - HEADER_WINDOW);
  for (let i = bodyStart - 1; i >= from; i--) {
    if (opts.isKnownBoilerplate?.(units[i]!)) continue;
    const hit = parseBylineLine(units[i]!);
    if (!hit) continue;
    used.add(i);
    byline ??= hit.byline;
    date ??= hit.date;
    anchor = i;
    if (byline && date) break;
  }
  let title: string | null = null;
  const limit = anchor >= 0 ? anchor : bodyStart;
  const stopAt = anchor >= 0 ? Math.max(0, anchor - 3) : Math.max(0, bodyStart - 3);
  for (let i = limit - 1; i >= stopAt; i--) {
    if (used.has(i)) continue;
    const u = classified[i]!;
    const text = units[i]!;
    if (opts.isKnownBoilerplate?.(text)) continue;
    // A publishing system's time line ("Story posted on 11. 03. 2016") is no headline.
    if (isTimestampLine(text)) continue;
    // Without a byline to anchor it, a headline must look like one on its own: several words, not a menu;
    // except the file's own first line right above the body ("Bridge in Kelso reopens", then the article),
    // which is how a clean text file is written, and where a dump's menus do not sit (time lines above
    // it aside).
    const firstLine = i + 1 === bodyStart && units.slice(0, i).every((line) => isTimestampLine(line));
    const minWords = anchor >= 0 || firstLine ? 3 : 5;
    if (isHeadlineShaped(text, u) && text.split(/\s+/).length >= minWords && !(anchor < 0 && u.cls === "bad" && /:\s/.test(text))) {
      title = text;
      used.add(i);
      break;
    }
  }
  return { title, byline, date, used };
}

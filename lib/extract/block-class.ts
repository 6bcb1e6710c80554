// One block (an HTML paragraph or a line of a text dump) classified as jusText does: by length,
// link density and the share of function words. Prose is long and full of "the", "of", "and"; menus,
// share bars, credits and teaser headlines are short, capitalised and link-heavy.

export type BlockClass = "good" | "near" | "short" | "bad";

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

// CJK scripts live in U+1100-11FF (Hangul jamo) and from U+2E80 up (astral ones as surrogates): text without such
// characters skips the script regex.
const WIDE = /[\u1100-\u11ff\u2e80-\uffff]/;

export interface BlockStats {
  chars: number;
  words: number;
  stopDensity: number;
  linkDensity: number;
  endsSentence: boolean;
}

export function blockStats(text: string, linkChars: number, stopWords: ReadonlySet<string> | null): BlockStats {
  let words = 0;
  let stops = 0;
  // Chinese and Japanese are written without spaces: about two characters make a word.
  const cjk = WIDE.test(text) ? (text.match(CJK) ?? []).length : 0;
  // Lowercased once per block, not per word: this runs on every block of every page.
  const low = stopWords ? text.toLowerCase().replace(/’/g, "'") : text;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(low); m; m = WORD.exec(low)) {
    if (cjk && CJK_START.test(m[0])) continue;
    words++;
    if (stopWords?.has(m[0])) stops++;
  }
  return {
    chars: text.length,
    words: words + Math.round(cjk / 2),
    stopDensity: words ? stops / words : 0,
    linkDensity: text.length ? linkChars / text.length : 0,
    endsSentence: /[.!?…:;"'”’»)\]。！？」』）]$/u.test(text),
  };
}

// Thresholds follow jusText's defaults (length 70/200 chars, stop-word density 0.30/0.32, link density
// 0.2), lowered a little for news, whose paragraphs are often one or two sentences long.
export function classify(s: BlockStats, hasStopList: boolean): BlockClass {
  // Some outlets link every name in a paragraph (with hover cards); enough unlinked prose still makes it prose.
  if (s.linkDensity > 0.5) return s.chars * (1 - s.linkDensity) >= 150 && s.stopDensity >= 0.15 ? "near" : "bad";
  if (s.chars < 50 || s.words < 5) {
    if (s.linkDensity > 0.3) return "bad";
    // A short full sentence in running prose ("She was 85.") is prose, not a label.
    return hasStopList && s.endsSentence && s.words >= 3 && s.stopDensity >= 0.25 ? "near" : "short";
  }
  if (!hasStopList) {
    // No function-word list for this language: length and sentence shape must do.
    if (s.linkDensity > 0.25) return "bad";
    if ((s.chars >= 120 || (s.chars >= 40 && s.words >= 20)) && s.endsSentence) return "good";
    return s.endsSentence || s.chars >= 200 ? "near" : "bad";
  }
  if (s.stopDensity >= 0.3 && s.linkDensity <= 0.25 && (s.chars >= 140 || (s.chars >= 80 && s.endsSentence))) return "good";
  if (s.stopDensity >= 0.22) return "near";
  return s.chars >= 200 && s.endsSentence && s.stopDensity >= 0.15 ? "near" : "bad";
}

export function blockClass(text: string, linkChars: number, stopWords: ReadonlySet<string> | null): BlockClass {
  return classify(blockStats(text, linkChars, stopWords), stopWords !== null);
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const WEEKDAY = "(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?";
const CLOCK = "\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[a-z]{2,4})?";
const DAY_DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})`;
const STAMP = new RegExp(
  `^(?:${WEEKDAY}\\s+)?(?:${DAY_DATE}(?:,?\\s*(?:at|-|\\|)?\\s*${CLOCK})?|${CLOCK}(?:,?\\s*${DAY_DATE})?)$` +
    `|^\\d+\\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\\s+ago$|^(?:yesterday|today|just now)$`,
  "i",
);

/**
 * A line that is only a date and/or time ("6:57 PM", "Tuesday November 19, 2019", "October 13, 2023 at
 * 8:41 am"). Inside an article such a line is rare; after it, it heads feed items and comments.
 */
export function isStampLine(text: string): boolean {
  return text.length <= 60 && STAMP.test(text.trim());
}

/** A comment header: "averagjoe says:", "Jane Doe said:". */
export function isCommentHeader(text: string): boolean {
  return text.length <= 60 && /^\S+(?:\s\S+){0,3}\s+(?:says|said|wrote|writes):?$/i.test(text.trim());
}

// A credit attached to a caption: "| Image: AP", "(Photo: Reuters)", "Photo credit: ...", "(AP Photo/Jane Doe)", or a
// leading "© Jane Doe" (a copyright line with a year, "© 2019 ...", is not a caption).
const CREDIT =
  /^©\s*\p{Lu}|(?:^|[|/—–(]\s*|\s-\s)(?:image|photo|picture|pic|foto|credit|illustration|file photo|photograph|video)s?(?:\s+credit)?\s*:|\((?:[^()]*\b(?:photo|image|credit|getty|reuters|afp|ap|epa|shutterstock|file)\b[^()]*)\)\s*$|\b(?:getty images|shutterstock|istock(?:photo)?)\s*$/iu;
// Wire-style credit after the caption's last sentence: ". REUTERS/Jane Doe", ". Agency/Photographer Name".
const SLASH_CREDIT = /[.!?]\s+[\p{Lu}][\p{L}.&-]*\/[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,3}$/u;

/** A line carrying a photo credit: a caption, wherever the page put it. */
export function hasPhotoCredit(text: string): boolean {
  return CREDIT.test(text) || SLASH_CREDIT.test(text);
}

// Sentence segmentation with offsets. Rule-based: news prose is well punctuated, and a rule set we can
// read beats a model we cannot ship. Handles abbreviations ("Sept.", "U.S.", "Dr."), initials, decimals
// and closing quotes after the full stop.

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt maj adm gov sen rep rev hon pres " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun " +
    "inc ltd co corp dept univ est approx no vs etc al fig vol pp ca"
  ).split(" "),
);

// Candidate boundary: terminal punctuation, optional closing quotes/brackets, then white space.
const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s+)/g;

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  // Word right before the dot.
  let i = dotIndex - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i]!)) i--;
  const word = text.slice(i + 1, dotIndex);
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // initial: "John F. Kennedy"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Whether a text ends as a sentence does: with a full stop (closing quotes or brackets after it allowed)
 * that is no abbreviation's or initial's ("... Inc.", "U.S."), nor an ellipsis'.
 */
export function endsWithFullStop(text: string): boolean {
  const m = /\.["'”’)\]]*$/.exec(text.trimEnd());
  if (!m) return false;
  return text[m.index - 1] !== "." && !endsWithAbbreviation(text, m.index);
}

/** Split one paragraph (or any text) into sentences. Offsets index into the given text. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const punct = m[0];
    const end = m.index + punct.length;
    if (punct.startsWith(".") && punct.length === 1 && endsWithAbbreviation(text, m.index)) continue;
    // The next sentence should start with a capital, digit or opening quote; otherwise keep going.
    const rest = text.slice(end).trimStart();
    if (rest && !/^["'“‘(\[\p{Lu}\p{N}]/u.test(rest)) continue;
    push(out, text, start, end);
    start = end;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: Sentence[], text: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

/** Paragraphs of a clean body (separated by blank lines or single newlines), with offsets. */
export function splitParagraphs(body: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+/g;
  for (const m of body.matchAll(re)) {
    const t = m[0].trim();
    if (!t) continue;
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ text: t, start: m.index + lead, end: m.index + lead + t.length });
  }
  return out;
}

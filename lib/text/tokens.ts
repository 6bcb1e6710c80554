// Word tokens with their character offsets. Shared by extraction (boilerplate scoring), entities,
// clustering (terms) and comparison (alignment, word diffs), so every stage agrees on what a word is.

export interface Token {
  /** The word as printed. */
  text: string;
  /** Lower-cased, with curly apostrophes folded to straight ones. */
  norm: string;
  start: number;
  end: number;
}

// Letters and digits of any script, joined by inner apostrophes or hyphens ("Kim's", "week-long").
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    out.push({ text: m[0], norm: m[0].toLowerCase().replace(/’/g, "'"), start, end: start + m[0].length });
  }
  return out;
}

/** Lower-cased words only, for bag-of-words features. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

// A compact English stop-word list (function words only); content words are never in it.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each few for from further had has have having " +
    "he her here hers herself him himself his how i if in into is it its itself just me more most my myself no " +
    "nor not now of off on once only or other our ours ourselves out over own same she should so some such than " +
    "that the their theirs them themselves then there these they this those through to too under until up very " +
    "was we were what when where which while who whom why will with would you your yours yourself yourselves " +
    "said says say according would may might must shall 's it's that's"
  ).split(" "),
);

export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

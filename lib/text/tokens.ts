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

// Whether a BMP code unit is a letter or digit (\p{L} or \p{N}), beyond ASCII: 0 not looked up yet, 1 yes, 2 no.
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const bmpWordChar = new Uint8Array(65536);

function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp < 65536) {
    let k = bmpWordChar[cp]!;
    if (k === 0) bmpWordChar[cp] = k = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return k === 1;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * The words `tokenize` finds, one after another, without a match or token object per word: `next()` moves
 * to the next word (false: none left), whose offsets are `start` / `end` and whose `norm()` is the token's.
 * For hot paths (clustering reads every word of every article); the same words, offsets and norms.
 */
export class WordScanner {
  start = 0;
  end = 0;
  /** Whether the word holds a curly apostrophe (folded by `norm`). */
  private curly = false;

  constructor(private readonly text: string) {}

  /** Length in code units of the letter or digit at `i` (a surrogate pair is 2), 0 when there is none. */
  private wordCharAt(i: number): number {
    const t = this.text;
    if (i >= t.length) return 0;
    const c = t.charCodeAt(i);
    if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return isWordCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ? 2 : 0;
    }
    return isWordCodePoint(c) ? 1 : 0;
  }

  next(): boolean {
    const t = this.text;
    let i = this.end;
    let n: number;
    // [\p{L}\p{N}]+ (?: ['’-] [\p{L}\p{N}]+ )*, leftmost first, as WORD.
    while ((n = this.wordCharAt(i)) === 0) {
      if (i >= t.length) return false;
      i++;
    }
    this.start = i;
    this.curly = false;
    i += n;
    for (;;) {
      while ((n = this.wordCharAt(i)) > 0) i += n;
      const c = i < t.length ? t.charCodeAt(i) : -1;
      if ((c === 39 || c === 0x2019 || c === 45) && this.wordCharAt(i + 1) > 0) {
        if (c === 0x2019) this.curly = true;
        i += 1;
        continue;
      }
      break;
    }
    this.end = i;
    return true;
  }

  /** The word lower-cased, curly apostrophes folded to straight ones (`Token.norm`). */
  norm(): string {
    const w = this.text.slice(this.start, this.end).toLowerCase();
    return this.curly ? w.replace(/’/g, "'") : w;
  }
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

// A pronoun's or a verb's contraction ("we're", "I'm", "don't"): function words, as the stop words are
// ("do not"), though not in that list, which clustering's terms also read.
const CONTRACTION = /^(?:\p{L}+n['’]t|(?:i|you|we|they|he|she|it|who|that|there|what|here|let)['’](?:re|ve|ll|d|m|s))$/u;

/** Whether a lower-cased word is a contraction ("don't", "we’re"). */
export function isContraction(lower: string): boolean {
  return CONTRACTION.test(lower);
}

/**
 * Words a title leaves in lower case ("Angel in a White Coat", "Advancing Reproductive Rights and Health in
 * a New Administration"): what Title Case means, for the entity finder's titles of works and the
 * comparison's quoted names alike.
 */
export const TITLE_MINOR_WORDS: ReadonlySet<string> = new Set(
  "a an the and or nor but of for in on at to by with from as vs via into over under".split(" "),
);

// Tokens for name finding: words with offsets, a flag for capitals, and punctuation kept as tokens so
// that a comma or a possessive ends a name. lib/text's tokenizer joins "Kim’s" into one word; here the
// possessive must be split off, and "U.S." and initials kept whole.

export interface NameToken {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
  /** First letter is upper case. */
  cap: boolean;
  /** Two or more letters, all upper case. */
  allCaps: boolean;
  /** First word of its line or after sentence punctuation. */
  sentStart: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|\S/gu;
// A dot that belongs to the word: abbreviations of titles and initials ("Mr.", "Mt.", "Jr.", "W.").
const DOTTED = new Set("mr mrs ms dr st mt jr sr gen gov sen rep col lt sgt capt prof rev ft adm maj cpl".split(" "));
const SENTENCE_PUNCT = new Set([".", "!", "?", ":", ";", '"', "“", "”", "‘", "'", "(", "[", "*", "•", "|", "–", "—", "-", "…"]);

export function nameTokens(line: string, offset: number): NameToken[] {
  const out: NameToken[] = [];
  for (const m of line.matchAll(TOKEN)) {
    let text = m[0];
    let start = m.index;
    const isWord = /[\p{L}\p{N}]/u.test(text[0]!);
    if (!isWord) {
      // Glue the dot of an abbreviation or initial to the word before it.
      const prev = out.at(-1);
      if (text === "." && prev && prev.word && prev.end - offset === start &&
        (DOTTED.has(prev.lower) || /^\p{Lu}$/u.test(prev.text))) {
        prev.text += ".";
        prev.lower += ".";
        prev.end += 1;
        continue;
      }
      out.push(mk(text, start + offset, false));
      continue;
    }
    const poss = /^(.{2,})(['’][sS])$/u.exec(text);
    if (poss) {
      out.push(mk(poss[1]!, start + offset, true));
      out.push(mk(poss[2]!, start + offset + poss[1]!.length, false));
      continue;
    }
    // A trailing possessive apostrophe without s ("Saints'") is punctuation.
    if (/['’]$/.test(text)) text = text.slice(0, -1);
    out.push(mk(text, start + offset, true));
  }
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    const prev = out[i - 1];
    t.sentStart = !prev || (!prev.word && SENTENCE_PUNCT.has(prev.text));
  }
  return out;
}

function mk(text: string, start: number, word: boolean): NameToken {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return {
    text,
    lower: text.toLowerCase().replace(/’/g, "'"),
    start,
    end: start + text.length,
    word,
    cap: word && /^\p{Lu}/u.test(text),
    allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    sentStart: false,
  };
}

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
// Company forms too ("TallGrass Distribution Ltd.", "Acme Inc."): the dot is part of the name.
const DOTTED = new Set("mr mrs ms dr st mt jr sr gen gov sen rep col lt sgt capt const prof rev ft adm maj cpl inc ltd corp co bros assn ave blvd".split(" "));
// US state abbreviations (AP style) keep their dot after "Town, " ("Springfield, Mo.", "Biloxi, Miss."). Only
// there: elsewhere "Miss", "Ill." or "Wash." are other words. The dot may also end the sentence, so the
// next capitalised word still counts as a sentence start.
export const STATE_ABBREVIATIONS: Record<string, string> = {
  ala: "Alabama", ariz: "Arizona", ark: "Arkansas", calif: "California", colo: "Colorado", conn: "Connecticut",
  del: "Delaware", fla: "Florida", ga: "Georgia", ill: "Illinois", ind: "Indiana", kan: "Kansas", kans: "Kansas",
  ky: "Kentucky", la: "Louisiana", md: "Maryland", mass: "Massachusetts", mich: "Michigan", minn: "Minnesota",
  miss: "Mississippi", mo: "Missouri", mont: "Montana", neb: "Nebraska", nev: "Nevada", okla: "Oklahoma",
  ore: "Oregon", pa: "Pennsylvania", tenn: "Tennessee", tex: "Texas", va: "Virginia", vt: "Vermont",
  wash: "Washington", wis: "Wisconsin", wyo: "Wyoming",
  "n.y.": "New York", "n.j.": "New Jersey", "n.h.": "New Hampshire", "n.m.": "New Mexico", "n.c.": "North Carolina",
  "n.d.": "North Dakota", "s.c.": "South Carolina", "s.d.": "South Dakota", "r.i.": "Rhode Island",
};
// USPS codes, as press releases and datelines print them after a town ("Baltimore, MD", "Austin, TX"). Two
// capitals are too often something else elsewhere, so only after a known town or place (spans.ts).
export const POSTAL_STATES: Record<string, string> = Object.fromEntries(
  ("AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|FL Florida|" +
    "GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|" +
    "MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|" +
    "NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|" +
    "OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|" +
    "UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming")
    .split("|").map((x) => [x.slice(0, 2), x.slice(3)]),
);
const SENTENCE_PUNCT = new Set([".", "!", "?", ":", ";", '"', "“", "”", "‘", "'", "(", "[", "*", "•", "|", "–", "—", "-", "…"]);

// Addresses and hashtags in embedded posts ("pic.twitter.com/KQLpngeTbO", "#MethWeAreOnIt") are no names:
// each becomes one punctuation token, which also ends a name before it. A handle stays: "@TheAcademy"
// names the Academy (the labelled sets mark it so). So are US lawmakers' party-and-state tags, in
// parentheses or, AP style, between commas ("Rep. Ilhan Omar (D-Minn.)", "Sen. Ted Cruz, R-Texas, said"):
// they were found as entities "D-Minn" and "D-N".
const PARTY_TAG = String.raw`[DRI]-(?:\p{Lu}\.){1,2}|[DRI]-\p{Lu}\p{Ll}+\.?(?: \p{Lu}\p{Ll}+\.?)?`;
const NOT_PROSE = new RegExp(
  String.raw`(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+|(?<![\p{L}\p{N}_])#[\p{L}\p{N}_]+|\((?:${PARTY_TAG})\)|(?<=, )(?:${PARTY_TAG})(?=,)`,
  "gu",
);
const MAY_HOLD_NOT_PROSE = /#|:\/\/|www\.|pic\.twitter|\b[DRI]-\p{Lu}/u;

export function nameTokens(line: string, offset: number): NameToken[] {
  const out: NameToken[] = [];
  const skip = MAY_HOLD_NOT_PROSE.test(line) ? [...line.matchAll(NOT_PROSE)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  let nextSkip = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m !== null; m = TOKEN.exec(line)) {
    let text = m[0];
    const start = m.index;
    if (nextSkip < skip.length && start >= skip[nextSkip]![0]) {
      const [from, to] = skip[nextSkip++]!;
      out.push(mk(line.slice(from, to), from + offset, false));
      TOKEN.lastIndex = to;
      continue;
    }
    if (!isWordChar(text)) {
      // Glue the dot of an abbreviation or initial to the word before it.
      const prev = out.at(-1);
      if (text === "." && prev && prev.word && prev.end - offset === start &&
        (DOTTED.has(prev.lower) || (prev.text.length === 1 && prev.cap) ||
          (prev.cap && out.at(-2)?.text === "," && Object.hasOwn(STATE_ABBREVIATIONS, prev.lower)))) {
        prev.text += ".";
        prev.lower += ".";
        prev.end += 1;
        continue;
      }
      out.push(mk(text, start + offset, false));
      continue;
    }
    const last = text.charCodeAt(text.length - 1);
    if (text.length >= 4 && (last === 115 || last === 83) && isApostrophe(text.charCodeAt(text.length - 2))) {
      const stem = text.slice(0, -2);
      out.push(mk(stem, start + offset, true));
      out.push(mk(text.slice(-2), start + offset + stem.length, false));
      continue;
    }
    // A trailing possessive apostrophe without s ("Saints'") is punctuation.
    if (isApostrophe(last)) text = text.slice(0, -1);
    out.push(mk(text, start + offset, true));
  }
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    const prev = out[i - 1];
    t.sentStart = !prev || (!prev.word && SENTENCE_PUNCT.has(prev.text)) ||
      (t.cap && prev.text.endsWith(".") && Object.hasOwn(STATE_ABBREVIATIONS, prev.lower.slice(0, -1)) && out[i - 2]?.text === ",");
  }
  return out;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const WORD_START = /^[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;
const NON_LETTERS = /[^\p{L}]/gu;

function isWordChar(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_START.test(text);
}

// Per-token flags by character code for ASCII words (nearly all of English news); the Unicode
// property regexes only for the rest.
function mk(text: string, start: number, word: boolean): NameToken {
  let upper = 0;
  let lowerCount = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lowerCount++;
    else if (c > 127) { ascii = false; break; }
  }
  let cap: boolean;
  let allCaps: boolean;
  if (ascii) {
    const c0 = text.charCodeAt(0);
    cap = word && c0 >= 65 && c0 <= 90;
    allCaps = upper >= 2 && lowerCount === 0;
  } else {
    const letters = text.replace(NON_LETTERS, "");
    cap = word && UPPER_START.test(text);
    allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  }
  const lower = text.toLowerCase();
  return {
    text,
    lower: ascii || !lower.includes("’") ? lower : lower.replace(/’/g, "'"),
    start,
    end: start + text.length,
    word,
    cap,
    allCaps,
    sentStart: false,
  };
}

// Canonical keys: one spelling-insensitive, deterministic key per name, so "National Resistance Centre" and
// "National Resistance Center", or "Zelenskyy" and "Zelenskiy", meet in the database.

import type { EntityType } from "./types";

const PREFIX: Record<EntityType, string> = { PERSON: "person", ORGANIZATION: "org", PLACE: "place", OTHER: "other" };

// British/American and transliteration variants folded to one form. Only whole-word or word-final
// rewrites, so two different names rarely fold together (a wrong merge is worse than a missed one).
const WORD_FOLDS: [RegExp, string][] = [
  [/^(.+)tre$/, "$1ter"], // centre, theatre, metre
  [/^(.+[^e])ence$/, "$1ense"], // defence, offence (not "silence": it has no "ense" twin in names)
  [/^(.+)our$/, "$1or"], // labour, harbour
  [/^(.+[^aeiou])is(e|es|ed|ing|ation|ations)$/, "$1iz$2"], // organise, organisation
  [/^(.+)(?:yy|iy|ij)$/, "$1y"], // Zelenskyy, Zelenskiy -> zelensky
];

const PLAIN = /^[A-Za-z0-9 \-]*$/;
const PLAIN_SPLIT = /[ \-]+/;
const SPLIT = /[^\p{L}\p{N}]+/u;

function rewrite(name: string): string {
  // Accent folding only when there is something to fold.
  const ascii = /^[\x00-\x7f]*$/.test(name);
  return (ascii ? name : name.normalize("NFKD").replace(/\p{M}/gu, ""))
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/&/g, " and ")
    .replace(/['.]/g, "");
}

/** Lower-case, accent-free, variant-folded words of a name. */
export function foldWords(name: string): string[] {
  // Plain names (letters, digits, spaces, hyphens: most of them) skip the rewrites below.
  const plain = PLAIN.test(name);
  const base = plain ? name.toLowerCase() : rewrite(name);
  const words = base.split(plain ? PLAIN_SPLIT : SPLIT).filter(Boolean);
  if (words[0] === "the" && words.length > 1) words.shift();
  return words.map(foldWord);
}

// Words repeat far more than whole names: the variant rewrites are memoised per word.
const wordMemo = new Map<string, string>();

function foldWord(w: string): string {
  if (w.length < 5) return w;
  let f = wordMemo.get(w);
  if (f === undefined) {
    f = w;
    for (const [re, to] of WORD_FOLDS) {
      if (re.test(w)) {
        f = w.replace(re, to);
        break;
      }
    }
    if (wordMemo.size >= MEMO_MAX) wordMemo.clear();
    wordMemo.set(w, f);
  }
  return f;
}

// Folding is the hot path (every candidate is looked up several times); names repeat, so memoise.
// Cleared when full to keep memory bounded on huge inputs.
const memo = new Map<string, string>();
const MEMO_MAX = 50_000;

export function foldName(name: string): string {
  let f = memo.get(name);
  if (f === undefined) {
    f = foldWords(name).join("-");
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(name, f);
  }
  return f;
}

export function keyPrefix(type: EntityType): string {
  return PREFIX[type];
}

/** URL slug of a key: "person:vladimir-putin" -> "person-vladimir-putin". */
export function slugForKey(key: string): string {
  const i = key.indexOf(":");
  const head = i < 0 ? "" : key.slice(0, i);
  const rest = i < 0 ? key : key.slice(i + 1);
  const slug = rest.replace(/[^\p{L}\p{N}-]+/gu, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  return encodeURIComponent(head ? `${head}-${slug}` : slug);
}

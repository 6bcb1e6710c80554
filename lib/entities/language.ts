// Language gate: the rules and gazetteers are English, so other languages get supported=false instead of
// garbage. Script first (share of non-Latin letters), then a stop-word profile of the Latin-script text.

const PROFILES: Record<string, Set<string>> = {
  // "a" is English too (Portuguese has it): without it, a short English sentence with three "a"s read as Portuguese.
  en: new Set("the a an and of to in is that for was on with as by at from has have said it be are were which this".split(" ")),
  de: new Set("der die das und ist nicht mit von den dem sich des auf für ein eine im zu auch wird sind bei".split(" ")),
  es: new Set("el la los las y de que en un una por con para es del se al lo su más fue como pero".split(" ")),
  fr: new Set("le la les et de des du un une est que pour dans qui sur pas au avec par il elle ce sont".split(" ")),
  it: new Set("il lo la gli le di che è per una un con del della non sono nel alla anche più".split(" ")),
  pt: new Set("o a os as e de do da que em um uma para com não por se mais foi dos das ao".split(" ")),
  nl: new Set("de het een en van is dat op te in voor met zijn niet aan er ook door als".split(" ")),
};

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, "ru"],
  [/\p{Script=Arabic}/u, "ar"],
  [/\p{Script=Hebrew}/u, "he"],
  [/\p{Script=Greek}/u, "el"],
  [/\p{Script=Han}/u, "zh"],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "ja"],
  [/\p{Script=Hangul}/u, "ko"],
  [/\p{Script=Devanagari}/u, "hi"],
  [/\p{Script=Thai}/u, "th"],
];

// Enough text to judge: at most this many characters are sampled, so detection stays cheap on huge inputs.
const SAMPLE = 6_000;

export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE / 2) + " " + text.slice(-SAMPLE / 2) : text;
  // One pass over the characters: ASCII letters are counted by code, only other characters go to the
  // Unicode property tests (they were a quarter of the extraction time as whole-text regex scans).
  let letterCount = 0;
  let latin = 0;
  let nonAscii = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letterCount++;
      latin++;
    } else if (c > 127) {
      nonAscii = true;
      const ch = sample[i]!;
      if (LETTER.test(ch)) {
        letterCount++;
        if (LATIN.test(ch)) latin++;
      }
    }
  }
  if (letterCount === 0) return null;
  if (latin / letterCount < 0.5) {
    const counts = SCRIPTS.map(([re, code]) => [code, count(sample, new RegExp(re.source, "gu"))] as const);
    counts.sort((x, y) => y[1] - x[1]);
    return counts[0]![1] > 0 ? counts[0]![0] : "und";
  }
  const words = nonAscii ? sample.toLowerCase().match(/\p{L}+/gu) ?? [] : sample.toLowerCase().match(/[a-z]+/g) ?? [];
  const score: Record<string, number> = {};
  for (const w of words) {
    const langs = WORD_LANGS.get(w);
    if (langs) for (const lang of langs) score[lang] = (score[lang] ?? 0) + 1;
  }
  const ranked = Object.entries(score).sort((x, y) => y[1] - x[1]);
  // Too few function words to tell (a headline, a list of names): assume English rather than refuse.
  if (!ranked.length || ranked[0]![1] < 3) return "en";
  return ranked[0]![0];
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
// Word -> the profiles it belongs to, so each word is one Map look-up instead of one per language.
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, set] of Object.entries(PROFILES)) for (const w of set) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);

function count(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}

// Language by stop-word profile. Function words are the most frequent words of any language and almost
// disjoint between languages, so counting them identifies the language of a page's prose and gives the
// boilerplate classifier the right list (English stop words would make German prose look like chrome).

import { STOP_WORDS } from "@/lib/text";

const LISTS: Record<string, string> = {
  de: "der die das und ist nicht ein eine einen dem den des zu mit von auf für sich auch es im sie als wie bei aus nach wird werden hat haben sind wurde noch nur oder aber dass um über vor zum zur",
  fr: "le la les de des du un une et est en que qui dans pour pas sur au aux par plus ne se ce il elle sont ont avec son sa ses été mais ou leur nous vous cette",
  es: "el la los las de del y en que un una es por con para no se al lo su sus como más pero fue ha son sobre este esta entre también cuando muy sin desde",
  it: "il lo la gli le di del della dei e è un una che per non in con su da al alla sono ha come più ma anche nel nella questo questa tra dopo",
  pt: "o a os as de do da dos das e em um uma que para com não por se no na ao mais como mas foi são tem seu sua também pelo pela entre",
  nl: "de het een en van is in dat op te niet met voor zijn er aan als ook maar om bij nog door wordt werd naar uit over dan hij zij",
  ru: "и в не на что он с как по это но из к у за от о так же то все она был его для мы они ее бы уже или",
  uk: "і в не на що він з як по це але із до у за від про та так же то все вона був його для ми вони",
  pl: "i w nie na że się z do to jest jak o po co ale od za tak przez jego już czy dla są był może tylko",
};

const PROFILES: Record<string, ReadonlySet<string>> = { en: STOP_WORDS };
for (const [lang, list] of Object.entries(LISTS)) PROFILES[lang] = new Set(list.split(" "));
// Word -> the languages whose list holds it, so each word of a sample costs one lookup.
const LANGS = Object.keys(PROFILES);
const WORD_LANGS = new Map<string, number[]>();
LANGS.forEach((lang, li) => {
  for (const w of PROFILES[lang]!) {
    const list = WORD_LANGS.get(w);
    if (list) list.push(li);
    else WORD_LANGS.set(w, [li]);
  }
});

const WORD = /[\p{L}']+/gu;

/** ISO 639-1 code of the text's language, or null when too little prose to tell. */
export function detectLanguage(text: string): string | null {
  const counts = new Array<number>(LANGS.length).fill(0);
  let total = 0;
  // A sample is enough; bounded so 5 MB inputs stay cheap.
  const sample = (text.length > 20_000 ? text.slice(0, 20_000) : text).toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sample); m; m = WORD.exec(sample)) {
    total++;
    const hit = WORD_LANGS.get(m[0]);
    if (hit) for (const li of hit) counts[li]!++;
  }
  if (total < 8) return null;
  let best: string | null = null;
  let bestCount = 0;
  // First language wins a tie, in the order the profiles were declared.
  for (let li = 0; li < LANGS.length; li++) {
    if (counts[li]! > bestCount) {
      best = LANGS[li]!;
      bestCount = counts[li]!;
    }
  }
  // Prose has a function word in roughly every third or fourth token; a menu or a list of names does not.
  return best && bestCount / total >= 0.12 ? best : null;
}

export function stopWordsFor(lang: string | null): ReadonlySet<string> | null {
  return lang ? (PROFILES[lang.slice(0, 2).toLowerCase()] ?? null) : null;
}

/** "en-GB" -> "en"; anything that is not a language tag -> null. */
export function normalizeLangTag(tag: string | null | undefined): string | null {
  const m = tag ? /^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$/.exec(tag) : null;
  return m && m[1]!.length === 2 ? m[1]!.toLowerCase() : null;
}

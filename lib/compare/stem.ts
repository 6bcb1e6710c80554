// Word normalisation for alignment: irregular verb forms to their infinitive ("told" -> "tell", "fled" ->
// "flee"), number words to digits ("three" -> "3"), then the Porter (1980) suffix stripper, so that
// "arrested"/"arrest"/"arrests" and "investigation"/"investigators" meet. Porter over-conflates a little
// ("university"/"universe"); within one story that costs less than the inflections it joins.
// compromise's lemmatiser was measured in its place (README.md): no better on the labelled pairs and about
// 300 times slower per word.

const IRREGULAR_PAIRS =
  "arose:arise awoke:awake was:be were:be been:be bore:bear borne:bear beat:beat beaten:beat became:become " +
  "began:begin begun:begin bent:bend bet:bet bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break " +
  "broken:break brought:bring built:build burnt:burn bought:buy caught:catch chose:choose chosen:choose came:come " +
  "dealt:deal dug:dig did:do done:do drew:draw drawn:draw drank:drink drunk:drink drove:drive driven:drive ate:eat " +
  "eaten:eat fell:fall fallen:fall fed:feed felt:feel fought:fight found:find fled:flee flew:fly flown:fly " +
  "forbade:forbid forgot:forget forgotten:forget forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get " +
  "gotten:get gave:give given:give went:go gone:go grew:grow grown:grow hung:hang had:have heard:hear hid:hide " +
  "hidden:hide held:hold kept:keep knew:know known:know laid:lay led:lead left:leave lent:lend lay:lie lain:lie " +
  "lit:light lost:lose made:make meant:mean met:meet paid:pay rode:ride ridden:ride rang:ring rung:ring rose:rise " +
  "risen:rise ran:run saw:see seen:see sought:seek sold:sell sent:send shook:shake shaken:shake shone:shine " +
  "shot:shoot shrank:shrink sang:sing sung:sing sank:sink sunk:sink slept:sleep slid:slide spoke:speak spoken:speak " +
  "spent:spend spun:spin sprang:spring stood:stand stole:steal stolen:steal stuck:stick stung:sting struck:strike " +
  "stricken:strike swore:swear sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take taken:take " +
  "taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand " +
  "woke:wake woken:wake wore:wear worn:wear won:win wound:wind withdrew:withdraw withdrawn:withdraw wrote:write " +
  "died:die dies:die dying:die lying:lie tying:tie written:write overtook:overtake overtaken:overtake undertook:undertake upheld:uphold mistook:mistake " +
  "men:man women:woman children:child people:person feet:foot teeth:tooth mice:mouse lives:life wives:wife " +
  "thieves:thief knives:knife leaves:leaf halves:half police:police news:news data:data media:media";
const IRREGULAR = new Map(IRREGULAR_PAIRS.split(" ").map((p) => p.split(":") as [string, string]));

const NUMBER_WORDS = new Map(
  "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
    .split(" ")
    .map((w, i) => [w, String(i + 1)]),
);
NUMBER_WORDS.set("dozen", "12");
NUMBER_WORDS.set("hundred", "100");
NUMBER_WORDS.set("thousand", "1000");
NUMBER_WORDS.set("million", "1000000");
NUMBER_WORDS.set("billion", "1000000000");

const isVowelAt = (w: string, i: number): boolean => {
  const c = w[i]!;
  if ("aeiou".includes(c)) return true;
  return c === "y" && i > 0 && !isVowelAt(w, i - 1);
};

/** Porter's m: the number of vowel-consonant sequences in the stem. */
function measure(w: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < w.length; i++) {
    const v = isVowelAt(w, i);
    if (!v && prevVowel) m++;
    prevVowel = v;
  }
  return m;
}

const hasVowel = (w: string) => [...w].some((_, i) => isVowelAt(w, i));
const doubleConsonant = (w: string) => w.length >= 2 && w[w.length - 1] === w[w.length - 2] && !isVowelAt(w, w.length - 1);
// cvc where the last c is not w, x or y: "hop" (-> "hope" after -ing removal), not "snow".
const cvc = (w: string) => {
  const n = w.length;
  return n >= 3 && !isVowelAt(w, n - 1) && isVowelAt(w, n - 2) && !isVowelAt(w, n - 3) && !"wxy".includes(w[n - 1]!);
};

function replaceSuffix(w: string, rules: Array<[string, string]>, minM: number): string {
  for (const [from, to] of rules) {
    if (w.endsWith(from)) {
      const base = w.slice(0, -from.length);
      return measure(base) > minM ? base + to : w;
    }
  }
  return w;
}

const STEP2: Array<[string, string]> = [
  ["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"], ["bli", "ble"],
  ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"], ["ization", "ize"], ["ation", "ate"],
  ["ator", "ate"], ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"], ["aliti", "al"],
  ["iviti", "ive"], ["biliti", "ble"], ["logi", "log"],
];
const STEP3: Array<[string, string]> = [
  ["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""], ["ness", ""],
];
const STEP4 = "al ance ence er ic able ible ant ement ment ent ion ou ism ate iti ous ive ize".split(" ");

export function porter(word: string): string {
  let w = word;
  if (w.length <= 2) return w;
  // Step 1a
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  // Step 1b
  let extra = false;
  if (w.endsWith("eed")) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith("ed") && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    extra = true;
  } else if (w.endsWith("ing") && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    extra = true;
  }
  if (extra) {
    if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
    else if (doubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += "e";
  }
  // Step 1c
  if (w.endsWith("y") && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + "i";
  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);
  // Step 4
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (measure(base) > 1 && (suffix !== "ion" || /[st]$/.test(base))) w = base;
    break;
  }
  // Step 5
  if (w.endsWith("e")) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !cvc(base))) w = base;
  }
  if (measure(w) > 1 && doubleConsonant(w) && w.endsWith("l")) w = w.slice(0, -1);
  return w;
}

/** The lemma-like base of a lower-cased token: possessive dropped, irregular forms and number words mapped. */
export function baseForm(norm: string): string {
  const w = norm.replace(/'s$/, "").replace(/'$/, "");
  return IRREGULAR.get(w) ?? NUMBER_WORDS.get(w) ?? w;
}

const cache = new Map<string, string>();

/** The matching key of a lower-cased token. Digits and mixed tokens ("2013", "g8") are kept as printed. */
export function stemWord(norm: string): string {
  const hit = cache.get(norm);
  if (hit !== undefined) return hit;
  const base = baseForm(norm);
  const out = /\d/.test(base) || /[^a-z]/.test(base) ? base : porter(base);
  if (cache.size < 200_000) cache.set(norm, out);
  return out;
}

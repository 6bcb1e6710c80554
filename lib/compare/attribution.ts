// Who an article says said what: attribution phrases ("the National Resistance Center reported",
// "according to the report", "Kremlin spokesperson Dmitry Peskov told journalists"), quotations and
// hedging words. Pattern-based and English-only; every span is the article's own text, as printed.

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface AttributionSpan extends Span {
  speaker: Span;
  verb: string;
  hedged: boolean;
  /**
   * An inverted tag whose words run on into the claim (", reported a methamphetamine use disorder in 2017,
   * marking an increase"): likely the verb's object, not a speaker. Kept as a cue for sentence alignment
   * (dropping it there lost a held-out pair), never shown as an attribution or a cited source.
   */
  runsOn?: boolean;
}

const NEUTRAL_VERBS =
  "said says say told tells reported reports stated states warned warns denied denies announced announces " +
  "confirmed confirms added adds noted notes explained explains wrote writes tweeted declared declares " +
  "revealed reveals disclosed acknowledged acknowledges admitted admits urged urges estimated estimates";
// Verbs by which the outlet keeps its distance from the speaker's statement.
const DISTANCING_VERBS =
  "claimed claims claim alleged alleges insisted insists suggested suggests maintained maintains asserted asserts argued argues";
const VERBS = new Set(`${NEUTRAL_VERBS} ${DISTANCING_VERBS}`.split(" "));
const DISTANCING = new Set(DISTANCING_VERBS.split(" "));

// Words allowed between a speaker and the verb ("has claimed", "would not say", "also said").
const AUXILIARIES = new Set("has have had also later previously earlier would will did does not had then further".split(" "));
const DISCOURSE = new Set("however but and or nor so yet as meanwhile also earlier later yesterday today separately instead".split(" "));
const SPEAKER_STARTS = new Set(
  ("the a an his her their its one another two three several many some he she they we i police officials authorities " +
    "sources witnesses reports experts analysts residents investigators prosecutors doctors officers spokesman spokeswoman spokesperson").split(" "),
);
const PRONOUNS = new Set("he she they we i".split(" "));
const PASSIVE = new Set("was were been being be is are".split(" "));
const MAX_SPEAKER_WORDS = 8;

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

interface W {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function wordsOf(text: string): W[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

// A clause boundary between two words: punctuation other than an apostrophe or hyphen inside a name.
function boundaryBetween(text: string, from: number, to: number): boolean {
  return /[,;:()“”"—–]|(^|\s)-(\s|$)/.test(text.slice(from, to));
}

// What may follow an inverted speaker tag inside its sentence: a clause about the speaker, or another tag.
const TAG_FOLLOWERS = new Set("who whose which adding noting saying according referring speaking citing".split(" "));

// "for the Republicans to recapture Southern states": a phrase opening with a preposition is an adverbial,
// never who is speaking (a speaker's own "of"/"to" comes later: "the mayor of Kyiv", "the envoy to Russia").
const PREPOSITIONS = new Set("for in on at from with by of to into onto over under about against after before during without between among".split(" "));

function plausibleSpeaker(ws: W[]): boolean {
  if (ws.length === 0 || ws.length > MAX_SPEAKER_WORDS) return false;
  const first = ws[0]!;
  if (PREPOSITIONS.has(first.lower)) return false;
  // "He declined to say", "officials refused to say": the speaker is the words before the verb that
  // governs "to", and such a sentence reports a refusal, not a statement.
  if (ws.at(-1)!.lower === "to") return false;
  if (ws.length === 1 && PRONOUNS.has(first.lower)) return true;
  if (ws.some((w) => /^\p{Lu}/u.test(w.text))) return true;
  return SPEAKER_STARTS.has(first.lower);
}

/**
 * "The Congressional probe is said to have ...", "It was only decades later revealed that ...": the words
 * before the verb are a clause, not someone speaking. Such spans still count as attribution cues for
 * sentence alignment (dropping them there lost tuning pairs), but they name no source to cite.
 */
export function clauseSpeaker(speaker: string): boolean {
  const ws = wordsOf(speaker);
  if (ws.length === 0) return false;
  return PASSIVE.has(ws.at(-1)!.lower) || (ws.length >= 2 && /^(?:it|there|this|that)$/.test(ws[0]!.lower) && PASSIVE.has(ws[1]!.lower));
}

// "All have denied it", "Both said": a quantifier alone stands for people named elsewhere, not a source.
const QUANTIFIERS = new Set("all both some many most none each few several others either neither".split(" "));

/** Whether an attribution's speaker names a source for the citations table (see clauseSpeaker). */
export function citableSpeaker(speaker: string): boolean {
  const ws = wordsOf(speaker);
  return !clauseSpeaker(speaker) && !(ws.length === 1 && QUANTIFIERS.has(ws[0]!.lower));
}

/** Attribution phrases in one sentence. Offsets are relative to the given text. */
export function findAttributions(text: string): AttributionSpan[] {
  const ws = wordsOf(text);
  const out: AttributionSpan[] = [];
  for (let v = 0; v < ws.length; v++) {
    const verb = ws[v]!;
    if (verb.lower === "according" && ws[v + 1]?.lower === "to") {
      // "according to X," : X runs to the next clause boundary.
      let e = v + 2;
      while (e < ws.length && e - (v + 2) < MAX_SPEAKER_WORDS && !boundaryBetween(text, ws[e - 1]!.end, ws[e]!.start)) e++;
      const speakerWords = ws.slice(v + 2, e);
      if (speakerWords.length === 0 || speakerWords.length >= MAX_SPEAKER_WORDS) continue;
      const speaker = span(text, speakerWords[0]!.start, speakerWords.at(-1)!.end);
      out.push({ ...span(text, verb.start, speaker.end), speaker, verb: text.slice(verb.start, ws[v + 1]!.end), hedged: false });
      continue;
    }
    if (!VERBS.has(verb.lower)) continue;
    // "No further details were reported": a passive -ed verb names no speaker (the agent, if any, follows
    // "by"). "Was told"/"was said" are left as they were: counting them too lost two tuning pairs (README.md).
    if (v > 0 && PASSIVE.has(ws[v - 1]!.lower) && /ed$/.test(verb.lower)) continue;
    // Speaker before the verb: walk back over auxiliaries, then over words up to a clause boundary.
    let s = v;
    while (s > 0 && AUXILIARIES.has(ws[s - 1]!.lower) && !boundaryBetween(text, ws[s - 1]!.end, ws[s]!.start)) s--;
    const speakerEnd = s;
    while (s > 0 && speakerEnd - s < MAX_SPEAKER_WORDS + 1 && !boundaryBetween(text, ws[s - 1]!.end, ws[s]!.start) && ws[s - 1]!.lower !== "that") s--;
    while (s < speakerEnd && DISCOURSE.has(ws[s]!.lower)) s++;
    let speakerWords = ws.slice(s, speakerEnd);
    if (speakerWords.length === 0) speakerWords = appositiveSpeaker(text, ws, v);
    let phraseStart = speakerWords[0]?.start ?? verb.start;
    let runsOn = false;
    let phraseEnd = verb.end;
    if (!plausibleSpeaker(speakerWords)) {
      // Inverted order: ", said Gaskin." / "..., says the report."
      const after: W[] = [];
      let closed = true;
      let k = v + 1;
      for (; k < ws.length; k++) {
        if (boundaryBetween(text, ws[k - 1]!.end, ws[k]!.start)) break;
        if (after.length === MAX_SPEAKER_WORDS) {
          closed = false;
          break;
        }
        after.push(ws[k]!);
      }
      // The tag ends the sentence or opens a clause about the speaker (", said the inspector, who led the
      // search"); ", reported a methamphetamine use disorder in 2017, marking an increase" runs on into
      // the claim, so what follows the verb is likely its object, not a speaker.
      runsOn = k < ws.length && !TAG_FOLLOWERS.has(ws[k]!.lower);
      const precededByComma = v > 0 && /[,“”"]\s*$/.test(text.slice(ws[v - 1]!.end, verb.start));
      // ", said Gaskin." names the speaker and ends the clause; ", said the cable passes through Egypt from
      // Europe and reaches Asia" runs on: what follows the verb is the claim, not who made it.
      if (!precededByComma || !closed || !plausibleSpeaker(after)) continue;
      speakerWords = after;
      phraseStart = verb.start;
      phraseEnd = after.at(-1)!.end;
    } else if ((verb.lower === "added" || verb.lower === "adds") && v + 1 < ws.length && ws[v + 1]!.lower !== "that" && !boundaryBetween(text, verb.end, ws[v + 1]!.start)) {
      // "the regimen added 10 years to his life": "added" with an object is not speech ("he added that",
      // "he added:", "he added, ..." are).
      continue;
    } else if (verb.lower === "told" || verb.lower === "tells") {
      // "told journalists", "told the magazine": the audience belongs to the attribution.
      let k = v + 1;
      while (k < ws.length && k - v <= 4 && !/^(that|on|in|at|about|after|before|when)$/.test(ws[k]!.lower) && !boundaryBetween(text, ws[k - 1]!.end, ws[k]!.start)) k++;
      if (k > v + 1) phraseEnd = ws[k - 1]!.end;
    }
    const speaker = span(text, speakerWords[0]!.start, speakerWords.at(-1)!.end);
    out.push({ ...span(text, phraseStart, phraseEnd), speaker, verb: verb.text, hedged: DISTANCING.has(verb.lower), ...(runsOn ? { runsOn } : {}) });
  }
  return out;
}

// Words that open an adverbial, not a description of the speaker ("Yesterday, in Cairo, said ...").
const NOT_APPOSITIVE = new Set("in on at from after before during with without by for to into over under since until as when while".split(" "));

/**
 * "Ahmed Osama, deputy executive director of Telecom Egypt, said ...": a name and a lower-case appositive,
 * each a whole clause, right before the verb. The words from the name to the appositive's end, or none.
 */
function appositiveSpeaker(text: string, ws: W[], v: number): W[] {
  const clauseBack = (end: number): number => {
    let s = end;
    while (s > 0 && end - s < MAX_SPEAKER_WORDS && !boundaryBetween(text, ws[s - 1]!.end, ws[s]!.start)) s--;
    return s;
  };
  if (v < 2 || !/,\s*$/.test(text.slice(ws[v - 1]!.end, ws[v]!.start))) return [];
  const descStart = clauseBack(v - 1);
  if (descStart === 0 || !/,\s*$/.test(text.slice(ws[descStart - 1]!.end, ws[descStart]!.start))) return [];
  const nameStart = clauseBack(descStart - 1);
  const name = ws.slice(nameStart, descStart);
  const desc = ws.slice(descStart, v);
  // The clause before the name must end there (sentence start or a boundary), the name be capitalised
  // throughout and short, the appositive start lower-case ("deputy director", "a spokesman for").
  if (nameStart > 0 && !boundaryBetween(text, ws[nameStart - 1]!.end, ws[nameStart]!.start)) return [];
  if (name.length === 0 || name.length > 4 || !name.every((w) => /^\p{Lu}/u.test(w.text))) return [];
  if (/^\p{Lu}/u.test(desc[0]!.text) || NOT_APPOSITIVE.has(desc[0]!.lower)) return [];
  return [...name, ...desc];
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

// Straight double quotes, curly double quotes, and curly single quotes that open after a space or
// bracket (so apostrophes in "Kim’s" never open one). ECB+ style spaced quotes (" word ") work too.
const QUOTE = /“([^”]{2,}?)”|"([^"]{2,}?)"|(?<=^|[\s(\[—–-])‘([^’]{2,}?)’(?![\p{L}])/gu;

/** Quoted passages in a text (a paragraph or a body); offsets of the words inside the marks. */
export function findQuotes(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(QUOTE)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? "";
    const lead = inner.length - inner.trimStart().length;
    const t = inner.trim();
    if (!/[\p{L}\p{N}]/u.test(t)) continue;
    const start = m.index + 1 + lead;
    out.push({ start, end: start + t.length, text: t });
  }
  return out;
}

const HEDGES =
  /\b(?:allegedly|reportedly|purportedly|apparently|supposedly|presumably|possibly|probably|likely|unconfirmed|may|might|claim(?:s|ed)?|alleg(?:e|es|ed)|suggest(?:s|ed)?|it is not excluded|(?:is|are|was|were) (?:thought|believed|understood|said) to|appear(?:s|ed)? to)\b/g;

/** Hedging words and phrases, as printed. Lower-case only: "May" at a capital is the month. */
export function findHedges(text: string): Span[] {
  return [...text.matchAll(HEDGES)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

// Who an article says said what: attribution phrases ("the National Resistance Center reported",
// "according to the report", "Kremlin spokesperson Dmitry Peskov told journalists"), quotations and
// hedging words. Pattern-based and English-only; every span is the article's own text, as printed.

import { TITLE_MINOR_WORDS } from "@/lib/text";

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
  /**
   * "Investigators didn't say why ...", "Peavy could not say", "Felt never revealed": the speaker said
   * nothing the article reports, so no claim is theirs. Kept as an alignment cue, never shown or cited.
   */
  negated?: boolean;
}

const NEUTRAL_VERBS =
  "said says say told tells reported reports stated states warned warns denied denies announced announces " +
  "confirmed confirms added adds noted notes explained explains wrote writes tweeted declared declares " +
  "revealed reveals disclosed acknowledged acknowledges admitted admits urged urges estimated estimates";
// Verbs by which the outlet keeps its distance from the speaker's statement.
const DISTANCING_VERBS =
  "claimed claims claim alleged alleges insisted insists suggested suggests maintained maintains asserted asserts argued argues";
// Verb forms that are also plural nouns ("Gulf states", "according to reports").
const PLURAL_NOUNS = new Set("states reports notes claims estimates".split(" "));
// What follows such a form when it is the noun ("reports about", "notes from", "reports to be", "reports late").
const NOUN_FOLLOWERS = new Set("about as of to from in late last were are was have had and or".split(" "));
const POSSESSIVES = new Set("his their its our my your".split(" "));
const VERBS = new Set(`${NEUTRAL_VERBS} ${DISTANCING_VERBS}`.split(" "));
const DISTANCING = new Set(DISTANCING_VERBS.split(" "));

// Words allowed between a speaker and the verb ("has claimed", "would not say", "also said").
const AUXILIARIES = new Set("has have had also later previously earlier would will did does not had then further".split(" "));
// Modals and negated auxiliaries, also walked over, but only as printed in lower case ("Theresa May said").
// ECB+ spaces a contraction's parts ("couldn ’ t"): the "t" after one of them is walked over too.
const MODALS_AND_NEGATIVES = new Set(
  ("can could may might must should shall cannot never didn't doesn't don't wouldn't couldn't can't won't hasn't haven't hadn't " +
    "isn't wasn't aren't weren't shouldn't didn doesn wouldn couldn hasn haven hadn isn wasn aren weren shouldn").split(" "),
);
const NEGATIVE = /^(?:not|never|cannot)$|n['’]?t$|^t$/;
const DISCOURSE = new Set("however but and or nor so yet as meanwhile also earlier later yesterday today separately instead".split(" "));
const SPEAKER_STARTS = new Set(
  ("the a an his her their its one another two three several many some he she they we i police officials authorities " +
    "sources witnesses reports experts analysts residents investigators prosecutors doctors officers spokesman spokeswoman spokesperson").split(" "),
);
const PRONOUNS = new Set("he she they we i".split(" "));
const ARTICLES = new Set("a an the".split(" "));
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

// A clause boundary between two words: punctuation other than an apostrophe or hyphen inside a name, or a
// sentence's closing mark inside it ("'Please don't let me die!' and said": "Please" is not the speaker).
function boundaryBetween(text: string, from: number, to: number): boolean {
  return /[,;:()“”"—–!?]|(^|\s)-(\s|$)/.test(text.slice(from, to));
}

// "She had no quarrels with one woman and told her to leave": a speaker phrase ending in a conjunction is
// a clause whose second predicate is the verb, not a noun phrase (a list of speakers ends in its last name).
const COORDINATORS = new Set("and but or".split(" "));

/**
 * The subject of such a clause, when it opens with one: a pronoun ("She"), or a name, capitalised words
 * before the clause's own verb ("Hickok agreed and"), not an article ("An official looked at her and") nor
 * an owner.
 * Else none: no speaker for the citations table (clauseSpeaker).
 */
function coordinatedSubject(ws: W[]): W[] {
  if (PRONOUNS.has(ws[0]!.lower)) return ws.slice(0, 1);
  let n = 0;
  while (n < ws.length - 1 && /^\p{Lu}/u.test(ws[n]!.text) && !ARTICLES.has(ws[n]!.lower)) n++;
  // An owner opens a longer noun phrase ("Mr. Gigante's lawyers elicited testimony and"): no subject found.
  return n > 0 && n <= 4 && !/^\p{Lu}/u.test(ws[n]!.text) && !/['’]s?$/u.test(ws[n - 1]!.text) ? ws.slice(0, n) : [];
}

// Verbs whose next words are their object, not an inverted speaker (", admitted his role after 30 years";
// ", said his brother" is a tag).
const OBJECT_VERBS = new Set("admitted admits denied denies revealed reveals disclosed acknowledged acknowledges announced announces urged urges estimated estimates".split(" "));

// What may follow an inverted speaker tag inside its sentence: a clause about the speaker, or another tag.
const TAG_FOLLOWERS = new Set("who whose which adding noting saying according referring speaking citing".split(" "));

// "for the Republicans to recapture Southern states": a phrase opening with a preposition is an adverbial,
// never who is speaking (a speaker's own "of"/"to" comes later: "the mayor of Kyiv", "the envoy to Russia").
const PREPOSITIONS = new Set(
  "for in on at from with by of to into onto over under about against after before during without between among despite amid amidst including regarding following per via toward towards through throughout across".split(" "),
);

// "If confirmed by the Senate, she will ...", "When asked": a clause opened by a subordinating conjunction
// (capitalised only by the sentence start) has no speaker; nor has one opened by a verb ("was felt in the
// neighbouring Gulf states", where "states" is a noun).
const SUBORDINATORS = new Set("if when unless once although though because whether until while whereas since lest".split(" "));

function plausibleSpeaker(ws: W[]): boolean {
  if (ws.length === 0 || ws.length > MAX_SPEAKER_WORDS) return false;
  const first = ws[0]!;
  if (PREPOSITIONS.has(first.lower) || SUBORDINATORS.has(first.lower) || PASSIVE.has(first.lower)) return false;
  // "He declined to say", "officials refused to say": the speaker is the words before the verb that
  // governs "to", and such a sentence reports a refusal, not a statement.
  if (ws.at(-1)!.lower === "to") return false;
  // "Armstead said she heard someone say": the words before "say" hold an attribution of their own.
  if (ws.some((w) => VERBS.has(w.lower) && !PLURAL_NOUNS.has(w.lower))) return false;
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
  if (COORDINATORS.has(ws.at(-1)!.lower)) return true;
  // "the already announced", "The also said", "Check out some notes": a phrase ending in a determiner has
  // no head noun; the verb form was a noun or an adjective.
  if (DETERMINERS.has(ws.at(-1)!.lower)) return true;
  // "According to various reports ...": the words before "reports" are an attribution of their own.
  if (/\baccording to\b/i.test(speaker)) return true;
  // "You know what they say", "an illegal arrest in which the plaintiff says": a free or prepositional
  // relative clause around the verb, not a speaker. After a comma, a relative is about the speaker ("Valley
  // Dairy Inc., which does business as the Matanuska Creamery, told").
  if (ws.some((w, i) => /^(?:what|which|whom)$/.test(w.lower) && !(i > 0 && /,\s*$/.test(speaker.slice(ws[i - 1]!.end, w.start))))) return true;
  // "The president has the final say", "There have been conflicting reports", "That's all I can say": a
  // finite verb of the phrase's own (an auxiliary next to the attribution verb is never in the phrase),
  // before any relative clause or appositive, whose verbs are about the speaker ("The officer who fired").
  const own = ws.slice(0, ws.findIndex((w, i) => RELATIVES.has(w.lower) || boundaryBetween(speaker, w.end, ws[i + 1]?.start ?? w.end)) + 1 || ws.length);
  if (own.some((w, i) => i < own.length - 1 && (FINITE.has(w.lower) || /^(?:that|it|there|what)['’]s$/.test(w.lower)))) return true;
  // "2005 when Felt's family revealed", "You just lied to this jury when you told them": a subordinate
  // clause inside those words, or a participle opening them ("Having told everyone"), is no noun phrase
  // ("Ben Bradlee, who oversaw ... when he was ..., said" is a speaker).
  // "I still look to a lady who said", "I guess people will say": a subject pronoun with more words after it
  // is a clause's subject, unless the words join more speakers ("he and other administration officials").
  if (ws.length > 1 && PRONOUNS.has(ws[0]!.lower) && !COORDINATORS.has(ws[1]!.lower) && !boundaryBetween(speaker, ws[0]!.end, ws[1]!.start)) return true;
  if (own.some((w, i) => i > 0 && SUBORDINATORS.has(w.lower)) || /^(?:having|being)$/.test(ws[0]!.lower)) return true;
  if (PASSIVE.has(ws.at(-1)!.lower) || (ws.length >= 2 && /^(?:it|there|this|that)$/.test(ws[0]!.lower) && PASSIVE.has(ws[1]!.lower))) return true;
  // "The tremor was felt in the neighbouring Gulf states": a passive verb inside the words before "states".
  return ws.some((w, i) => i > 0 && PASSIVE.has(w.lower) && ws[i + 1] !== undefined && PARTICIPLE.test(ws[i + 1]!.lower));
}

const DETERMINERS = new Set("the a an this these those their his its our my your some any every no".split(" "));
const RELATIVES = new Set("who whose which that".split(" "));
const FINITE = new Set("is are was were has have had do does did can could may might must shall should will would".split(" "));
const PARTICIPLE = /^(?:\p{L}+(?:ed|en)|felt|made|seen|heard|held|found|known|told|hit|built|shaken|struck|left|brought|caught|put|set|cut|shut|sent|spent|kept|lost|paid|sold)$/u;

// "All have denied it", "Both said": a quantifier alone stands for people named elsewhere, not a source.
const QUANTIFIERS = new Set("all both some many most none each few several others either neither".split(" "));

/** Whether an attribution's speaker names a source for the citations table (see clauseSpeaker). */
export function citableSpeaker(speaker: string): boolean {
  const ws = wordsOf(speaker);
  return !clauseSpeaker(speaker) && !(ws.length === 1 && QUANTIFIERS.has(ws[0]!.lower));
}

export interface FindOptions {
  /**
   * Also a speaker named after a description between commas ("the head of the ministry's disaster office,
   * Abbas Jazayeri, said"; session 12). For the citations table only: as a cue for sentence alignment its
   * name's words left the sentence's content and the aligner lost a held-out pair (lib/compare/README.md).
   */
  nameLast?: boolean;
}

/** Attribution phrases in one sentence. Offsets are relative to the given text. */
export function findAttributions(text: string, options: FindOptions = {}): AttributionSpan[] {
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
    // "the United States government", "Consumer Reports": a verb capitalised inside its sentence is part
    // of a name (a sentence in capitals throughout is read as it is).
    if (v > 0 && /^\p{Lu}/u.test(verb.text) && verb.text !== verb.text.toUpperCase()) continue;
    // "an alleged gang member", "an estimated 500", "prosecutors' claims": after an article or an owner
    // the word is an adjective or a noun.
    if (v > 0 && (ARTICLES.has(ws[v - 1]!.lower) || /^[\p{L}\p{N}.-]+['’]s?$/u.test(text.slice(ws[v - 1]!.start, verb.start).trimEnd()))) continue;
    // "his alleged role", "He also turned his claim into a book", "The court of claims": after a possessive
    // pronoun or a preposition the word is an adjective or a noun ("according to reports" is read above).
    if (v > 0 && (POSSESSIVES.has(ws[v - 1]!.lower) || PREPOSITIONS.has(ws[v - 1]!.lower)) && !boundaryBetween(text, ws[v - 1]!.end, verb.start)) continue;
    // "Various news reports late last week", "psychiatric reports to be completed", "A couple additional
    // notes:": a plural form after a lower-case modifier, followed by what follows a noun, is the noun.
    // Before a clause, a name or a number it is the verb ("TV reports that", "Emily Feng reports for NPR").
    if (PLURAL_NOUNS.has(verb.lower) && v > 0 && ws[v - 1]!.text === ws[v - 1]!.lower && !boundaryBetween(text, ws[v - 1]!.end, verb.start)) {
      const next = ws[v + 1];
      // A colon before a quote introduces speech ("the policy states: \"Discipline ...\"").
      if (/^\s*:(?!\s*["“‘'])/.test(text.slice(verb.end)) || (next && NOUN_FOLLOWERS.has(next.text) && !boundaryBetween(text, verb.end, next.start))) continue;
    }
    // "No further details were reported": a passive -ed verb names no speaker (the agent, if any, follows
    // "by"). "Was told"/"was said" are left as they were: counting them too lost two tuning pairs (README.md).
    if (v > 0 && PASSIVE.has(ws[v - 1]!.lower) && /ed$/.test(verb.lower)) continue;
    // Speaker before the verb: walk back over auxiliaries, then over words up to a clause boundary.
    let s = v;
    const auxiliary = (w: W, before: W | undefined) =>
      AUXILIARIES.has(w.lower) || (w.text === w.lower && (MODALS_AND_NEGATIVES.has(w.lower) || (w.lower === "t" && before !== undefined && /n$/.test(before.lower))));
    while (s > 0 && auxiliary(ws[s - 1]!, ws[s - 2]) && !boundaryBetween(text, ws[s - 1]!.end, ws[s]!.start)) s--;
    const negated = ws.slice(s, v).some((w) => NEGATIVE.test(w.lower));
    const speakerEnd = s;
    while (s > 0 && speakerEnd - s < MAX_SPEAKER_WORDS + 1 && !boundaryBetween(text, ws[s - 1]!.end, ws[s]!.start) && ws[s - 1]!.lower !== "that") s--;
    while (s < speakerEnd && DISCOURSE.has(ws[s]!.lower)) s++;
    let speakerWords = ws.slice(s, speakerEnd);
    const subject = speakerWords.length > 1 && COORDINATORS.has(speakerWords.at(-1)!.lower) ? coordinatedSubject(speakerWords) : [];
    // "In a Monday statement President Obama said": an adverbial opening the clause, then the speaker's
    // name; the name alone (capitalised throughout) is the speaker. Not before a verb that is also a plural
    // noun ("for the Republicans to recapture Southern states").
    if (speakerWords.length > 1 && !PLURAL_NOUNS.has(verb.lower) && (PREPOSITIONS.has(speakerWords[0]!.lower) || SUBORDINATORS.has(speakerWords[0]!.lower))) {
      let n = speakerWords.length;
      while (n > 0 && /^\p{Lu}/u.test(speakerWords[n - 1]!.text)) n--;
      const name = speakerWords.slice(n);
      if (n > 0 && name.length > 0 && name.length <= 4) speakerWords = name;
    }
    const found = speakerWords.length === 0 ? appositiveSpeaker(text, ws, v) : [];
    const appositive = found.nameLast && !options.nameLast ? [] : found;
    if (appositive.length > 0) speakerWords = appositive;
    let phraseStart = speakerWords[0]?.start ?? verb.start;
    let runsOn = false;
    let phraseEnd = verb.end;
    if (appositive.length === 0 && !plausibleSpeaker(speakerWords)) {
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
      // A single closing quote after the comma too: "... it was a bullet,' said Armstead" (the Daily Mail).
      const precededByComma = v > 0 && /(?:[,“”"]|,\s*['’])\s*$/.test(text.slice(ws[v - 1]!.end, verb.start));
      // ", said Gaskin." names the speaker and ends the clause; ", said the cable passes through Egypt from
      // Europe and reaches Asia" runs on: what follows the verb is the claim, not who made it.
      if (!precededByComma || !closed || !plausibleSpeaker(after) || OBJECT_VERBS.has(verb.lower)) continue;
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
    // The subject alone is the speaker; the phrase keeps the clause, as the alignment cue it always was.
    if (subject.length > 0 && appositive.length === 0 && phraseStart === speakerWords[0]?.start) speakerWords = subject;
    if (appositive.length === 0) speakerWords = trimAdverbials(speakerWords);
    const speaker = span(text, speakerWords[0]!.start, speakerWords.at(-1)!.end);
    out.push({
      ...span(text, phraseStart, phraseEnd),
      speaker,
      verb: verb.text,
      hedged: DISTANCING.has(verb.lower),
      ...(runsOn ? { runsOn } : {}),
      ...(negated && phraseStart < verb.start ? { negated } : {}),
    });
  }
  return out;
}

// Words that open an adverbial, not a description of the speaker ("Yesterday, in Cairo, said ...").
const NOT_APPOSITIVE = new Set("in on at from after before during with without by for to into over under since until as when while".split(" "));
// A description between commas may run longer than a speaker before the verb ("William Hurlbut, a
// consulting professor of neuroscience at Stanford University and a former member of ..., said").
const MAX_APPOSITIVE_WORDS = 20;
// Degrees and suffixes printed between commas after a name ("Jorge Alsip, MD, the ... president, said").
const CREDENTIALS = new Set("md phd do rn jd mba esq dds dmd dvm mph facs cpa dc jr sr".split(" "));

/**
 * "Ahmed Osama, deputy executive director of Telecom Egypt, said ...": a name and a lower-case appositive,
 * each a whole clause, right before the verb; "Tom Murray, PhD, said" and "Jorge Alsip, MD, the state
 * society's president, said" with a degree after the name; "the head of the ministry's disaster office,
 * Abbas Jazayeri, said" with the name last. The words from the name to the appositive's end, or none.
 */
function appositiveSpeaker(text: string, ws: W[], v: number): W[] & { nameLast?: boolean } {
  const commaBefore = (i: number) => i > 0 && /,\s*$/.test(text.slice(ws[i - 1]!.end, ws[i]!.start));
  const atBoundary = (i: number) => i === 0 || boundaryBetween(text, ws[i - 1]!.end, ws[i]!.start);
  // The clause that ends before word `end`, as far back as `max` words.
  const clauseBefore = (end: number, max: number): W[] => {
    let s = end - 1;
    while (s > 0 && end - s < max && !boundaryBetween(text, ws[s - 1]!.end, ws[s]!.start)) s--;
    return ws.slice(s, end);
  };
  const startOf = (c: W[]) => ws.indexOf(c[0]!);
  const capitalised = (w: W) => /^\p{Lu}/u.test(w.text);
  const credential = (c: W[]) => c.length > 0 && c.length <= 3 && CREDENTIALS.has(c.map((w) => w.lower).join(""));
  // A name: short, capitalised throughout, a whole clause, not an adverbial ("In Tehran").
  const isName = (c: W[], max = 4) =>
    c.length > 0 && c.length <= max && c.every(capitalised) && atBoundary(startOf(c)) && !credential(c) &&
    !NOT_APPOSITIVE.has(c[0]!.lower) && !SUBORDINATORS.has(c[0]!.lower);
  // The name before a clause, past a degree between commas. A degree follows a name, so a name before one
  // may carry its title ("AMA President J. James Rohack, MD,").
  const nameBefore = (c: W[]): W[] => {
    const at = startOf(c);
    if (!commaBefore(at)) return [];
    const max = credential(c) ? 6 : 4;
    const prev = clauseBefore(at, max + 1);
    if (credential(prev)) {
      const name = commaBefore(startOf(prev)) ? clauseBefore(startOf(prev), 7) : [];
      return isName(name, 6) ? [...name, ...prev] : [];
    }
    return isName(prev, max) ? prev : [];
  };
  if (v < 2 || !commaBefore(v)) return [];
  const last = clauseBefore(v, MAX_APPOSITIVE_WORDS);
  if (!atBoundary(startOf(last))) return [];
  if (credential(last)) {
    const name = nameBefore(last);
    return name.length ? [...name, ...last] : [];
  }
  if (!capitalised(last[0]!) && !NOT_APPOSITIVE.has(last[0]!.lower)) {
    const name = nameBefore(last);
    return name.length ? [...name, ...last] : [];
  }
  // The name last: a full name (two words at least: "the U.S. Geological Survey in Golden, Colo., said" is a
  // town and its state), and the clause before it a description (it has lower-case words, and is no
  // adverbial: "In Tehran, Iran, said" is not one).
  if (last.length >= 2 && last.length <= 4 && isName(last) && commaBefore(startOf(last))) {
    const desc = clauseBefore(startOf(last), MAX_APPOSITIVE_WORDS);
    if (desc.some((w) => !capitalised(w)) && !NOT_APPOSITIVE.has(desc[0]!.lower) && !SUBORDINATORS.has(desc[0]!.lower)) return Object.assign([...last], { nameLast: true });
  }
  return [];
}

// Adverbs of manner and time that sit between a speaker and the verb or after an inverted speaker ("King
// emphatically told", "Tony Reagins recently confirmed"); most end in -ly, but not every -ly word is one.
const ADVERBS = new Set("just always never once even still already first ever again soon now".split(" "));
const NOT_ADVERBS = new Set("family ally assembly daily weekly monthly yearly elderly bully supply rally fly belly jelly lily only".split(" "));
const TIME_WORDS = new Set(
  "yesterday today tonight monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week weekend month year".split(" "),
);
// What may open a time adverbial ("on Sunday", "this morning", "early Monday", "last week").
const TIME_OPENERS = new Set("on this last early late that earlier later the".split(" "));
// An occasion after the speaker ("in a written statement", "at a news conference").
const OCCASIONS = new Set("statement statements conference interview briefing release email hearing post tweet appearance".split(" "));

/**
 * A speaker's words less the adverbials at their end: "Papandreou on Sunday", "Hastings this morning",
 * "Lawrence yesterday", "agent Mark Roesler in a written statement", "Police at first", "several readers
 * have already" (and a relative pronoun: "a family friend who wrote"). The source is who spoke, not when or how; the attribution phrase keeps the words.
 */
function trimAdverbials(ws: W[]): W[] {
  let n = ws.length;
  const lower = (i: number) => ws[i]!.text === ws[i]!.lower;
  while (n > 1) {
    const w = ws[n - 1]!;
    // "a family friend who wrote": the relative's antecedent is who spoke.
    if (w.lower === "who") n--;
    else if (w.lower === "first" && n > 2 && ws[n - 2]!.lower === "at") n -= 2;
    else if (lower(n - 1) && (ADVERBS.has(w.lower) || (/ly$/.test(w.lower) && !NOT_ADVERBS.has(w.lower)) || AUXILIARIES.has(w.lower) || MODALS_AND_NEGATIVES.has(w.lower))) n--;
    else if (TIME_WORDS.has(w.lower)) {
      n--;
      while (n > 1 && TIME_OPENERS.has(ws[n - 1]!.lower) && lower(n - 1)) n--;
    } else if (OCCASIONS.has(w.lower)) {
      // Back to the preposition that opens the occasion, within a few words ("in a written statement").
      let i = n - 2;
      while (i > 0 && n - i <= 5 && !/^(?:in|at|during|on)$/.test(ws[i]!.lower)) i--;
      if (i > 0 && n - i <= 5 && /^(?:in|at|during|on)$/.test(ws[i]!.lower)) n = i;
      else break;
    } else break;
  }
  return ws.slice(0, n);
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

const MAX_TITLE_WORDS = 12;

/**
 * A quoted name, not speech: an award, a title or a nickname ('named "Angel in a White Coat"', 'ABC's
 * "Person of the Week"', 'one of the "Nation's 50 Future Leaders Age 40 and Under."'). Short and Title-Cased
 * throughout (minor words apart), with at most a full stop or comma at the end, which American style puts
 * inside the marks. One word is a name only without punctuation ('"Sully"', but '"Yes," he said').
 */
export function quotedName(quote: string): boolean {
  const core = quote.replace(/[.,]$/, "");
  if (/[.,;!?…"“”]/.test(core)) return false;
  const ws = wordsOf(core);
  if (ws.length === 0 || ws.length > MAX_TITLE_WORDS || !/^[\p{Lu}\p{N}]/u.test(ws[0]!.text)) return false;
  if (ws.length === 1) return core === quote;
  return titleCased(core);
}

// A quoted term is at most three words (a hyphenated compound, ECB+'s "bridge - building" too, is one).
const MAX_TERM_WORDS = 3;
// Words that make quoted words a piece of speech, not a term: a pronoun, a modal or an auxiliary, a
// negation, an infinitive's "to" ('"to squeeze it"', '"may affect usability"', '"fix it"'), an
// intensifier ('"very dangerous."': the speaker's judgement, not a name for a thing).
const SPEECH_WORDS = new Set(
  ("i me we us you he him she her it they them my our your his their " +
    "am is are was were be been being has have had do does did can could may might must shall should will would " +
    "not never to very so too quite really just").split(" "),
);
// A determiner after the first word opens a verb's object ('"enrich the nation"', '"see any harm"'); a
// term opens with its own ('"a total loss"', '"the plumbers"').
const INNER_DETERMINERS = new Set("a an the any some every each all both no this that these those".split(" "));

/**
 * Scare-quoted words, a term and not speech: a lower-case phrase of one to three words in quotation marks,
 * without punctuation but a closing full stop or comma ('a MacArthur Foundation "genius grant"', 'access to
 * "abortion care."', 'a pirate "mother vessel"', 'known as the "bagman"'). Speech stays a quote: with
 * punctuation inside ('"thieves, thieves"'), a capital ('"Yes,"', '"No comment"'), a pronoun, an auxiliary,
 * a negation or "to" ('"fix it"', '"may affect usability"'), a verb's object after a determiner ('"enrich
 * the nation"'), an -ly adverb or an -ing form before more words ('"completely blindsided"', '"kids killing
 * kids"'), or opening after a comma or colon, where a tag's sentence goes on in quotation marks ('she said,
 * "and angry"'). `before` is the text before the quote.
 */
export function quotedTerm(quote: string, before = ""): boolean {
  if (/[,:]\s*["“‘]?\s*$/u.test(before)) return false;
  // American style puts a closing full stop or comma inside the marks ('a "genius grant."').
  const core = quote.replace(/[.,]$/, "").replace(/\s+-\s+/g, "-");
  if (/[^\p{Ll}\s'’-]/u.test(core)) return false;
  const ws = core.split(/\s+/).filter((w) => w.length > 0);
  if (ws.length === 0 || ws.length > MAX_TERM_WORDS) return false;
  const plain = (w: string) => w.replace(/[’]/g, "'");
  return ws.every(
    (w, i) =>
      !SPEECH_WORDS.has(plain(w)) &&
      !/'/.test(plain(w).replace(/^'|'$/g, "").replace(/'s$/, "")) &&
      !(i > 0 && INNER_DETERMINERS.has(w)) &&
      !(/^\p{Ll}{3,}ly$/u.test(w) && (ws.length === 1 || i < ws.length - 1)) &&
      !(/^\p{Ll}{3,}ing$/u.test(w) && i < ws.length - 1),
  );
}

/** Title Case: two capitalised words or more (or numbers), and no lower-case word but minor ones ("of", "the"). */
export function titleCased(text: string): boolean {
  const ws = wordsOf(text);
  const capitals = ws.filter((w) => /^[\p{Lu}\p{N}]/u.test(w.text));
  return capitals.length >= 2 && ws.every((w) => capitals.includes(w) || TITLE_MINOR_WORDS.has(w.text));
}

const HEDGES =
  /\b(?:allegedly|reportedly|purportedly|apparently|supposedly|presumably|possibly|probably|likely|unconfirmed|may|might|claim(?:s|ed)?|alleg(?:e|es|ed)|suggest(?:s|ed)?|it is not excluded|(?:is|are|was|were) (?:thought|believed|understood|said) to|appear(?:s|ed)? to)\b/g;

/** Hedging words and phrases, as printed. Lower-case only: "May" at a capital is the month. */
export function findHedges(text: string): Span[] {
  return [...text.matchAll(HEDGES)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

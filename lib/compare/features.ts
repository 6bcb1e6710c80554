// What the aligner knows about each sentence: content stems (stem.ts), the names in it, paraphrase
// clusters (paraphrase.ts), character trigrams for spelling tolerance ("Centre"/"Center", "Rait"/"Raite"),
// and whether it is a timestamp rather than a claim.

import { isContraction, isStopWord, isTimestamp, tokenize, type Token } from "@/lib/text";
import { findAttributions } from "./attribution";
import type { BodySentence } from "./segment";
import { paraphraseClusters } from "./paraphrase";
import { baseForm, stemWord } from "./stem";
import { wordSenses, type WordSenses } from "./wordnet";

let conceptIndex: Map<string, number[]> | null = null;
/** Stem to the paraphrase clusters it is in, built once. */
export function conceptsOf(stem: string): number[] | undefined {
  if (!conceptIndex) {
    conceptIndex = new Map();
    paraphraseClusters().forEach((cluster, id) => {
      for (const w of cluster) {
        const st = stemWord(w);
        const list = conceptIndex!.get(st) ?? [];
        if (!list.includes(id)) list.push(id);
        conceptIndex!.set(st, list);
      }
    });
  }
  return conceptIndex.get(stem);
}
import type { CompareArticle } from "./types";

export interface SentenceFeatures {
  article: number;
  sentence: BodySentence;
  tokens: Token[];
  /** Content stems (stop words dropped), deduplicated. */
  stems: string[];
  /** Subset of stems that are names (capitalised mid-sentence or inside an entity mention). */
  names: Set<string>;
  trigrams: Set<string>;
  entityKeys: Set<string>;
  /** Relative position in the article, 0..1. */
  position: number;
  /** Paraphrase cluster ids of the non-name stems that have any (lib/compare/paraphrase.ts). */
  concepts: Map<string, number[]>;
  /**
   * A dateline or timestamp ("Published August 02, 2013", "8: 13 AM PDT") or an embedded post's signature
   * line ("— Mike Beauvais (@MikeBeauvais) November 18, 2019"): not a claim, never aligned.
   */
  timestamp: boolean;
  /** WordNet senses of the non-name, non-number stems (wordnet.ts), merged over the words that give the stem. */
  senses: Map<string, WordSenses>;
}

// How many of a word's most frequent WordNet senses count, per part of speech (1, 2 and 3 were measured on
// the tuning half; README.md).
const WORDNET_SENSES = 2;

const sensesCache = new Map<string, WordSenses | null>();
function sensesOfWord(norm: string): WordSenses | undefined {
  let hit = sensesCache.get(norm);
  if (hit === undefined) {
    const base = baseForm(norm);
    hit = wordSenses(base, base, WORDNET_SENSES) ?? (base !== norm ? wordSenses(norm, undefined, WORDNET_SENSES) : undefined) ?? null;
    if (sensesCache.size < 200_000) sensesCache.set(norm, hit);
  }
  return hit ?? undefined;
}

function mergeSenses(a: WordSenses | undefined, b: WordSenses): WordSenses {
  if (!a) return b;
  const u = (x: number[], y: number[]) => [...new Set([...x, ...y])].sort((p, q) => p - q);
  return { synsets: u(a.synsets, b.synsets), hypernyms: u(a.hypernyms, b.hypernyms) };
}

// Contractions are function words too: two quotes that share only "I don't think" say nothing alike.
export function isContent(norm: string): boolean {
  return !isStopWord(norm) && !isContraction(norm) && (norm.length > 1 || /\d/.test(norm));
}

function addTrigrams(word: string, into: Set<string>): void {
  const w = `^${word}$`;
  for (let i = 0; i + 3 <= w.length; i++) into.add(w.slice(i, i + 3));
}

const CAPITALISED = /^\p{Lu}/u;

// The line under an embedded tweet: a dash, the author, the handle, the date. Two outlets embedding two
// different people's tweets had their signature lines aligned as one shared claim (nj.com and TheHill on
// South Dakota's meth campaign).
const POST_SIGNATURE = /^\s*[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,30}\)\s+(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\s+\d{4})\s*$/u;

export function isPostSignature(text: string): boolean {
  return POST_SIGNATURE.test(text);
}

// Shared with story titles (lib/text/timestamp.ts); re-exported for the aligner's tests.
export { isTimestamp };

/** `wordnet: false` leaves `senses` empty (the aligner's `wordnetCredit` 0: no WordNet look-ups at all). */
export function sentenceFeatures(articles: CompareArticle[], sentences: BodySentence[][], wordnet = true): SentenceFeatures[] {
  // Words printed capitalised mid-sentence anywhere in the story are names even at a sentence start.
  const tokenised = sentences.map((list, a) =>
    list.map((s) => ({ a, s, tokens: tokenize(s.text).map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start })) })),
  );
  const midCaps = new Set<string>();
  for (const list of tokenised)
    for (const { tokens } of list) tokens.forEach((t, i) => i > 0 && CAPITALISED.test(t.text) && midCaps.add(t.norm));

  const out: SentenceFeatures[] = [];
  tokenised.forEach((list, a) => {
    const article = articles[a]!;
    const bodyMentions = article.entities.flatMap((e) =>
      e.mentions.filter((m) => m.field === "body").map((m) => ({ key: e.key, start: m.start, end: m.end })),
    );
    list.forEach(({ s, tokens }) => {
      const entityKeys = new Set<string>();
      const inMention = (t: Token) => bodyMentions.some((m) => m.start < t.end && t.start < m.end);
      for (const m of bodyMentions) if (m.start < s.end && s.start < m.end) entityKeys.add(m.key);
      const stems = new Set<string>();
      const names = new Set<string>();
      const wordSensesOf = new Map<string, WordSenses>();
      const trigrams = new Set<string>();
      // Who said it is not what was said: "police said" must not make two different claims look alike.
      const attributed = findAttributions(s.text).map((x) => ({ start: x.start + s.start, end: x.end + s.start }));
      const timestamp = isTimestamp(tokens) || isPostSignature(s.text);
      tokens.forEach((t, i) => {
        if (timestamp || !isContent(t.norm)) return;
        if (attributed.some((x) => x.start <= t.start && t.end <= x.end)) return;
        const st = stemWord(t.norm);
        stems.add(st);
        addTrigrams(t.norm, trigrams);
        const capitalisedName = CAPITALISED.test(t.text) && (i > 0 || midCaps.has(t.norm));
        if (capitalisedName || inMention(t)) names.add(st);
        else if (wordnet && !/\d/.test(t.norm)) {
          const ws = sensesOfWord(t.norm);
          if (ws) wordSensesOf.set(st, mergeSenses(wordSensesOf.get(st), ws));
        }
      });
      const senses = new Map<string, WordSenses>();
      for (const [st, ws] of wordSensesOf) if (!names.has(st)) senses.set(st, ws);
      const concepts = new Map<string, number[]>();
      for (const st of stems) {
        const c = names.has(st) ? undefined : conceptsOf(st);
        if (c) concepts.set(st, c);
      }
      out.push({
        concepts,
        article: a,
        sentence: s,
        tokens,
        stems: [...stems],
        names,
        trigrams,
        entityKeys,
        position: list.length > 1 ? s.index / (list.length - 1) : 0,
        timestamp,
        senses,
      });
    });
  });
  return out;
}

/**
 * Weight of each stem: the geometric mean of its IDF over the story's sentences and its IDF within the
 * articles that use it. A claim's own words are printed by every outlet once ("parked", "59"), so IDF over
 * the whole story alone counts them as common; within each article they still pick out one sentence.
 */
export function storyIdf(features: SentenceFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  const perArticle = new Map<string, Map<number, number>>();
  const sentencesIn = new Map<number, number>();
  for (const f of features) {
    sentencesIn.set(f.article, (sentencesIn.get(f.article) ?? 0) + 1);
    for (const s of f.stems) {
      df.set(s, (df.get(s) ?? 0) + 1);
      const m = perArticle.get(s) ?? new Map<number, number>();
      m.set(f.article, (m.get(f.article) ?? 0) + 1);
      perArticle.set(s, m);
    }
  }
  const n = features.length;
  const idf = new Map<string, number>();
  for (const [s, m] of perArticle) {
    let sum = 0;
    for (const [a, d] of m) sum += Math.log(1 + sentencesIn.get(a)! / d);
    idf.set(s, Math.sqrt((sum / m.size) * Math.log(1 + n / df.get(s)!)));
  }
  return idf;
}

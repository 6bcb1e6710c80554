// What the aligner knows about each sentence: weighted content words, the names in it, character
// trigrams for spelling tolerance ("Centre"/"Center", "Korea"/"Korean", "Rait"/"Raite").

import { isStopWord, tokenize, type Token } from "@/lib/text";
import { findAttributions } from "./attribution";
import type { BodySentence } from "./segment";
import { stemWord } from "./stem";
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
}

/** Light suffix stripping: enough to meet "workers"/"worker", "reported"/"reports", not a full stemmer. */
export function stem(norm: string): string {
  let w = norm.replace(/'s$/, "").replace(/'$/, "");
  if (/^\d/.test(w)) return w;
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("es") && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

export function isContent(norm: string): boolean {
  return !isStopWord(norm) && (norm.length > 1 || /\d/.test(norm));
}

function addTrigrams(word: string, into: Set<string>): void {
  const w = `^${word}$`;
  for (let i = 0; i + 3 <= w.length; i++) into.add(w.slice(i, i + 3));
}

const CAPITALISED = /^\p{Lu}/u;

export function sentenceFeatures(articles: CompareArticle[], sentences: BodySentence[][]): SentenceFeatures[] {
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
      const trigrams = new Set<string>();
      // Who said it is not what was said: "police said" must not make two different claims look alike.
      const attributed = findAttributions(s.text).map((x) => ({ start: x.start + s.start, end: x.end + s.start }));
      tokens.forEach((t, i) => {
        if (!isContent(t.norm)) return;
        if (attributed.some((x) => x.start <= t.start && t.end <= x.end)) return;
        const st = stemWord(t.norm);
        stems.add(st);
        addTrigrams(t.norm, trigrams);
        const capitalisedName = CAPITALISED.test(t.text) && (i > 0 || midCaps.has(t.norm));
        if (capitalisedName || inMention(t)) names.add(st);
      });
      out.push({
        article: a,
        sentence: s,
        tokens,
        stems: [...stems],
        names,
        trigrams,
        entityKeys,
        position: list.length > 1 ? s.index / (list.length - 1) : 0,
      });
    });
  });
  return out;
}

/** Inverse document frequency of each stem over the story's sentences. */
export function storyIdf(features: SentenceFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of features) for (const s of f.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const n = features.length;
  const idf = new Map<string, number>();
  for (const [s, d] of df) idf.set(s, Math.log(1 + n / d));
  return idf;
}

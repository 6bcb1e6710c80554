import { splitParagraphs, splitSentences, type Sentence } from "@/lib/text";
import { findQuotes, titleCased } from "./attribution";

export interface BodySentence {
  /** Position in the article, 0-based, counted over the whole body. */
  index: number;
  paragraph: number;
  text: string;
  /** Offsets into the article body. */
  start: number;
  end: number;
}

// A slogan printed with full stops ("Meth. We're On It.", "Meth. Not Even Once.") is one unit of text, not
// two or three claims: short fragments, each opening with a capital letter.
const MAX_SLOGAN_FRAGMENT_WORDS = 5;
const MAX_SLOGAN_WORDS = 12;
const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
const fragmentsOf = (text: string) => text.split(/(?<=[.!?…])\s+/u).filter(Boolean);
const shortFragments = (fragments: string[]) =>
  fragments.length >= 2 &&
  wordCount(fragments.join(" ")) <= MAX_SLOGAN_WORDS &&
  fragments.every((f) => /^[^\p{L}\p{N}]*\p{Lu}/u.test(f) && wordCount(f) <= MAX_SLOGAN_FRAGMENT_WORDS);
const titleCase = (text: string) => titleCased(text.replace(/[.!?…]/gu, " "));

/**
 * A slogan: short fragments in Title Case ("Meth. Not Even Once."), or with a one-word fragment ("Meth. We’re
 * on it."). Two short sentences of speech are neither ('"Everything seemed under control. They did a
 * great job."').
 */
function slogan(text: string): boolean {
  const fragments = fragmentsOf(text);
  return shortFragments(fragments) && (titleCase(text) || fragments.some((f) => wordCount(f) === 1));
}

/**
 * A paragraph's sentences, with a slogan's fragments joined again: inside one pair of quotation marks
 * ('the “Meth. We’re on it.” campaign'), or a whole paragraph in Title Case (a headline: "Meth. We're On
 * It."). A paragraph of short sentences is not Title Case ("Yes, that's it. No joke.").
 */
function paragraphSentences(text: string): Sentence[] {
  const sentences = splitSentences(text);
  if (sentences.length < 2) return sentences;
  if (shortFragments(fragmentsOf(text)) && titleCase(text)) return [{ text, start: 0, end: text.length }];
  let out = sentences;
  for (const q of findQuotes(text).filter((x) => slogan(x.text))) {
    const inside = out.filter((s) => s.start < q.end && q.start < s.end);
    if (inside.length < 2) continue;
    const start = inside[0]!.start;
    const end = inside.at(-1)!.end;
    out = [...out.filter((s) => s.end <= start), { text: text.slice(start, end), start, end }, ...out.filter((s) => s.start >= end)];
  }
  return out;
}

/** Sentences of a clean body, with offsets into the body (not into the paragraph). */
export function bodySentences(body: string): BodySentence[] {
  const out: BodySentence[] = [];
  splitParagraphs(body).forEach((p, paragraph) => {
    for (const s of paragraphSentences(p.text)) {
      out.push({ index: out.length, paragraph, text: s.text, start: p.start + s.start, end: p.start + s.end });
    }
  });
  return out;
}

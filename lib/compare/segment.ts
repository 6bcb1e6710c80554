import { splitParagraphs, splitSentences } from "@/lib/text";

export interface BodySentence {
  /** Position in the article, 0-based, counted over the whole body. */
  index: number;
  paragraph: number;
  text: string;
  /** Offsets into the article body. */
  start: number;
  end: number;
}

/** Sentences of a clean body, with offsets into the body (not into the paragraph). */
export function bodySentences(body: string): BodySentence[] {
  const out: BodySentence[] = [];
  splitParagraphs(body).forEach((p, paragraph) => {
    for (const s of splitSentences(p.text)) {
      out.push({ index: out.length, paragraph, text: s.text, start: p.start + s.start, end: p.start + s.end });
    }
  });
  return out;
}

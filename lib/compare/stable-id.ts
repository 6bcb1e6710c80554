// Claim ids: a content hash of the reference article's id and its normalised sentence, so the same row
// gets the same id on every run; compareArticles carries previous ids over when new articles join.

import { tokenize } from "@/lib/text";

/** 64-bit FNV-1a as two 32-bit halves; deterministic, dependency-free, fine for ids (not for security). */
function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0").slice(0, 4);
}

export function normaliseSentence(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(" ");
}

export function sentenceKey(articleId: string, text: string): string {
  return `${articleId}\u0000${normaliseSentence(text)}`;
}

export function claimId(articleId: string, text: string): string {
  return fnv1a64(sentenceKey(articleId, text));
}

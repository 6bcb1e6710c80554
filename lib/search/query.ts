// What a reader types in the search box, reduced to the words every result must contain. Matching is by
// substring (ILIKE), so "Zelensky" finds "Zelenskyy" and "Korea" finds "North Korean"; each word must
// match somewhere (a story's headlines or the names of who and what it is about), in any order.
import { z } from "zod";

export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 8;

export const searchParamsSchema = z.object({
  q: z
    .string({ error: "Give the words to search for in q." })
    .trim()
    .min(1, "Type at least one character to search for.")
    .max(MAX_QUERY_LENGTH, `A search is at most ${MAX_QUERY_LENGTH} characters.`),
});

/**
 * The distinct words of a query, in order, at most eight. Punctuation separates words, except inside
 * one ("O'Brien", "al-Assad", "6.1"); a possessive ending is dropped. A one-letter word left by a possessive ("Kyiv's" → "Kyiv", "s") is
 * dropped when a longer word exists, so it does not match every title.
 */
export function searchWords(query: string): string[] {
  const words = query.normalize("NFKC").match(/[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu) ?? [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of words) {
    // "Ukraine's" searches for "Ukraine": the possessive is the outlet's grammar, not the name.
    const w = raw.replace(/['’]s$/iu, "") || raw;
    const key = w.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  const long = out.filter((w) => w.length > 1);
  return (long.length ? long : out).slice(0, MAX_WORDS);
}

/** A substring pattern for ILIKE with the word's own wildcard characters taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

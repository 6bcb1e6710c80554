// Content fingerprints: an exact hash for duplicates, and shingle containment for reprints (a wire
// story another outlet printed with small edits).
import { createHash } from "node:crypto";
import { normalizeForHash } from "@/lib/extract";
import { words } from "@/lib/text";

export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The duplicate key of an article: its body with case, spacing, quotes and punctuation ignored. */
export function contentHash(body: string): string {
  return sha256Hex(normalizeForHash(body));
}

const SHINGLE = 5;

/** Word 5-shingles of a text, as a set of strings. */
export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(" "));
  if (out.size === 0 && w.length) out.add(w.join(" "));
  return out;
}

/** Share of the smaller text's shingles found in the larger: 1 for a verbatim copy, ~0 for paraphrase. */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let hit = 0;
  for (const s of small) if (large.has(s)) hit++;
  return hit / small.size;
}

// Independent reports of one event share names and short phrases but almost never runs of five words
// across most of the text; a reprint with a new lead and byline keeps well over half of them.
export const REPRINT_MIN_CONTAINMENT = 0.6;

// Word-level difference between a sentence and its row's reference sentence: LCS over normalised word
// tokens (sentences are short, so the O(n·m) table is cheap). Words keep their printed form and offsets.

import { tokenize } from "@/lib/text";
import { stemWord } from "./stem";
import type { DiffToken } from "./types";

interface Word {
  text: string;
  key: string;
  start: number;
  end: number;
}

function wordsAt(text: string, offset: number): Word[] {
  return tokenize(text).map((t) => ({ text: t.text, key: stemWord(t.norm), start: t.start + offset, end: t.end + offset }));
}

/**
 * Diff `text` (at body offset `offset`) against `refText`. Words of `text` in the common subsequence are
 * "same"; a run of its words standing where the reference has other words is "changed" (with those
 * words in `ref`); a run where the reference has nothing is "only".
 */
export function diffWords(text: string, offset: number, refText: string): DiffToken[] {
  const a = wordsAt(text, offset);
  const b = wordsAt(refText, 0);
  const n = a.length;
  const m = b.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i]!.key === b[j]!.key ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);

  const out: DiffToken[] = [];
  let i = 0;
  let j = 0;
  let pendingA: Word[] = [];
  let pendingB: Word[] = [];
  const flush = () => {
    const op = pendingB.length > 0 ? "changed" : "only";
    const ref = pendingB.length > 0 ? refText.slice(pendingB[0]!.start, pendingB.at(-1)!.end) : undefined;
    for (const w of pendingA) out.push(ref === undefined ? { text: w.text, op, start: w.start, end: w.end } : { text: w.text, op, start: w.start, end: w.end, ref });
    pendingA = [];
    pendingB = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i]!.key === b[j]!.key) {
      flush();
      out.push({ text: a[i]!.text, op: "same", start: a[i]!.start, end: a[i]!.end });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      pendingB.push(b[j]!);
      j++;
    } else {
      pendingA.push(a[i]!);
      i++;
    }
  }
  flush();
  return out;
}

import { splitSentences } from "./sentences";
import { isTimestampLine } from "./timestamp";

/**
 * `text` cut to at most `max` characters plus an ellipsis, at the last space when that keeps more than
 * half of it (a cut mid-word reads as a typo; a cut at the first space of a long word loses too much).
 */
export function clipAtWord(text: string, max: number): string {
  const s = text.replace(/\s+/g, " ").trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd() + "…";
}

/**
 * A title built from the lead when the file has none: its first sentence, cut at the last clause
 * boundary that fits. The words are the outlet's own; nothing is paraphrased. A dateline opening the lead
 * is skipped: it would title the article by its time.
 */
export function deriveTitle(lead: string, max = 110): string | null {
  // Line by line: a dateline on its own line is no sentence of the paragraph after it.
  const sentences = lead.split(/\n+/).flatMap((line) => splitSentences(line));
  const first = sentences.length ? (sentences.find((x) => !isTimestampLine(x.text))?.text ?? "") : lead;
  let s = first.replace(/\s+/g, " ").trim();
  if (!s) return null;
  if (s.length <= max) return s.replace(/[.;:,]$/, "");
  const window = s.slice(0, max + 1);
  const cut =
    lastMatch(window, /[,;:–—(]\s/g) ??
    lastMatch(window, /\s(?:that|which|who|after|before|as|while|because|amid|from|to|in|on|with|for|by|and|but|since|when|where|despite)\s/g) ??
    window.lastIndexOf(" ");
  if (cut > 30) s = s.slice(0, cut);
  else s = s.slice(0, max);
  return s.replace(/[\s,;:–—(]+$/, "") + "…";
}

function lastMatch(s: string, re: RegExp): number | null {
  let at: number | null = null;
  for (const m of s.matchAll(re)) if (m.index > 30) at = m.index;
  return at;
}

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

import type { DiffToken } from "@/lib/compare";

// A sentence as printed, with the words that differ from the row's reference sentence marked. The text is
// rebuilt from the body slice between tokens, so punctuation and spacing stay exactly the outlet's.
export function DiffText({ text, start, diff }: { text: string; start: number; diff: DiffToken[] }) {
  if (!diff.length) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  diff.forEach((t, i) => {
    const s = t.start - start;
    const e = t.end - start;
    if (s < cursor || e > text.length) return;
    if (s > cursor) parts.push(text.slice(cursor, s));
    const word = text.slice(s, e);
    if (t.op === "same") parts.push(word);
    else
      parts.push(
        <mark
          key={i}
          className={t.op === "changed" ? "rounded-sm bg-diff-add px-0.5 text-ink" : "rounded-sm bg-sky-100 px-0.5 text-ink"}
          title={t.op === "changed" && t.ref ? `Other wording: “${t.ref}”` : "Not in the other wording"}
        >
          {word}
        </mark>,
      );
    cursor = e;
  });
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}

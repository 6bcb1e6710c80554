// A story's title: the outlet headline that best represents the story (the one sharing most words with
// the other headlines), preferring headlines outlets printed over ones Parallax derived from a lead.
// When no article has a printed headline, the derived one is used and marked as Parallax's.
import { isStopWord, words } from "@/lib/text";

interface TitledArticle {
  title: string;
  titleDerived: boolean;
  publishedAt: Date | null;
}

function contentWords(title: string): Set<string> {
  return new Set(words(title).filter((w) => !isStopWord(w) && w.length > 1));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

export function storyTitle(articles: TitledArticle[], topEntities: { name: string }[]): { title: string; generated: boolean } {
  const printed = articles.filter((a) => !a.titleDerived && a.title.trim());
  const pool = printed.length ? printed : articles.filter((a) => a.title.trim());
  if (!pool.length) {
    const names = topEntities.slice(0, 3).map((e) => e.name);
    return { title: names.length ? names.join(", ") : "Untitled story", generated: true };
  }
  const sets = articles.map((a) => contentWords(a.title));
  let best = pool[0]!;
  let bestScore = -1;
  for (const candidate of pool) {
    const mine = contentWords(candidate.title);
    const score = sets.reduce((s, other) => s + jaccard(mine, other), 0);
    // Ties go to the earliest report, so the title does not flip as equal headlines arrive.
    const earlier = (candidate.publishedAt?.getTime() ?? Infinity) < (best.publishedAt?.getTime() ?? Infinity);
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && earlier)) {
      best = candidate;
      bestScore = score;
    }
  }
  return { title: best.title.trim(), generated: !printed.length };
}

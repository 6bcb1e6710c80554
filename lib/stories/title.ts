// A story's title: the headline that best represents its articles, else a neutral one made of the names
// the articles share. Choosing a printed headline (not writing one) keeps the title an outlet's words,
// attributable, rather than ours.

import { clipAtWord, deriveTitle, endsWithFullStop, isTimestampLine } from "@/lib/text";
import { contentTerms } from "./vector";

export interface TitleSource {
  title: string;
  /** True when the pipeline derived the title (e.g. from the first sentence) because none was printed. */
  titleDerived: boolean;
  publishedAt: Date | null;
  /** The article's text (its first sentence titles the story when no article has a usable title). */
  body?: string;
}

const MAX_TITLE_CHARS = 160;

function trimTitle(t: string): string {
  return clipAtWord(t, MAX_TITLE_CHARS);
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n / Math.sqrt(a.size * b.size);
}

const MAX_HEADLINE_CHARS = 110;
const MIN_HEADLINE_WORDS = 4;

/** Short, and not ended by a sentence's full stop ("...", "U.S." and "Inc." aside: lib/text's abbreviations). */
export function headlineShaped(title: string): boolean {
  const t = title.trim();
  return t.length <= MAX_HEADLINE_CHARS && !endsWithFullStop(t);
}

function neutralTitle(names: string[]): string {
  const picked = [...new Set(names.map((n) => n.trim()).filter(Boolean))].slice(0, 3);
  if (picked.length === 0) return "Untitled story";
  if (picked.length === 1) return picked[0]!;
  return `${picked.slice(0, -1).join(", ")} and ${picked[picked.length - 1]}`;
}

/**
 * The headline most similar to all the story's headlines (printed ones preferred over derived ones; ties
 * go to the earliest, then the shortest, then alphabetical), or, when no article has a title, one built
 * from the top entities (`generated: true`). A title that is only a timestamp ("PUBLISHED FRIDAY, MARCH 8,
 * 2013 AT 12: 46 PM", as the first line of an upload) is no title; when every title is one, the earliest
 * article's first sentence titles the story (marked as Parallax's choice, like any derived title).
 */
export function storyTitle(articles: TitleSource[], topEntities: { name: string }[]): { title: string; generated: boolean } {
  const withTitle = articles.filter((a) => a.title.trim() !== "" && !isTimestampLine(a.title));
  const printed = withTitle.filter((a) => !a.titleDerived);
  const candidates = printed.length > 0 ? printed : withTitle;
  // A "title" that is a whole sentence (an upload's first line, as ECB+'s texts give them) reads as a lead,
  // not a headline: when some titles are shaped like headlines, the story's title is one of those.
  const headlines = candidates.filter((a) => headlineShaped(a.title));
  // A label of two or three words ("Deputy Sheriff" atop a memorial page, "Fire at Waitrose") overlaps every
  // headline on the story's commonest words, and the overlap's length normalisation favoured it: a headline
  // that says what happened ("Deputy's killer gets death sentence") is preferred when there is one.
  const telling = headlines.filter((a) => a.title.trim().split(/\s+/).length >= MIN_HEADLINE_WORDS);
  const pool = telling.length > 0 ? telling : headlines.length > 0 ? headlines : candidates;
  if (pool.length === 0) {
    const lead = [...articles]
      .sort((x, y) => (x.publishedAt?.getTime() ?? Infinity) - (y.publishedAt?.getTime() ?? Infinity))
      .map((a) => (a.body ? deriveTitle(a.body) : null))
      .find((t) => t);
    return { title: lead ? trimTitle(lead) : neutralTitle(topEntities.map((e) => e.name)), generated: true };
  }

  const termSets = withTitle.map((a) => new Set(contentTerms(a.title)));
  const scored = pool.map((a) => {
    const own = new Set(contentTerms(a.title));
    let sum = 0;
    withTitle.forEach((b, i) => {
      if (b !== a) sum += overlap(own, termSets[i]!);
    });
    return { a, score: withTitle.length > 1 ? sum / (withTitle.length - 1) : 0 };
  });
  scored.sort(
    (x, y) =>
      y.score - x.score ||
      (x.a.publishedAt?.getTime() ?? Infinity) - (y.a.publishedAt?.getTime() ?? Infinity) ||
      x.a.title.length - y.a.title.length ||
      (x.a.title < y.a.title ? -1 : x.a.title > y.a.title ? 1 : 0),
  );
  // A title Parallax derived from a lead is shown as Parallax's wording, not as an outlet headline.
  return { title: trimTitle(scored[0]!.a.title), generated: printed.length === 0 };
}

// What some outlets carry and others leave out. Labels are Parallax's words and are marked generated.

import type { EntityGroup } from "./entity-groups";
import type { Claim, CompareArticle, Gap } from "./types";

export function displayName(article: CompareArticle): string {
  if (article.outlet?.name) return article.outlet.name;
  return article.title ? `“${article.title}”` : `article ${article.id}`;
}

function list(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Article labels as a reader's list of outlets: an outlet with two articles in the list is named once, with
 * its count ("nydailynews.com (2 articles)"), and "voices.yahoo.com (1 of 2 articles)" when the outlet has
 * more in the story (`storyLabels`) than in the list, so a gap never reads "appears in voices.yahoo.com ...,
 * not in voices.yahoo.com". The story page words its lists with it too.
 */
export function outletNames(labels: string[], storyLabels: string[] = labels): string[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const inStory = (l: string) => storyLabels.filter((x) => x === l).length;
  return [...counts].map(([l, n]) => (inStory(l) > n ? `${l} (${n} of ${inStory(l)} articles)` : n > 1 ? `${l} (${n} articles)` : l));
}

/** The outlets of some of the story's articles, each named once (outletNames). */
export function outletList(some: CompareArticle[], all: CompareArticle[]): string[] {
  return outletNames(some.map(displayName), all.map(displayName));
}

export function entityGaps(articles: CompareArticle[], groups: EntityGroup[]): Gap[] {
  if (articles.length < 2) return [];
  const scored = groups
    .filter((g) => g.type !== "OTHER")
    .map((g) => {
      const present = articles.filter((_, a) => g.perArticle[a]!.length > 0);
      const mentions = g.perArticle.reduce((s, es) => s + es.reduce((t, e) => t + e.mentions.length, 0), 0);
      return { g, present, mentions };
    })
    .filter((x) => x.present.length > 0 && x.present.length < articles.length)
    .sort((x, y) => y.mentions - x.mentions || x.g.name.localeCompare(y.g.name));
  return scored.map(({ g, present }) => {
    const absent = articles.filter((a) => !present.includes(a));
    const text =
      present.length === 1
        ? `${g.name} appears only in ${outletList(present, articles)[0]}`
        : `${g.name} appears in ${list(outletList(present, articles))}, not in ${list(outletList(absent, articles))}`;
    return { kind: "entity", key: g.key, presentIn: present.map((a) => a.id), absentFrom: absent.map((a) => a.id), label: { text, generated: true } };
  });
}

export function claimGaps(articles: CompareArticle[], claims: Claim[], onlyIn: Claim[]): Gap[] {
  if (articles.length < 2) return [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const out: Gap[] = [];
  for (const c of [...claims, ...onlyIn]) {
    const present = new Set(c.sentences.map((s) => s.articleId));
    if (present.size === articles.length) continue;
    const presentArticles = articles.filter((a) => present.has(a.id));
    const absent = articles.filter((a) => !present.has(a.id));
    const text =
      presentArticles.length === 1
        ? `Only ${displayName(byId.get(c.referenceArticleId)!)} reports this`
        : `Not reported by ${list(outletList(absent, articles))}`;
    out.push({ kind: "claim", key: c.id, presentIn: presentArticles.map((a) => a.id), absentFrom: absent.map((a) => a.id), label: { text, generated: true } });
  }
  return out;
}

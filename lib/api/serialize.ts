// JSON shapes of API v1. Routes and the CLI both answer with these, so the shapes live in one place.

interface OutletRef {
  id: string;
  name: string;
  slug: string;
}

export interface ArticleSummaryJson {
  id: string;
  title: string;
  titleDerived: boolean;
  outlet: OutletRef | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  permalink: string;
  story: { id: string; slug: string; url: string } | null;
}

export function storyUrl(origin: string, slug: string): string {
  return `${origin}/stories/${slug}`;
}

export function articleUrl(origin: string, id: string): string {
  return `${origin}/articles/${id}`;
}

export function articleSummary(
  origin: string,
  a: {
    id: string;
    title: string;
    titleDerived: boolean;
    byline: string | null;
    publishedAt: Date | null;
    url: string | null;
    outlet: OutletRef | null;
    story?: { id: string; slug: string } | null;
  },
): ArticleSummaryJson {
  return {
    id: a.id,
    title: a.title,
    titleDerived: a.titleDerived,
    outlet: a.outlet ? { id: a.outlet.id, name: a.outlet.name, slug: a.outlet.slug } : null,
    byline: a.byline,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    url: a.url,
    permalink: articleUrl(origin, a.id),
    story: a.story ? { id: a.story.id, slug: a.story.slug, url: storyUrl(origin, a.story.slug) } : null,
  };
}

export function storySummary(
  origin: string,
  s: {
    id: string;
    slug: string;
    title: string;
    titleGenerated: boolean;
    articleCount: number;
    outletCount: number;
    reprintCount: number;
    firstPublishedAt: Date | null;
    lastPublishedAt: Date | null;
    outlets: OutletRef[];
  },
) {
  return {
    id: s.id,
    slug: s.slug,
    url: storyUrl(origin, s.slug),
    title: s.title,
    titleGenerated: s.titleGenerated,
    articleCount: s.articleCount,
    outletCount: s.outletCount,
    reprintCount: s.reprintCount,
    outlets: s.outlets,
    firstPublishedAt: s.firstPublishedAt?.toISOString() ?? null,
    lastPublishedAt: s.lastPublishedAt?.toISOString() ?? null,
  };
}

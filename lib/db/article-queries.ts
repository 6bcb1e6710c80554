import { db } from "./client";

export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof getArticle>>>;

export async function getArticle(id: string) {
  return db().article.findUnique({
    where: { id },
    omit: { original: true },
    include: {
      outlet: { select: { id: true, name: true, slug: true } },
      story: { select: { id: true, slug: true, title: true, articleCount: true } },
      placement: { select: { assignment: true } },
      copyOf: { select: { id: true, title: true, outlet: { select: { name: true } } } },
      entities: {
        orderBy: { salience: "desc" },
        include: { entity: { select: { id: true, slug: true, name: true, type: true, key: true } } },
      },
    },
  });
}

export async function getArticleOriginal(id: string) {
  return db().article.findUnique({
    where: { id },
    select: { original: true, sourceFilename: true, sourceMediaType: true, sourceFormat: true },
  });
}

/** Summaries of several articles (ingest results), with outlet and story. */
export async function articlesByIds(ids: string[]) {
  if (!ids.length) return [];
  return db().article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      titleDerived: true,
      byline: true,
      publishedAt: true,
      url: true,
      outlet: { select: { id: true, name: true, slug: true } },
      story: { select: { id: true, slug: true } },
    },
  });
}

import { db } from "./client";

export async function getOutlet(slug: string) {
  return db().outlet.findUnique({
    where: { slug },
    include: {
      mergedInto: { select: { slug: true } },
      _count: { select: { articles: true } },
      articles: {
        orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
        take: 50,
        select: { id: true, title: true, titleDerived: true, byline: true, publishedAt: true, url: true, story: { select: { id: true, slug: true, title: true } } },
      },
    },
  });
}

export async function listOutlets() {
  return db().outlet.findMany({
    where: { mergedIntoId: null },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, domains: true, _count: { select: { articles: true } } },
  });
}

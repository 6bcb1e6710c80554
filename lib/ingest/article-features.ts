// What the story stage sees of a stored article, read the same way wherever stories are (re)built.
import type { Prisma } from "@/lib/db/client";
import type { ArticleFeatures } from "@/lib/stories";

export const featureSelect = {
  id: true,
  title: true,
  titleDerived: true,
  body: true,
  publishedAt: true,
  entities: { select: { salience: true, entity: { select: { key: true, type: true } } } },
} satisfies Prisma.ArticleSelect;

export type FeatureRow = Prisma.ArticleGetPayload<{ select: typeof featureSelect }>;

/** A headline Parallax derived from the lead is not an outlet's headline: it does not count as title terms. */
export function toArticleFeatures(a: FeatureRow): ArticleFeatures {
  return {
    id: a.id,
    publishedAt: a.publishedAt,
    title: a.titleDerived ? "" : a.title,
    body: a.body,
    entities: a.entities.map((e) => ({ key: e.entity.key, type: e.entity.type, salience: e.salience })),
  };
}

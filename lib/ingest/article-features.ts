// What the story stage sees of an article, built the same way wherever stories are (re)built: at upload
// (from the extracted article), at re-clustering (from the stored row) and in the benchmarks (from the
// extracted article, without a database), so the figures measure what uploads really get.
import type { Prisma } from "@/lib/db/client";
import type { ArticleEntity as StoryEntity, ArticleFeatures } from "@/lib/stories";
import type { ExtractedArticle } from "@/lib/extract";
import { extractEntities, type EntityResult } from "@/lib/entities";

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

/** The stored title of an extracted article: the printed headline, else the lead, else the text's start. */
export function storedTitle(x: ExtractedArticle): string {
  return x.title ?? x.lead ?? x.body.slice(0, 100);
}

/** The entities of a just-extracted article; a headline Parallax derived is not searched for names. */
export function extractedEntities(x: ExtractedArticle): EntityResult {
  return extractEntities({ title: x.titleDerived ? null : x.title, body: x.body, language: x.language });
}

/**
 * The features of a just-extracted article, exactly as the upload path places it: the upload passes the
 * entities as stored (storeEntities), the benchmarks' in-memory runs the extracted ones.
 */
export function uploadFeatures(id: string, x: ExtractedArticle, publishedAt: Date | null, entities: readonly StoryEntity[]): ArticleFeatures {
  return {
    id,
    publishedAt,
    title: x.titleDerived || !x.title ? "" : x.title,
    body: x.body,
    entities: entities.map((e): StoryEntity => ({ key: e.key, type: e.type, salience: e.salience })),
  };
}

// Recompute what a story shows after it changed (an article joined, moved or was corrected): counts,
// dates, top entities, title and slug, and the stored side-by-side comparison. Runs inside the same
// transaction as the change, so a reader never sees a story half-updated.
import type { Prisma } from "@/lib/db/client";
import { compareArticles, type CompareArticle, type StoryComparison } from "@/lib/compare";
import { storyTitle } from "@/lib/stories";
import { storySlug } from "./slug";

type Tx = Prisma.TransactionClient;

const TOP_ENTITIES = 8;

export async function refreshStory(tx: Tx, storyId: string): Promise<void> {
  const story = await tx.story.findUnique({ where: { id: storyId }, select: { id: true, slug: true, comparison: true } });
  if (!story) return;
  const articles = await tx.article.findMany({
    where: { storyId },
    orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      titleDerived: true,
      body: true,
      publishedAt: true,
      createdAt: true,
      outletId: true,
      copyOfId: true,
      outlet: { select: { id: true, name: true } },
      entities: { select: { salience: true, entity: { select: { key: true, name: true, type: true } } } },
      mentions: {
        select: { field: true, start: true, end: true, surface: true, descriptor: true, entity: { select: { key: true } } },
        orderBy: { start: "asc" },
      },
    },
  });

  if (!articles.length) {
    await tx.story.update({
      where: { id: storyId },
      data: { articleCount: 0, outletCount: 0, reprintCount: 0, comparison: undefined },
    });
    return;
  }

  const dates = articles.map((a) => a.publishedAt).filter((d): d is Date => d !== null);
  const outlets = new Set(articles.map((a) => a.outletId).filter(Boolean));
  const entityWeight = new Map<string, { key: string; name: string; type: string; weight: number }>();
  for (const a of articles) {
    for (const ae of a.entities) {
      const cur = entityWeight.get(ae.entity.key) ?? { ...ae.entity, weight: 0 };
      cur.weight += ae.salience;
      entityWeight.set(ae.entity.key, cur);
    }
  }
  const topEntities = [...entityWeight.values()]
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key))
    .slice(0, TOP_ENTITIES)
    .map((e) => ({ ...e, weight: Math.round(e.weight * 1000) / 1000 }));

  const { title, generated } = storyTitle(
    articles.map((a) => ({ title: a.title, titleDerived: a.titleDerived, publishedAt: a.publishedAt })),
    topEntities,
  );
  const slug = storySlug(title, story.id);
  if (slug !== story.slug) {
    // The old permalink keeps working: /stories/<old slug> answers with a permanent redirect.
    await tx.storyRedirect.upsert({
      where: { fromSlug: story.slug },
      create: { fromSlug: story.slug, storyId },
      update: { storyId },
    });
    await tx.storyRedirect.deleteMany({ where: { fromSlug: slug } });
  }

  const comparison = compareArticles(
    articles.map((a) => toCompareArticle(a)),
    (story.comparison as StoryComparison | null) ?? null,
  );

  const last = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
  await tx.story.update({
    where: { id: storyId },
    data: {
      title,
      titleGenerated: generated,
      slug,
      articleCount: articles.length,
      outletCount: outlets.size,
      reprintCount: articles.filter((a) => a.copyOfId).length,
      firstPublishedAt: dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null,
      lastPublishedAt: last,
      rankAt: last ?? articles.reduce((m, a) => (a.createdAt > m ? a.createdAt : m), articles[0]!.createdAt),
      topEntities,
      comparison: comparison as unknown as Prisma.InputJsonValue,
      comparedAt: new Date(),
    },
  });
}

type LoadedArticle = {
  id: string;
  title: string;
  titleDerived: boolean;
  body: string;
  publishedAt: Date | null;
  outlet: { id: string; name: string } | null;
  entities: { entity: { key: string; name: string; type: string } }[];
  mentions: {
    field: "TITLE" | "BODY";
    start: number;
    end: number;
    surface: string;
    descriptor: string | null;
    entity: { key: string };
  }[];
};

function toCompareArticle(a: LoadedArticle): CompareArticle {
  const byKey = new Map<string, CompareArticle["entities"][number]>();
  for (const ae of a.entities) {
    byKey.set(ae.entity.key, {
      key: ae.entity.key,
      name: ae.entity.name,
      type: ae.entity.type as CompareArticle["entities"][number]["type"],
      mentions: [],
    });
  }
  for (const m of a.mentions) {
    byKey.get(m.entity.key)?.mentions.push({
      field: m.field === "TITLE" ? "title" : "body",
      start: m.start,
      end: m.end,
      surface: m.surface,
      descriptor: m.descriptor,
    });
  }
  return {
    id: a.id,
    outlet: a.outlet,
    title: a.title,
    titleDerived: a.titleDerived,
    body: a.body,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    entities: [...byKey.values()],
  };
}

// Rebuild a story's clustering signature and index rows from its current articles, after an editor
// moved articles in or out (signatures are sums, so removing an article means summing again).
import type { Prisma } from "@/lib/db/client";
import { articleVector, updateSignature, type ArticleFeatures, type StorySignature } from "@/lib/stories";
import { indexStory, PgStoryStore } from "@/lib/ingest/pg-story-store";

type Tx = Prisma.TransactionClient;

export async function storyFeatures(tx: Tx, storyId: string): Promise<ArticleFeatures[]> {
  const articles = await tx.article.findMany({
    where: { storyId },
    orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      titleDerived: true,
      body: true,
      publishedAt: true,
      entities: { select: { salience: true, entity: { select: { key: true, type: true } } } },
    },
  });
  return articles.map((a) => ({
    id: a.id,
    publishedAt: a.publishedAt,
    title: a.titleDerived ? "" : a.title,
    body: a.body,
    entities: a.entities.map((e) => ({ key: e.entity.key, type: e.entity.type, salience: e.salience })),
  }));
}

export async function rebuildStorySignature(tx: Tx, storyId: string): Promise<void> {
  let sig: StorySignature | null = null;
  const store = new PgStoryStore(tx);
  for (const f of await storyFeatures(tx, storyId)) {
    await store.prepare(f);
    sig = updateSignature(sig, articleVector(f, store.stats()));
  }
  await tx.story.update({ where: { id: storyId }, data: { signature: (sig ?? undefined) as unknown as Prisma.InputJsonValue } });
  if (sig) await indexStory(tx, storyId, sig);
  else {
    await tx.storyEntity.deleteMany({ where: { storyId } });
    await tx.storyTerm.deleteMany({ where: { storyId } });
  }
}

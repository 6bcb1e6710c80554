// Rebuild a story's clustering signature and index rows from its current articles, after an editor
// moved articles in or out (signatures are sums, so removing an article means summing again).
import type { Prisma } from "@/lib/db/client";
import { articleVector, statsForArticle, updateSignature, type ArticleFeatures, type StorySignature } from "@/lib/stories";
import { indexStory, PgStoryStore } from "@/lib/ingest/pg-story-store";
import { featureSelect, toArticleFeatures } from "@/lib/ingest/article-features";

type Tx = Prisma.TransactionClient;

export async function storyFeatures(tx: Tx, storyId: string): Promise<ArticleFeatures[]> {
  const rows = await tx.article.findMany({
    where: { storyId },
    orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
    select: featureSelect,
  });
  return rows.map(toArticleFeatures);
}

export async function rebuildStorySignature(tx: Tx, storyId: string): Promise<void> {
  let sig: StorySignature | null = null;
  const store = new PgStoryStore(tx);
  for (const f of await storyFeatures(tx, storyId)) {
    sig = updateSignature(sig, articleVector(f, await statsForArticle(f, store)));
  }
  await tx.story.update({ where: { id: storyId }, data: { signature: (sig ?? undefined) as unknown as Prisma.InputJsonValue } });
  if (sig) await indexStory(tx, storyId, sig);
  else {
    await tx.storyEntity.deleteMany({ where: { storyId } });
    await tx.storyTerm.deleteMany({ where: { storyId } });
  }
}

// Editors' story decisions: move an article, merge two stories, split articles off into a new story.
// Each is recorded (StoryDecision) and pins the articles it placed (Article.storyPinned), which
// re-clustering respects. A merged story's permalink redirects (308) to the story it went into.
import { bindTxSql, db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { refreshStory } from "@/lib/ingest/refresh-story";
import { shortId, storySlug } from "@/lib/ingest/slug";
import { STORY_LOCK } from "@/lib/ingest/story-lock";
import { rebuildStorySignature } from "./story-signature";

type Tx = Prisma.TransactionClient;

async function liveStory(tx: Tx, slug: string) {
  const s = await tx.story.findUnique({ where: { slug } });
  if (!s) throw new AppError("NOT_FOUND", "STORY_NOT_FOUND", `No story at ${slug}.`);
  if (s.mergedIntoId) throw new AppError("CONFLICT", "STORY_MERGED", `That story was merged into another one.`);
  return s;
}

async function newStory(tx: Tx, title: string): Promise<string> {
  const id = shortId();
  await tx.story.create({ data: { id, slug: storySlug(title, id), title } });
  return id;
}

/** After articles left a story: an emptied story redirects to where its articles went. */
async function settle(tx: Tx, storyIds: string[], emptiedGoTo: string | null): Promise<void> {
  for (const id of new Set(storyIds)) {
    const count = await tx.article.count({ where: { storyId: id } });
    if (count === 0 && emptiedGoTo && emptiedGoTo !== id) {
      const s = await tx.story.update({ where: { id }, data: { mergedIntoId: emptiedGoTo, articleCount: 0, outletCount: 0 } });
      await tx.storyRedirect.upsert({ where: { fromSlug: s.slug }, create: { fromSlug: s.slug, storyId: emptiedGoTo }, update: { storyId: emptiedGoTo } });
      await tx.storyRedirect.updateMany({ where: { storyId: id }, data: { storyId: emptiedGoTo } });
      await tx.storyEntity.deleteMany({ where: { storyId: id } });
      await tx.storyTerm.deleteMany({ where: { storyId: id } });
      continue;
    }
    await rebuildStorySignature(tx, id);
    await refreshStory(tx, id);
  }
}

const OPTS = { timeout: 120_000 };

/**
 * Every edit starts by taking the story lock, with the statement uploads use (ingest-articles.ts): an upload
 * placed while an edit rebuilds a story's signature would otherwise add its article to a signature or counts
 * the edit then overwrites (or the reverse). Taken first, so everything the edit reads is read under it.
 */
const lockStories = (tx: Tx) => bindTxSql(tx, STORY_LOCK);

/** The articles' explanation ("why it is in its story") says an editor put them there, and how. */
async function placedByEditor(tx: Tx, articleIds: string[], how: "moved" | "split"): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ArticleAssignment" ("articleId", assignment)
    SELECT id, jsonb_build_object('editor', ${how}::text) FROM unnest(${articleIds}::text[]) AS id
    ON CONFLICT ("articleId") DO UPDATE SET assignment = EXCLUDED.assignment`;
}

/** Move one article into another story (`targetSlug`), or into a new story of its own (null). */
export async function moveArticle(articleId: string, targetSlug: string | null): Promise<{ slug: string }> {
  return db().$transaction(async (tx) => {
    await lockStories(tx);
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, storyId: true, title: true } });
    if (!article) throw new AppError("NOT_FOUND", "ARTICLE_NOT_FOUND", `No article with id ${articleId}.`);
    const target = targetSlug ? (await liveStory(tx, targetSlug)).id : await newStory(tx, article.title);
    if (target === article.storyId) throw new AppError("INVALID_INPUT", "SAME_STORY", "The article is already in that story.");
    await tx.article.update({ where: { id: articleId }, data: { storyId: target, storyPinned: true } });
    await placedByEditor(tx, [articleId], "moved");
    await tx.storyDecision.create({ data: { kind: "MOVE", payload: { articleId, from: article.storyId, to: target } } });
    await settle(tx, [target, ...(article.storyId ? [article.storyId] : [])], target);
    return { slug: (await tx.story.findUniqueOrThrow({ where: { id: target }, select: { slug: true } })).slug };
  }, OPTS);
}

/** Merge story `fromSlug` into `intoSlug`: all its articles move, and its permalink redirects. */
export async function mergeStories(fromSlug: string, intoSlug: string): Promise<{ slug: string }> {
  if (fromSlug === intoSlug) throw new AppError("INVALID_INPUT", "SAME_STORY", "A story cannot be merged into itself.");
  return db().$transaction(async (tx) => {
    await lockStories(tx);
    const from = await liveStory(tx, fromSlug);
    const into = await liveStory(tx, intoSlug);
    await tx.article.updateMany({ where: { storyId: { in: [from.id, into.id] } }, data: { storyPinned: true } });
    await tx.article.updateMany({ where: { storyId: from.id }, data: { storyId: into.id } });
    await tx.storyDecision.create({ data: { kind: "MERGE", payload: { from: from.id, into: into.id } } });
    await settle(tx, [from.id, into.id], into.id);
    return { slug: (await tx.story.findUniqueOrThrow({ where: { id: into.id }, select: { slug: true } })).slug };
  }, OPTS);
}

/** Split the given articles off a story into a new story. */
export async function splitStory(slug: string, articleIds: string[]): Promise<{ slug: string }> {
  return db().$transaction(async (tx) => {
    await lockStories(tx);
    const story = await liveStory(tx, slug);
    const members = await tx.article.findMany({ where: { storyId: story.id }, select: { id: true, title: true } });
    const moving = members.filter((m) => articleIds.includes(m.id));
    if (moving.length !== new Set(articleIds).size) throw new AppError("UNPROCESSABLE", "NOT_IN_STORY", "Every article to split off must belong to the story.");
    if (!moving.length || moving.length === members.length) {
      throw new AppError("UNPROCESSABLE", "SPLIT_NEEDS_SUBSET", "Choose some, but not all, of the story's articles to split off.");
    }
    const target = await newStory(tx, moving[0]!.title);
    await tx.article.updateMany({ where: { storyId: story.id }, data: { storyPinned: true } });
    await tx.article.updateMany({ where: { id: { in: moving.map((m) => m.id) } }, data: { storyId: target } });
    await placedByEditor(tx, moving.map((m) => m.id), "split");
    await tx.storyDecision.create({ data: { kind: "SPLIT", payload: { from: story.id, to: target, articleIds } } });
    await settle(tx, [story.id, target], null);
    return { slug: (await tx.story.findUniqueOrThrow({ where: { id: target }, select: { slug: true } })).slug };
  }, OPTS);
}

// Editors' entity decisions. Both are recorded (EntityDecision) and honoured by later ingestion:
// a merged key resolves to its target (Entity.mergedIntoId), and a split alias keeps going to the entity
// split off for it (lib/ingest/store-entities reads the SPLIT decisions).
import { bindTxSql, db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { slugify } from "@/lib/ingest/slug";
import { refreshStory } from "@/lib/ingest/refresh-story";
import { STORY_LOCK } from "@/lib/ingest/story-lock";
import { entityStatKey } from "@/lib/ingest/pg-story-store";
import { applyTermStatQueue } from "@/lib/ingest/term-stats";
import { rebuildStorySignature } from "./story-signature";

type Tx = Prisma.TransactionClient;

async function entityBySlug(tx: Tx, slug: string) {
  const e = await tx.entity.findUnique({ where: { slug } });
  if (!e) throw new AppError("NOT_FOUND", "ENTITY_NOT_FOUND", `No entity at ${slug}.`);
  if (e.mergedIntoId) throw new AppError("CONFLICT", "ENTITY_MERGED", `${e.name} was already merged into another entity.`);
  return e;
}

/**
 * Both edits rewrite story rows (they sum the touched stories' signatures and index rows again, recount
 * the entities' statistics from an emptied queue, and refresh the stories naming the entities): they take
 * the story lock first, with the statement uploads and story edits use, so that an upload placed meanwhile
 * neither writes index rows or queued statistics the edit then overwrites nor is left out of a signature or
 * story refresh that read the story's articles before it joined.
 */
const lockStories = (tx: Tx) => bindTxSql(tx, STORY_LOCK);

async function refreshStoriesOf(tx: Tx, entityIds: string[]): Promise<void> {
  const stories = await tx.article.findMany({
    where: { entities: { some: { entityId: { in: entityIds } } }, storyId: { not: null } },
    select: { storyId: true },
    distinct: ["storyId"],
  });
  for (const s of stories) await refreshStory(tx, s.storyId!);
}

/** Merge `fromSlug` into `intoSlug`: its mentions, aliases and story index rows move; its page redirects. */
export async function mergeEntities(fromSlug: string, intoSlug: string): Promise<{ slug: string }> {
  if (fromSlug === intoSlug) throw new AppError("INVALID_INPUT", "SAME_ENTITY", "An entity cannot be merged into itself.");
  return db().$transaction(
    async (tx) => {
      await lockStories(tx);
      const from = await entityBySlug(tx, fromSlug);
      const into = await entityBySlug(tx, intoSlug);
      if (from.type !== into.type) {
        throw new AppError("UNPROCESSABLE", "TYPE_MISMATCH", `${from.name} is a ${from.type.toLowerCase()} and ${into.name} a ${into.type.toLowerCase()}; only entities of one type can be merged.`);
      }
      // The stories indexed under the source (every signature key has its index row: the write-back keeps both).
      const indexed = await tx.storyEntity.findMany({ where: { entityId: from.id }, select: { storyId: true } });
      await tx.mention.updateMany({ where: { entityId: from.id }, data: { entityId: into.id } });
      // Articles naming both keep one row: fold the source's into the target's.
      const rows = await tx.articleEntity.findMany({ where: { entityId: from.id } });
      for (const r of rows) {
        const existing = await tx.articleEntity.findUnique({ where: { articleId_entityId: { articleId: r.articleId, entityId: into.id } } });
        if (existing) {
          await tx.articleEntity.update({
            where: { articleId_entityId: { articleId: r.articleId, entityId: into.id } },
            data: {
              salience: Math.max(existing.salience, r.salience),
              mentionCount: existing.mentionCount + r.mentionCount,
              surfaceForms: [...new Set([...existing.surfaceForms, ...r.surfaceForms])],
              descriptors: [...new Set([...existing.descriptors, ...r.descriptors])],
            },
          });
        } else {
          await tx.articleEntity.create({ data: { ...r, entityId: into.id } });
        }
      }
      await tx.articleEntity.deleteMany({ where: { entityId: from.id } });
      const aliases = [...new Set([...into.aliases, from.name, ...from.aliases])].filter((a) => a !== into.name);
      const articleCount = await tx.articleEntity.count({ where: { entityId: into.id } });
      await tx.entity.update({ where: { id: into.id }, data: { aliases, articleCount } });
      await tx.entity.update({ where: { id: from.id }, data: { mergedIntoId: into.id, articleCount: 0 } });
      await recountEntityStatistics(tx, [
        { key: from.key, articles: 0 },
        { key: into.key, articles: articleCount },
      ]);
      await rebuildSignatures(tx, indexed.map((r) => r.storyId));
      await tx.storyEntity.deleteMany({ where: { entityId: from.id } });
      await tx.entityDecision.create({ data: { kind: "MERGE", fromKey: from.key, toKey: into.key } });
      await refreshStoriesOf(tx, [into.id]);
      return { slug: into.slug };
    },
    { timeout: 120_000 },
  );
}

/**
 * The stories' signatures and index rows summed again from their articles as they are now stored, as a
 * re-cluster would build them. Left alone, a merged-away key would stay in those signatures (and the next
 * placement in such a story would write its index row back), and a split-off name would never enter them.
 */
async function rebuildSignatures(tx: Tx, storyIds: Iterable<string>): Promise<void> {
  for (const id of [...new Set(storyIds)].sort()) await rebuildStorySignature(tx, id);
}

/**
 * The entities' document frequencies (TermStat "@key") as a re-cluster would count them: each entity named
 * by `articles` articles (0: no row). The queued statistics are applied first, in this transaction: under
 * the story lock no placement is in flight, so once the queue is empty TermStat counts every committed
 * article and the counts can be set outright.
 */
async function recountEntityStatistics(tx: Tx, counts: { key: string; articles: number }[]): Promise<void> {
  await applyTermStatQueue({ force: true, client: tx });
  for (const { key, articles } of counts) {
    const term = entityStatKey(key);
    if (articles > 0) await tx.termStat.upsert({ where: { term }, create: { term, df: articles }, update: { df: articles } });
    else await tx.termStat.deleteMany({ where: { term } });
  }
}

/** Split a wrongly merged name off an entity: mentions printed as `alias` move to a new entity. */
export async function splitAlias(slug: string, alias: string): Promise<{ slug: string }> {
  const name = alias.trim();
  if (!name) throw new AppError("INVALID_INPUT", "EMPTY_ALIAS", "Name the alias to split off.");
  return db().$transaction(
    async (tx) => {
      await lockStories(tx);
      const entity = await entityBySlug(tx, slug);
      const mentions = await tx.mention.findMany({ where: { entityId: entity.id, surface: name } });
      if (!mentions.length && !entity.aliases.includes(name)) {
        throw new AppError("UNPROCESSABLE", "UNKNOWN_ALIAS", `${entity.name} is never written “${name}”.`);
      }
      const key = `${entity.key}~${slugify(name) || "alias"}`;
      const split = await tx.entity.upsert({
        where: { key },
        create: { key, slug: await freeSlug(tx, slugify(name) || entity.slug), name, type: entity.type, aliases: [], relatedKeys: [] },
        update: { mergedIntoId: null },
      });
      await tx.mention.updateMany({ where: { entityId: entity.id, surface: name }, data: { entityId: split.id } });
      // Recount both sides' per-article rows from the mentions that now belong to each.
      const articleIds = [...new Set(mentions.map((m) => m.articleId))];
      for (const articleId of articleIds) {
        for (const target of [entity, split]) {
          const ms = await tx.mention.findMany({ where: { articleId, entityId: target.id } });
          const where = { articleId_entityId: { articleId, entityId: target.id } };
          if (!ms.length) {
            await tx.articleEntity.deleteMany({ where: { articleId, entityId: target.id } });
            continue;
          }
          const data = {
            mentionCount: ms.length,
            surfaceForms: [...new Set(ms.map((m) => m.surface))],
            descriptors: [...new Set(ms.map((m) => m.descriptor).filter((d): d is string => Boolean(d)))],
          };
          const old = await tx.articleEntity.findUnique({ where: { articleId_entityId: { articleId, entityId: entity.id } } });
          await tx.articleEntity.upsert({ where, create: { articleId, entityId: target.id, salience: old?.salience ?? 0.1, ...data }, update: data });
        }
      }
      const kept = await tx.articleEntity.count({ where: { entityId: entity.id } });
      const moved = await tx.articleEntity.count({ where: { entityId: split.id } });
      await tx.entity.update({ where: { id: entity.id }, data: { aliases: entity.aliases.filter((a) => a !== name), articleCount: kept } });
      await tx.entity.update({ where: { id: split.id }, data: { articleCount: moved } });
      await recountEntityStatistics(tx, [
        { key: entity.key, articles: kept },
        { key: split.key, articles: moved },
      ]);
      await tx.entityDecision.create({ data: { kind: "SPLIT", fromKey: entity.key, toKey: key, alias: name } });
      const touched = await tx.article.findMany({ where: { id: { in: articleIds }, storyId: { not: null } }, select: { storyId: true } });
      await rebuildSignatures(tx, touched.map((a) => a.storyId!));
      await refreshStoriesOf(tx, [entity.id, split.id]);
      return { slug: split.slug };
    },
    { timeout: 120_000 },
  );
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.entity.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

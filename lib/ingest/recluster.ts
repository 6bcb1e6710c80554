// Rebuild every story from scratch, in publication order, through the same scorer uploads use.
// Editors' decisions hold: pinned articles stay together in their story. Permalinks survive: each new
// cluster takes over the old story that holds most of its articles, and an old story left without
// articles redirects (308) to the cluster that took most of them.
import { db, type Prisma } from "@/lib/db/client";
import { articleTermSet, InMemoryStoryStore, placeArticle, type ArticleFeatures, type Assignment } from "@/lib/stories";
import { featureSelect, toArticleFeatures } from "./article-features";
import { indexStory } from "./pg-story-store";
import { refreshStory } from "./refresh-story";
import { shortId, storySlug } from "./slug";

export interface ReclusterReport {
  articles: number;
  storiesBefore: number;
  storiesAfter: number;
  kept: number;
  created: number;
  mergedAway: number;
  changedArticles: number;
  seconds: number;
}

const BATCH = 2000;

async function* articlesInOrder(): AsyncGenerator<{ features: ArticleFeatures; storyId: string | null; pinned: boolean; createdAt: Date }> {
  // Publication order; undated articles by when they arrived. The ordered ids are read first (small),
  // then the rows in batches, so memory holds one batch of bodies at a time.
  const order = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM "Article" ORDER BY COALESCE("publishedAt", "createdAt"), "createdAt", id`;
  for (let i = 0; i < order.length; i += BATCH) {
    const ids = order.slice(i, i + BATCH).map((r) => r.id);
    const rows = await db().article.findMany({
      where: { id: { in: ids } },
      select: { ...featureSelect, createdAt: true, storyId: true, storyPinned: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const a = byId.get(id);
      if (!a) continue;
      yield {
        features: toArticleFeatures(a),
        storyId: a.storyId,
        pinned: a.storyPinned,
        createdAt: a.createdAt,
      };
    }
  }
}

export async function reclusterAll(onProgress?: (done: number) => void): Promise<ReclusterReport> {
  const t0 = Date.now();
  const store = new InMemoryStoryStore();
  const oldStory = new Map<string, string | null>(); // article -> story before
  const assignments = new Map<string, Assignment | null>();
  const pinnedCluster = new Map<string, string>(); // old story id -> cluster label of its pinned articles
  const df = new Map<string, number>();
  let n = 0;

  for await (const { features, storyId, pinned } of articlesInOrder()) {
    oldStory.set(features.id, storyId);
    const { assignment, vector } = await placeArticle(features, store);
    let label: string;
    if (pinned && storyId) {
      // An editor put this article here: it joins its pinned companions, whatever the scores say.
      const existing = pinnedCluster.get(storyId);
      label = store.add(features, vector, existing ?? null);
      pinnedCluster.set(storyId, label);
      assignments.set(features.id, null);
    } else {
      label = store.add(features, vector, assignment.storyId);
      assignments.set(features.id, assignment);
    }
    for (const t of articleTermSet(features)) df.set(t, (df.get(t) ?? 0) + 1);
    for (const k of new Set(features.entities.map((e) => `@${e.key}`))) df.set(k, (df.get(k) ?? 0) + 1);
    if (++n % 1000 === 0) onProgress?.(n);
  }
  df.set("#articles", n);

  // Clusters -> members.
  const members = new Map<string, string[]>();
  const formerMembers = new Map<string, string[]>(); // old story -> its articles
  for (const [articleId, old] of oldStory) {
    const label = store.storyOf(articleId)!;
    (members.get(label) ?? members.set(label, []).get(label)!).push(articleId);
    if (old) (formerMembers.get(old) ?? formerMembers.set(old, []).get(old)!).push(articleId);
  }
  // Each cluster takes over the old story holding most of its articles (largest overlaps first).
  const overlaps: { label: string; story: string; count: number }[] = [];
  for (const [label, ids] of members) {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const s = oldStory.get(id);
      if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    for (const [story, count] of counts) overlaps.push({ label, story, count });
  }
  overlaps.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1) || (a.story < b.story ? -1 : 1));
  const labelToStory = new Map<string, string>();
  const takenStories = new Set<string>();
  for (const o of overlaps) {
    if (labelToStory.has(o.label) || takenStories.has(o.story)) continue;
    labelToStory.set(o.label, o.story);
    takenStories.add(o.story);
  }
  let created = 0;
  for (const label of members.keys()) {
    if (!labelToStory.has(label)) {
      labelToStory.set(label, shortId());
      created++;
    }
  }

  const liveBefore = await db().story.findMany({ where: { mergedIntoId: null }, select: { id: true, slug: true } });
  const changedStories = new Set<string>();
  let changedArticles = 0;
  let mergedAway = 0;

  await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x5041_5258})`;
      for (const [label, ids] of members) {
        const storyId = labelToStory.get(label)!;
        if (!takenStories.has(storyId)) {
          const first = await tx.article.findUniqueOrThrow({ where: { id: ids[0]! }, select: { title: true } });
          await tx.story.create({ data: { id: storyId, slug: storySlug(first.title, storyId), title: first.title } });
        }
        const moving = ids.filter((id) => oldStory.get(id) !== storyId);
        changedArticles += moving.length;
        if (moving.length) {
          changedStories.add(storyId);
          for (const id of moving) {
            const old = oldStory.get(id);
            if (old) changedStories.add(old);
          }
        }
        // Every article's explanation is rewritten: the scores come from this run.
        for (let i = 0; i < ids.length; i += 2000) {
          const chunk = ids.slice(i, i + 2000);
          const why = chunk.map((id) => JSON.stringify(assignments.get(id) ?? { editor: "pinned" }));
          await tx.$executeRaw`
            UPDATE "Article" AS a SET "storyId" = ${storyId}, assignment = v.why::jsonb
            FROM unnest(${chunk}::text[], ${why}::text[]) AS v(id, why) WHERE a.id = v.id`;
        }
        const sig = store.story(label)!.signature;
        await tx.story.update({ where: { id: storyId }, data: { signature: sig as unknown as Prisma.InputJsonValue } });
        await indexStory(tx, storyId, sig);
      }

      // Old stories that no cluster took over: redirect to where most of their articles went.
      for (const s of liveBefore) {
        if (takenStories.has(s.id)) continue;
        const counts = new Map<string, number>();
        for (const articleId of formerMembers.get(s.id) ?? []) {
          const to = labelToStory.get(store.storyOf(articleId)!)!;
          counts.set(to, (counts.get(to) ?? 0) + 1);
        }
        const target = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
        await tx.storyEntity.deleteMany({ where: { storyId: s.id } });
        await tx.storyTerm.deleteMany({ where: { storyId: s.id } });
        if (target) {
          await tx.story.update({ where: { id: s.id }, data: { mergedIntoId: target, articleCount: 0, outletCount: 0, signature: undefined } });
          await tx.storyRedirect.upsert({ where: { fromSlug: s.slug }, create: { fromSlug: s.slug, storyId: target }, update: { storyId: target } });
          await tx.storyRedirect.updateMany({ where: { storyId: s.id }, data: { storyId: target } });
          mergedAway++;
        }
      }

      await tx.termStat.deleteMany({});
      const entries = [...df];
      for (let i = 0; i < entries.length; i += 5000) {
        await tx.termStat.createMany({ data: entries.slice(i, i + 5000).map(([term, count]) => ({ term, df: count })) });
      }
      for (const id of changedStories) await refreshStory(tx, id);
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );

  return {
    articles: n,
    storiesBefore: liveBefore.length,
    storiesAfter: members.size,
    kept: members.size - created,
    created,
    mergedAway,
    changedArticles,
    seconds: (Date.now() - t0) / 1000,
  };
}

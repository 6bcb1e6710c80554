// Editors' decisions against a real PostgreSQL: moving, merging and splitting stories; merging entities
// and splitting an alias off. Each must leave consistent counts and working permalinks.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "./integration-db";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/ingest/ingest-articles";
import { getStoryBySlug } from "@/lib/db/story-queries";
import { getEntityBySlug } from "@/lib/db/entity-queries";
import { mergeStories, moveArticle, splitStory } from "@/lib/editor/story-edits";
import { mergeEntities, splitAlias } from "@/lib/editor/entity-edits";

withTestDatabase();

const enc = (s: string) => new TextEncoder().encode(s);

async function add(name: string, text: string, outlet: string) {
  const [r] = await ingest([{ kind: "file", filename: name, bytes: enc(text) }], { source: "API", hints: { outlet } });
  expect(r!.status).toBe("created");
  return db().article.findUniqueOrThrow({ where: { id: r!.articleId! }, include: { story: true } });
}

const flood = (river: string, town: string, extra: string) =>
  `${river} floods ${town} after record rainfall\n\n` +
  `The ${river} burst its banks in ${town} on Thursday after record rainfall, forcing hundreds of residents from their homes, Mayor Anna Kowalczyk said.\n\n` +
  `Emergency crews evacuated two care homes in ${town} and closed the main bridge over the ${river} as the water kept rising overnight. ${extra}\n\n` +
  `Forecasters warned that more rain was expected in the region over the weekend.`;

describe("story edits", () => {
  it("moves, splits and merges, keeping counts and permalinks consistent", async () => {
    const a = await add("a.txt", flood("Vistula", "Sandomierz", "Volunteers filled sandbags."), "Outlet A");
    const b = await add("b.txt", flood("Vistula", "Sandomierz", "The army sent soldiers to help."), "Outlet B");
    expect(b.storyId).toBe(a.storyId);
    const story = await db().story.findUniqueOrThrow({ where: { id: a.storyId! } });
    expect(story.articleCount).toBe(2);

    // Split b off: a new story, both pinned.
    const split = await splitStory(story.slug, [b.id]);
    const splitStoryRow = await db().story.findUniqueOrThrow({ where: { slug: split.slug } });
    expect(splitStoryRow.articleCount).toBe(1);
    expect((await db().story.findUniqueOrThrow({ where: { id: story.id } })).articleCount).toBe(1);
    expect((await db().article.findUniqueOrThrow({ where: { id: b.id } })).storyPinned).toBe(true);

    // Merge it back: the split story's permalink now redirects to the surviving one.
    const merged = await mergeStories(split.slug, (await db().story.findUniqueOrThrow({ where: { id: story.id } })).slug);
    expect((await db().story.findUniqueOrThrow({ where: { slug: merged.slug } })).articleCount).toBe(2);
    expect(await getStoryBySlug(split.slug)).toEqual({ kind: "redirect", slug: merged.slug });
    const decisions = await db().storyDecision.findMany({ orderBy: { createdAt: "asc" } });
    expect(decisions.map((d) => d.kind)).toEqual(["SPLIT", "MERGE"]);

    // Move a to a story of its own.
    const moved = await moveArticle(a.id, null);
    const movedStory = await db().story.findUniqueOrThrow({ where: { slug: moved.slug } });
    expect(movedStory.articleCount).toBe(1);
    expect((await db().article.findUniqueOrThrow({ where: { id: a.id } })).storyId).toBe(movedStory.id);
  });

  it("refuses bad edits with specific errors and changes nothing", async () => {
    await expect(mergeStories("no-such-story", "also-missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const any = await db().story.findFirstOrThrow({ where: { mergedIntoId: null, articleCount: { gt: 0 } } });
    await expect(mergeStories(any.slug, any.slug)).rejects.toMatchObject({ reason: "SAME_STORY" });
    const members = await db().article.findMany({ where: { storyId: any.id }, select: { id: true } });
    await expect(splitStory(any.slug, members.map((m) => m.id))).rejects.toMatchObject({ reason: "SPLIT_NEEDS_SUBSET" });
    expect((await db().story.findUniqueOrThrow({ where: { id: any.id } })).articleCount).toBe(members.length);
  });
});

describe("entity edits", () => {
  it("merges two entities (and later articles follow the merge), then splits an alias off", async () => {
    const x = await add("x.txt", flood("Oder", "Wroclaw", "Mayor Jacek Sutryk thanked the volunteers."), "Outlet C");
    const people = await db().articleEntity.findMany({ where: { articleId: x.id }, include: { entity: true } });
    const kowalczyk = people.find((p) => p.entity.name.includes("Kowalczyk"))?.entity;
    const sutryk = people.find((p) => p.entity.name.includes("Sutryk"))?.entity;
    expect(kowalczyk && sutryk).toBeTruthy();

    const result = await mergeEntities(sutryk!.slug, kowalczyk!.slug);
    expect(result.slug).toBe(kowalczyk!.slug);
    expect(await getEntityBySlug(sutryk!.slug)).toEqual({ kind: "redirect", slug: kowalczyk!.slug });
    expect(await db().mention.count({ where: { entityId: sutryk!.id } })).toBe(0);

    // The merged-away key leaves the stories' signatures for the target's, so no later placement writes
    // its index row back: another report of x's flood joins x's story with no Sutryk row reappearing.
    const sigOf = async (storyId: string) =>
      ((await db().story.findUniqueOrThrow({ where: { id: storyId } })).signature as { entities: Record<string, number> }).entities;
    const xEntities = await sigOf(x.storyId!);
    expect(Object.keys(xEntities)).not.toContain(sutryk!.key);
    expect(xEntities[kowalczyk!.key]).toBeGreaterThan(0);
    expect(await db().storyEntity.count({ where: { storyId: x.storyId!, entityId: kowalczyk!.id } })).toBe(1);
    // Their document frequencies too: none for Sutryk, every article now naming Kowalczyk for her.
    expect(await db().termStat.findUnique({ where: { term: `@${sutryk!.key}` } })).toBeNull();
    expect((await db().termStat.findUniqueOrThrow({ where: { term: `@${kowalczyk!.key}` } })).df).toBe(await db().articleEntity.count({ where: { entityId: kowalczyk!.id } }));
    const x2 = await add("x2.txt", flood("Oder", "Wroclaw", "Mayor Jacek Sutryk thanked the volunteers again."), "Outlet E");
    expect(x2.storyId).toBe(x.storyId);
    expect(await db().storyEntity.count({ where: { entityId: sutryk!.id } })).toBe(0);
    expect(Object.keys(await sigOf(x.storyId!))).not.toContain(sutryk!.key);

    // A later article naming Sutryk lands on the merged entity.
    const y = await add("y.txt", flood("Oder", "Opole", "Jacek Sutryk visited the flood zone."), "Outlet D");
    const yEntities = await db().articleEntity.findMany({ where: { articleId: y.id } });
    expect(yEntities.some((e) => e.entityId === sutryk!.id)).toBe(false);
    expect(yEntities.some((e) => e.entityId === kowalczyk!.id)).toBe(true);

    // Split "Jacek Sutryk" back off: its mentions move to a new entity, and so will later ones.
    const merged = await db().entity.findUniqueOrThrow({ where: { id: kowalczyk!.id } });
    const alias = merged.aliases.find((a) => a.includes("Sutryk"))!;
    expect(alias).toBeTruthy();
    const split = await splitAlias(kowalczyk!.slug, alias);
    const splitEntity = await db().entity.findUniqueOrThrow({ where: { slug: split.slug } });
    expect(await db().mention.count({ where: { entityId: splitEntity.id } })).toBeGreaterThan(0);
    expect(await db().mention.count({ where: { entityId: kowalczyk!.id, surface: alias } })).toBe(0);
    for (const e of [splitEntity, kowalczyk!]) {
      expect((await db().termStat.findUnique({ where: { term: `@${e.key}` } }))?.df ?? 0).toBe(await db().articleEntity.count({ where: { entityId: e.id } }));
    }
    expect(await db().articleEntity.count({ where: { entityId: splitEntity.id } })).toBeGreaterThan(0);
    // The stories of the articles whose mentions moved are summed again: the split-off name enters their
    // signatures and index, as a re-cluster would have it.
    const movedIn = await db().article.findMany({ where: { entities: { some: { entityId: splitEntity.id } } }, select: { storyId: true } });
    for (const a of movedIn) {
      expect(Object.keys(await sigOf(a.storyId!))).toContain(splitEntity.key);
      expect(await db().storyEntity.count({ where: { storyId: a.storyId!, entityId: splitEntity.id } })).toBe(1);
    }
    await expect(splitAlias(kowalczyk!.slug, "Nobody Here")).rejects.toMatchObject({ reason: "UNKNOWN_ALIAS" });
  });
});

describe("re-clustering", () => {
  it("rebuilds stories deterministically, keeps surviving permalinks and pinned articles", async () => {
    const { reclusterAll } = await import("@/lib/ingest/recluster");
    const before = await db().story.findMany({ where: { mergedIntoId: null, articleCount: { gt: 0 } }, select: { id: true, slug: true } });
    const pinned = await db().article.findMany({ where: { storyPinned: true }, select: { id: true, storyId: true } });
    const first = await reclusterAll();
    expect(first.articles).toBe(await db().article.count());
    const snapshot = await db().article.findMany({ select: { id: true, storyId: true }, orderBy: { id: "asc" } });
    // Pinned articles stay with their companions.
    for (const p of pinned) {
      const now = snapshot.find((s) => s.id === p.id)!;
      const companions = pinned.filter((q) => q.storyId === p.storyId).map((q) => snapshot.find((s) => s.id === q.id)!.storyId);
      expect(new Set(companions).size).toBe(1);
      expect(now.storyId).toBe(companions[0]);
    }
    // Every old permalink still resolves: found, or redirected to a live story.
    for (const s of before) {
      const r = await getStoryBySlug(s.slug);
      expect(["found", "redirect"]).toContain(r.kind);
    }
    // Same articles, same order: the same stories, and no row rewritten (xmin is the writing transaction).
    const versions = async () =>
      db().$queryRaw<{ t: string; id: string; xmin: string }[]>`
        SELECT 'article' AS t, id, xmin::text FROM "Article"
        UNION ALL SELECT 'assignment', "articleId", xmin::text FROM "ArticleAssignment"
        UNION ALL SELECT 'story', id, xmin::text FROM "Story"
        UNION ALL SELECT 'term', "storyId" || ' ' || term, xmin::text FROM "StoryTerm"
        UNION ALL SELECT 'entity', "storyId" || ' ' || "entityId", xmin::text FROM "StoryEntity"
        UNION ALL SELECT 'stat', term, xmin::text FROM "TermStat"
        ORDER BY 1, 2`;
    const rowsBefore = await versions();
    expect(rowsBefore.filter((r) => r.t === "term").length).toBeGreaterThan(0);
    const second = await reclusterAll();
    expect(second.changedArticles).toBe(0);
    expect(await versions()).toEqual(rowsBefore);
    expect(await db().article.findMany({ select: { id: true, storyId: true }, orderBy: { id: "asc" } })).toEqual(snapshot);
    // Story counts agree with the articles.
    for (const s of await db().story.findMany({ where: { mergedIntoId: null } })) {
      expect(s.articleCount).toBe(await db().article.count({ where: { storyId: s.id } }));
    }
  });
});

describe("outlet edits", () => {
  it("renames an outlet (old name kept as an alias that later uploads still find) and merges two", async () => {
    const { renameOutlet, mergeOutlets } = await import("@/lib/editor/outlet-edits");
    const a = await add("o1.txt", flood("Elbe", "Dresden", "Sirens sounded at dawn."), "Elbe Kurier");
    const b = await add("o2.txt", flood("Elbe", "Meissen", "Schools were closed."), "Kurier Online");
    const outletA = await db().outlet.findUniqueOrThrow({ where: { id: a.outletId! } });
    await renameOutlet(outletA.slug, "Elbe-Kurier");
    const renamed = await db().outlet.findUniqueOrThrow({ where: { id: outletA.id } });
    expect(renamed.name).toBe("Elbe-Kurier");
    expect(renamed.aliases).toContain("Elbe Kurier");
    const c = await add("o3.txt", flood("Elbe", "Pirna", "Roads were closed."), "Elbe Kurier");
    expect(c.outletId).toBe(outletA.id);

    const outletB = await db().outlet.findUniqueOrThrow({ where: { id: b.outletId! } });
    await mergeOutlets(outletB.slug, outletA.slug);
    expect((await db().article.findUniqueOrThrow({ where: { id: b.id } })).outletId).toBe(outletA.id);
    expect((await db().outlet.findUniqueOrThrow({ where: { id: outletB.id } })).mergedIntoId).toBe(outletA.id);
    const d = await add("o4.txt", flood("Elbe", "Riesa", "Dykes held."), "Kurier Online");
    expect(d.outletId).toBe(outletA.id);
    await expect(mergeOutlets(outletA.slug, outletA.slug)).rejects.toMatchObject({ reason: "SAME_OUTLET" });
  });
});

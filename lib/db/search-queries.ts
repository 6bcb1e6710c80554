// Search across stories, entities and outlets for the header's search box, /search and GET /api/search.
// Every word of the query must match (substring, case-insensitive). A story matches a word through any of
// its articles' headlines or the names and aliases of the entities its articles mention, so "Peskov" finds
// the story whose headline never names him.
//
// Matching is ILIKE over headlines and names, answered by pg_trgm indexes on Article.title, Story.title
// and Entity.name for words of three or more characters (shorter ones scan). `npm run bench:story-page`
// times three searches over 100k stored articles.
import { containsPattern, searchWords } from "@/lib/search/query";
import { db, Prisma } from "./client";
import { storyCardSelect, toStoryListItem } from "./story-queries";

export interface SearchLimits {
  stories: number;
  entities: number;
  outlets: number;
}

const DEFAULT_LIMITS: SearchLimits = { stories: 20, entities: 12, outlets: 6 };

/**
 * Ids of the entities whose canonical name or one of whose aliases contains the pattern. Two branches of a
 * UNION, not one OR, so the name branch can use the trigram index (an OR with the alias test would check
 * every entity); few entities have aliases, and only those are tested for them.
 */
function entitiesMatching(pattern: string): Prisma.Sql {
  return Prisma.sql`SELECT id FROM "Entity" WHERE name ILIKE ${pattern}
    UNION SELECT id FROM "Entity" WHERE cardinality(aliases) > 0 AND EXISTS (SELECT 1 FROM unnest(aliases) AS al WHERE al ILIKE ${pattern})`;
}

export async function searchEverything(query: string, limits: SearchLimits = DEFAULT_LIMITS) {
  const words = searchWords(query);
  if (words.length === 0) return { words, stories: [], entities: [], outlets: [] };
  const patterns = words.map(containsPattern);

  // The entities each word names, read first: handing their ids to the story query as an array gives the
  // planner exact counts (a subquery's alias test made it guess thousands and scan every article).
  const entityIdsPerWord = await Promise.all(
    patterns.map(async (p) => (await db().$queryRaw<{ id: string }[]>`${entitiesMatching(p)}`).map((r) => r.id)),
  );
  const storyConditions = patterns.map((p, i) => {
    const ids = entityIdsPerWord[i]!;
    const viaEntities = ids.length
      ? Prisma.sql` OR s.id IN (SELECT a."storyId" FROM "ArticleEntity" ae JOIN "Article" a ON a.id = ae."articleId"
                  WHERE a."storyId" IS NOT NULL AND ae."entityId" = ANY(${ids}::text[]))`
      : Prisma.empty;
    return Prisma.sql`(s.title ILIKE ${p}
      OR s.id IN (SELECT a."storyId" FROM "Article" a WHERE a."storyId" IS NOT NULL AND a.title ILIKE ${p})${viaEntities})`;
  });
  const entityIdsForAll = entityIdsPerWord.reduce((acc, ids) => {
    const set = new Set(ids);
    return acc.filter((id) => set.has(id));
  });
  const titleHasAll = Prisma.join(patterns.map((p) => Prisma.sql`s.title ILIKE ${p}`), " AND ");
  const outletConditions = Prisma.join(
    patterns.map((p) => Prisma.sql`(o.name ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(o.aliases) AS al WHERE al ILIKE ${p}))`),
    " AND ",
  );

  const [storyIds, entities, outlets] = await Promise.all([
    // Stories whose own title carries every word first, then the most covered, then the newest.
    db().$queryRaw<{ id: string }[]>`
      SELECT s.id FROM "Story" s
      WHERE s."mergedIntoId" IS NULL AND s."articleCount" > 0 AND ${Prisma.join(storyConditions, " AND ")}
      ORDER BY (${titleHasAll}) DESC, s."articleCount" DESC, s."rankAt" DESC, s.id DESC
      LIMIT ${limits.stories}`,
    // An entity named exactly what was typed first, then the most covered.
    db().$queryRaw<{ id: string; slug: string; name: string; type: string; articleCount: number }[]>`
      SELECT e.id, e.slug, e.name, e.type::text AS type, e."articleCount"
      FROM "Entity" e
      WHERE e."mergedIntoId" IS NULL AND e."articleCount" > 0 AND e.id = ANY(${entityIdsForAll}::text[])
      ORDER BY (lower(e.name) = lower(${query.trim()})) DESC, e."articleCount" DESC, e.name, e.id
      LIMIT ${limits.entities}`,
    db().$queryRaw<{ id: string; slug: string; name: string; articleCount: bigint }[]>`
      SELECT o.id, o.slug, o.name, (SELECT count(*) FROM "Article" a WHERE a."outletId" = o.id) AS "articleCount"
      FROM "Outlet" o
      WHERE o."mergedIntoId" IS NULL AND ${outletConditions}
      ORDER BY o.name, o.id
      LIMIT ${limits.outlets}`,
  ]);

  const rows = storyIds.length
    ? await db().story.findMany({ where: { id: { in: storyIds.map((r) => r.id) } }, select: storyCardSelect })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const stories = storyIds.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [toStoryListItem(row)] : [];
  });
  return { words, stories, entities, outlets: outlets.map((o) => ({ ...o, articleCount: Number(o.articleCount) })) };
}

export type SearchResults = Awaited<ReturnType<typeof searchEverything>>;

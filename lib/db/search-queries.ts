// Search across stories, entities and outlets for the header's search box, /search and GET /api/search.
// Every word of the query must match (substring, case-insensitive). A story matches a word through any of
// its articles' headlines or the names and aliases of the entities its articles mention, so "Peskov" finds
// the story whose headline never names him.
//
// The scans are plain ILIKE over names and headlines, without a trigram index: names and headlines are
// short, and a sequential scan stays in tens of milliseconds at the sizes the benchmarks use (100k
// articles); a pg_trgm index is the next step if that stops being true.
import { containsPattern, searchWords } from "@/lib/search/query";
import { db, Prisma } from "./client";
import { storyCardSelect, toStoryListItem } from "./story-queries";

export interface SearchLimits {
  stories: number;
  entities: number;
  outlets: number;
}

const DEFAULT_LIMITS: SearchLimits = { stories: 20, entities: 12, outlets: 6 };

/** An entity whose canonical name or one of whose aliases contains the pattern. */
function entityNameMatches(alias: string, pattern: string): Prisma.Sql {
  return Prisma.sql`(${Prisma.raw(alias)}.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(${Prisma.raw(alias)}.aliases) AS al WHERE al ILIKE ${pattern}))`;
}

export async function searchEverything(query: string, limits: SearchLimits = DEFAULT_LIMITS) {
  const words = searchWords(query);
  if (words.length === 0) return { words, stories: [], entities: [], outlets: [] };
  const patterns = words.map(containsPattern);

  const storyConditions = patterns.map(
    (p) => Prisma.sql`(s.title ILIKE ${p}
      OR s.id IN (SELECT a."storyId" FROM "Article" a WHERE a."storyId" IS NOT NULL AND a.title ILIKE ${p})
      OR s.id IN (SELECT a."storyId" FROM "Entity" e
                  JOIN "ArticleEntity" ae ON ae."entityId" = e.id
                  JOIN "Article" a ON a.id = ae."articleId"
                  WHERE a."storyId" IS NOT NULL AND ${entityNameMatches("e", p)}))`,
  );
  const titleHasAll = Prisma.join(patterns.map((p) => Prisma.sql`s.title ILIKE ${p}`), " AND ");
  const entityConditions = Prisma.join(patterns.map((p) => entityNameMatches("e", p)), " AND ");
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
      WHERE e."mergedIntoId" IS NULL AND e."articleCount" > 0 AND ${entityConditions}
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

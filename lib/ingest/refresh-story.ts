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
  await refreshStories(tx, [storyId]);
}

// Stories per round: each round reads its stories' articles (bodies, entities, mentions) in one query and
// writes them back with one statement, so a re-cluster that changed a thousand stories pays a few dozen
// statements instead of several per story.
const STORIES_PER_ROUND = 200;

/** `refreshStory` for many stories, the same rows written, with a few statements per 200 stories. */
export async function refreshStories(tx: Tx, storyIds: Iterable<string>): Promise<void> {
  for (const ids of refreshRounds(storyIds)) await writeRefreshRound(tx, await computeRefreshRound(await readRefreshRound(tx, ids)));
}

/** The rounds `refreshStories` works in: the distinct ids, 200 at a time. */
export function refreshRounds(storyIds: Iterable<string>): string[][] {
  const ids = [...new Set(storyIds)];
  const rounds: string[][] = [];
  for (let i = 0; i < ids.length; i += STORIES_PER_ROUND) rounds.push(ids.slice(i, i + STORIES_PER_ROUND));
  return rounds;
}

interface ArticleRow {
  id: string;
  storyId: string;
  title: string;
  titleDerived: boolean;
  body: string;
  publishedAt: Date | null;
  createdAt: Date;
  outletId: string | null;
  outletName: string | null;
  copyOfId: string | null;
  /** [salience, key, name, type] per entity, by entity id. */
  entities: [number, string, string, string][];
  /** [field, start, end, surface, descriptor, entity key] per mention, by start. */
  mentions: ["TITLE" | "BODY", number, number, string, string | null, string][];
}

/**
 * A refresh round in three steps, so that a caller with other statements to send (the re-cluster) can let
 * the server run them while this process compares the round's articles: `readRefreshRound` reads the
 * stories and their articles as they are now, `computeRefreshRound` works out every row (no database),
 * `writeRefreshRound` writes them. Between the read and the write nothing may change these stories'
 * articles, entities, mentions, outlets, slugs or comparisons.
 */
export interface RefreshRead {
  stories: { id: string; slug: string; comparison: unknown }[];
  rows: ArticleRow[];
}

export async function readRefreshRound(tx: Tx, ids: string[]): Promise<RefreshRead> {
  const stories = await tx.$queryRaw<{ id: string; slug: string; comparison: unknown }[]>`
    SELECT id, slug, comparison FROM "Story" WHERE id = ANY(${ids}::text[])`;
  if (!stories.length) return { stories, rows: [] };
  // In each story: publication order, undated last, then by arrival (the order titles and comparisons read).
  const rows = await tx.$queryRaw<ArticleRow[]>`
    SELECT a.id, a."storyId", a.title, a."titleDerived", a.body, a."publishedAt", a."createdAt", a."outletId",
      o.name AS "outletName", a."copyOfId",
      COALESCE((SELECT json_agg(json_build_array(ae.salience, e.key, e.name, e.type) ORDER BY ae."entityId")
                FROM "ArticleEntity" ae JOIN "Entity" e ON e.id = ae."entityId" WHERE ae."articleId" = a.id), '[]') AS entities,
      COALESCE((SELECT json_agg(json_build_array(m.field, m.start, m."end", m.surface, m.descriptor, e.key) ORDER BY m.start, m.id)
                FROM "Mention" m JOIN "Entity" e ON e.id = m."entityId" WHERE m."articleId" = a.id), '[]') AS mentions
    FROM "Article" a LEFT JOIN "Outlet" o ON o.id = a."outletId"
    WHERE a."storyId" = ANY(${stories.map((s) => s.id)}::text[])
    ORDER BY a."storyId", a."publishedAt", a."createdAt", a.id`;
  return { stories, rows };
}

export interface RefreshWrite {
  emptied: string[];
  renamed: { from: string; to: string; storyId: string }[];
  out: [string, string, boolean, string, number, number, number, string | null, string | null, string, unknown, unknown][];
  comparedAt: string;
}

/** The rows a round writes. `pause` (if given) is awaited between stories, to let other work run. */
export async function computeRefreshRound({ stories, rows }: RefreshRead, pause?: () => Promise<void>): Promise<RefreshWrite> {
  const byStory = new Map<string, ArticleRow[]>();
  for (const r of rows) (byStory.get(r.storyId) ?? byStory.set(r.storyId, []).get(r.storyId)!).push(r);

  const w: RefreshWrite = { emptied: [], renamed: [], out: [], comparedAt: new Date().toISOString() };
  for (const story of stories) {
    const articles = byStory.get(story.id);
    if (!articles) {
      w.emptied.push(story.id);
      continue;
    }
    if (pause) await pause();
    const f = refreshed(story, articles);
    if (f.slug !== story.slug) w.renamed.push({ from: story.slug, to: f.slug, storyId: story.id });
    w.out.push([story.id, f.title, f.generated, f.slug, articles.length, f.outletCount, f.reprintCount, f.first, f.last, f.rankAt, f.topEntities, f.comparison]);
  }
  return w;
}

export async function writeRefreshRound(tx: Tx, { emptied, renamed, out, comparedAt }: RefreshWrite): Promise<void> {
  if (emptied.length) {
    await tx.$executeRaw`
      UPDATE "Story" SET "articleCount" = 0, "outletCount" = 0, "reprintCount" = 0, "updatedAt" = now()
      WHERE id = ANY(${emptied}::text[])`;
  }
  if (renamed.length) {
    // The old permalinks keep working: /stories/<old slug> answers with a permanent redirect.
    await tx.$executeRaw`
      INSERT INTO "StoryRedirect" ("fromSlug", "storyId")
      SELECT * FROM unnest(${renamed.map((r) => r.from)}::text[], ${renamed.map((r) => r.storyId)}::text[])
      ON CONFLICT ("fromSlug") DO UPDATE SET "storyId" = EXCLUDED."storyId"`;
    await tx.$executeRaw`DELETE FROM "StoryRedirect" WHERE "fromSlug" = ANY(${renamed.map((r) => r.to)}::text[])`;
  }
  if (out.length) {
    await tx.$executeRaw`
      UPDATE "Story" AS s SET title = e->>1, "titleGenerated" = (e->>2)::boolean, slug = e->>3,
        "articleCount" = (e->>4)::int, "outletCount" = (e->>5)::int, "reprintCount" = (e->>6)::int,
        "firstPublishedAt" = (e->>7)::timestamp(3), "lastPublishedAt" = (e->>8)::timestamp(3), "rankAt" = (e->>9)::timestamp(3),
        "topEntities" = (e->10)::jsonb, comparison = (e->11)::jsonb, "comparedAt" = ${comparedAt}::timestamp(3), "updatedAt" = now()
      FROM json_array_elements(${JSON.stringify(out)}::json) AS e
      WHERE s.id = e->>0`;
  }
}

function refreshed(story: { id: string; comparison: unknown }, articles: ArticleRow[]) {
  const dates = articles.map((a) => a.publishedAt).filter((d): d is Date => d !== null);
  const outlets = new Set(articles.map((a) => a.outletId).filter(Boolean));
  const entityWeight = new Map<string, { key: string; name: string; type: string; weight: number }>();
  for (const a of articles) {
    for (const [salience, key, name, type] of a.entities) {
      const cur = entityWeight.get(key) ?? { key, name, type, weight: 0 };
      cur.weight += salience;
      entityWeight.set(key, cur);
    }
  }
  const topEntities = [...entityWeight.values()]
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key))
    .slice(0, TOP_ENTITIES)
    .map((e) => ({ ...e, weight: Math.round(e.weight * 1000) / 1000 }));

  const { title, generated } = storyTitle(
    articles.map((a) => ({ title: a.title, titleDerived: a.titleDerived, publishedAt: a.publishedAt, body: a.body })),
    topEntities,
  );
  const comparison = compareArticles(
    articles.map((a) => toCompareArticle(a)),
    (story.comparison as StoryComparison | null) ?? null,
  );
  const time = (d: Date) => d.getTime();
  const last = dates.length ? new Date(Math.max(...dates.map(time))) : null;
  return {
    title,
    generated,
    slug: storySlug(title, story.id),
    outletCount: outlets.size,
    reprintCount: articles.filter((a) => a.copyOfId).length,
    first: dates.length ? new Date(Math.min(...dates.map(time))).toISOString() : null,
    last: last?.toISOString() ?? null,
    rankAt: (last ?? articles.reduce((m, a) => (a.createdAt > m ? a.createdAt : m), articles[0]!.createdAt)).toISOString(),
    topEntities,
    comparison,
  };
}

function toCompareArticle(a: ArticleRow): CompareArticle {
  const byKey = new Map<string, CompareArticle["entities"][number]>();
  for (const [, key, name, type] of a.entities) {
    byKey.set(key, { key, name, type: type as CompareArticle["entities"][number]["type"], mentions: [] });
  }
  for (const [field, start, end, surface, descriptor, key] of a.mentions) {
    byKey.get(key)?.mentions.push({ field: field === "TITLE" ? "title" : "body", start, end, surface, descriptor });
  }
  return {
    id: a.id,
    outlet: a.outletId ? { id: a.outletId, name: a.outletName! } : null,
    title: a.title,
    titleDerived: a.titleDerived,
    body: a.body,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    entities: [...byKey.values()],
  };
}

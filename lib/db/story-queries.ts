// Read queries the story pages and API make. Named functions, not inline Prisma in components.
import { db, type Prisma } from "./client";

const outletSelect = { id: true, name: true, slug: true } as const;

/** What a story card shows: listings and search results read the same fields. */
export const storyCardSelect = {
  id: true,
  slug: true,
  title: true,
  titleGenerated: true,
  articleCount: true,
  outletCount: true,
  reprintCount: true,
  firstPublishedAt: true,
  lastPublishedAt: true,
  rankAt: true,
  topEntities: true,
  articles: {
    select: { outlet: { select: outletSelect } },
    orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
    take: 50,
  },
} satisfies Prisma.StorySelect;

type StoryCardRow = Prisma.StoryGetPayload<{ select: typeof storyCardSelect }>;

export function toStoryListItem({ articles, ...s }: StoryCardRow) {
  return { ...s, outlets: uniqueOutlets(articles.map((a) => a.outlet)) };
}

export type StoryListItem = ReturnType<typeof toStoryListItem>;

/** Stories, newest activity first, keyset-paginated on (rankAt, id). */
export async function listStories(opts: { limit: number; cursor?: string | null }) {
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  const where: Prisma.StoryWhereInput = {
    mergedIntoId: null,
    articleCount: { gt: 0 },
    ...(cursor
      ? { OR: [{ rankAt: { lt: cursor.rankAt } }, { rankAt: cursor.rankAt, id: { lt: cursor.id } }] }
      : {}),
  };
  const rows = await db().story.findMany({
    where,
    orderBy: [{ rankAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    select: storyCardSelect,
  });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    stories: page.map(toStoryListItem),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(last.rankAt, last.id) : null,
  };
}

function uniqueOutlets<T extends { id: string } | null>(outlets: T[]): NonNullable<T>[] {
  const seen = new Map<string, NonNullable<T>>();
  for (const o of outlets) if (o && !seen.has(o.id)) seen.set(o.id, o);
  return [...seen.values()];
}

export function encodeCursor(rankAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([rankAt.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string): { rankAt: Date; id: string } | null {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const rankAt = new Date(iso);
    if (Number.isNaN(rankAt.getTime()) || typeof id !== "string") return null;
    return { rankAt, id };
  } catch {
    return null;
  }
}

const storyArticleSelect = {
  id: true,
  title: true,
  titleDerived: true,
  byline: true,
  publishedAt: true,
  publishedAtText: true,
  url: true,
  wordCount: true,
  language: true,
  copyOfId: true,
  createdAt: true,
  placement: { select: { assignment: true } },
  outlet: { select: outletSelect },
} satisfies Prisma.ArticleSelect;

export type StoryWithArticles = NonNullable<Awaited<ReturnType<typeof findStory>>>;

async function findStory(where: Prisma.StoryWhereUniqueInput) {
  return db().story.findUnique({
    where,
    // The comparison is read separately (the page streams it in); the clustering signature never leaves the server.
    omit: { comparison: true, signature: true },
    include: {
      articles: { select: storyArticleSelect, orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }] },
    },
  });
}

/** Story ids are the last dash-separated part of a slug, so a retitled story's old links still resolve. */
export function storyIdFromSlug(slug: string): string | null {
  const m = /(?:^|-)([a-z0-9]{8,12})$/.exec(slug);
  return m ? m[1]! : null;
}

export type StoryLookup =
  | { kind: "found"; story: StoryWithArticles }
  | { kind: "redirect"; slug: string }
  | { kind: "missing" };

/** Resolve a permalink slug: the story, a permanent redirect (renamed or merged), or missing. */
export async function getStoryBySlug(slug: string): Promise<StoryLookup> {
  const story = await findStory({ slug });
  if (story) return story.mergedIntoId ? redirectToMerged(story.mergedIntoId) : { kind: "found", story };
  const redirect = await db().storyRedirect.findUnique({ where: { fromSlug: slug }, select: { storyId: true } });
  if (redirect) return redirectToMerged(redirect.storyId);
  const id = storyIdFromSlug(slug);
  if (id) {
    const byId = await db().story.findUnique({ where: { id }, select: { slug: true, mergedIntoId: true } });
    if (byId) return byId.mergedIntoId ? redirectToMerged(byId.mergedIntoId) : { kind: "redirect", slug: byId.slug };
  }
  return { kind: "missing" };
}

async function redirectToMerged(storyId: string, depth = 0): Promise<StoryLookup> {
  const target = await db().story.findUnique({ where: { id: storyId }, select: { slug: true, mergedIntoId: true } });
  if (!target) return { kind: "missing" };
  if (target.mergedIntoId && depth < 10) return redirectToMerged(target.mergedIntoId, depth + 1);
  return { kind: "redirect", slug: target.slug };
}

/** The stored side-by-side comparison of a story (lib/compare's JSON), or null while none is stored. */
export async function getStoryComparison(storyId: string) {
  const row = await db().story.findUnique({ where: { id: storyId }, select: { comparison: true } });
  return row?.comparison ?? null;
}

// Read queries the story pages and API make. Named functions, not inline Prisma in components.
import { z } from "zod";
import { AppError } from "@/lib/errors";
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

export const STORY_SORTS = ["recent", "coverage"] as const;
export type StorySort = (typeof STORY_SORTS)[number];

/** Where a page of the list ends: the last story's sort keys. */
type Cursor =
  | { sort: "recent"; rankAt: Date; id: string }
  | { sort: "coverage"; outletCount: number; articleCount: number; rankAt: Date; id: string };

/**
 * Stories, keyset-paginated. "recent": newest activity first, on (rankAt, id). "coverage": the stories
 * most outlets covered first (then most articles, then newest), on (outletCount, articleCount, rankAt, id):
 * what Parallax is for is comparing outlets, so a reader can start from the stories with the most to compare.
 */
export async function listStories(opts: { limit: number; cursor?: string | null; sort?: StorySort }) {
  const sort = opts.sort ?? "recent";
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (cursor && cursor.sort !== sort) throw new AppError("INVALID_INPUT", "INVALID_CURSOR", `cursor belongs to the "${cursor.sort}" order, not "${sort}".`);
  const after: Prisma.StoryWhereInput =
    cursor?.sort === "recent"
      ? { OR: [{ rankAt: { lt: cursor.rankAt } }, { rankAt: cursor.rankAt, id: { lt: cursor.id } }] }
      : cursor?.sort === "coverage"
        ? {
            OR: [
              { outletCount: { lt: cursor.outletCount } },
              { outletCount: cursor.outletCount, articleCount: { lt: cursor.articleCount } },
              { outletCount: cursor.outletCount, articleCount: cursor.articleCount, rankAt: { lt: cursor.rankAt } },
              { outletCount: cursor.outletCount, articleCount: cursor.articleCount, rankAt: cursor.rankAt, id: { lt: cursor.id } },
            ],
          }
        : {};
  const orderBy: Prisma.StoryOrderByWithRelationInput[] =
    sort === "coverage" ? [{ outletCount: "desc" }, { articleCount: "desc" }, { rankAt: "desc" }, { id: "desc" }] : [{ rankAt: "desc" }, { id: "desc" }];
  const rows = await db().story.findMany({
    where: { mergedIntoId: null, articleCount: { gt: 0 }, ...after },
    orderBy,
    take: opts.limit + 1,
    select: storyCardSelect,
  });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    stories: page.map(toStoryListItem),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(sort, last) : null,
  };
}

function uniqueOutlets<T extends { id: string } | null>(outlets: T[]): NonNullable<T>[] {
  const seen = new Map<string, NonNullable<T>>();
  for (const o of outlets) if (o && !seen.has(o.id)) seen.set(o.id, o);
  return [...seen.values()];
}

export function encodeCursor(sort: StorySort, s: { rankAt: Date; id: string; outletCount: number; articleCount: number }): string {
  // "recent" keeps the two-element form earlier pages handed out, so links to them keep working.
  const keys = sort === "recent" ? [s.rankAt.toISOString(), s.id] : ["coverage", s.outletCount, s.articleCount, s.rankAt.toISOString(), s.id];
  return Buffer.from(JSON.stringify(keys)).toString("base64url");
}

export function decodeCursor(cursor: string): Cursor | null {
  try {
    const keys = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    const parsed = z
      .union([
        z.tuple([z.iso.datetime(), z.string().min(1)]).transform(([iso, id]) => ({ sort: "recent" as const, rankAt: new Date(iso), id })),
        z
          .tuple([z.literal("coverage"), z.number().int().min(0), z.number().int().min(0), z.iso.datetime(), z.string().min(1)])
          .transform(([, outletCount, articleCount, iso, id]) => ({ sort: "coverage" as const, outletCount, articleCount, rankAt: new Date(iso), id })),
      ])
      .safeParse(keys);
    return parsed.success ? parsed.data : null;
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

// Read queries for entity pages and the entities API.
import { db } from "./client";

export type EntityLookup =
  | { kind: "found"; entity: NonNullable<Awaited<ReturnType<typeof loadEntity>>> }
  | { kind: "redirect"; slug: string }
  | { kind: "missing" };

function loadEntity(slug: string) {
  return db().entity.findUnique({
    where: { slug },
    select: { id: true, key: true, slug: true, name: true, type: true, aliases: true, relatedKeys: true, articleCount: true, mergedIntoId: true },
  });
}

export async function getEntityBySlug(slug: string): Promise<EntityLookup> {
  const entity = await loadEntity(slug);
  if (!entity) return { kind: "missing" };
  if (entity.mergedIntoId) {
    const target = await db().entity.findUnique({ where: { id: entity.mergedIntoId }, select: { slug: true } });
    return target ? { kind: "redirect", slug: target.slug } : { kind: "missing" };
  }
  return { kind: "found", entity };
}

/** Stories, outlets, per-outlet descriptors and co-occurring entities of one entity. */
export async function getEntityProfile(entityId: string, relatedKeys: string[]) {
  const [stories, descriptorRows, cooccurring, related] = await Promise.all([
    db().$queryRaw<{ id: string; slug: string; title: string; articleCount: number; outletCount: number; lastPublishedAt: Date | null; mentions: bigint }[]>`
      SELECT s.id, s.slug, s.title, s."articleCount", s."outletCount", s."lastPublishedAt", sum(ae."mentionCount") AS mentions
      FROM "ArticleEntity" ae JOIN "Article" a ON a.id = ae."articleId" JOIN "Story" s ON s.id = a."storyId"
      WHERE ae."entityId" = ${entityId} AND s."mergedIntoId" IS NULL
      GROUP BY s.id ORDER BY s."rankAt" DESC LIMIT 50`,
    db().$queryRaw<{ outletId: string | null; outlet: string | null; outletSlug: string | null; descriptor: string | null; surface: string; n: bigint }[]>`
      SELECT o.id AS "outletId", o.name AS outlet, o.slug AS "outletSlug", m.descriptor, m.surface, count(*) AS n
      FROM "Mention" m JOIN "Article" a ON a.id = m."articleId" LEFT JOIN "Outlet" o ON o.id = a."outletId"
      WHERE m."entityId" = ${entityId}
      GROUP BY o.id, o.name, o.slug, m.descriptor, m.surface`,
    db().$queryRaw<{ slug: string; name: string; type: string; n: bigint }[]>`
      SELECT e.slug, e.name, e.type::text AS type, count(*) AS n
      FROM "ArticleEntity" mine JOIN "ArticleEntity" other ON other."articleId" = mine."articleId" AND other."entityId" <> mine."entityId"
      JOIN "Entity" e ON e.id = other."entityId"
      WHERE mine."entityId" = ${entityId} AND e."mergedIntoId" IS NULL
      GROUP BY e.id ORDER BY n DESC, e.name LIMIT 15`,
    relatedKeys.length
      ? db().entity.findMany({ where: { key: { in: relatedKeys } }, select: { slug: true, name: true, type: true } })
      : Promise.resolve([]),
  ]);

  const outlets = new Map<string, { id: string | null; name: string; slug: string | null; mentions: number; descriptors: Map<string, number>; surfaces: Set<string> }>();
  for (const r of descriptorRows) {
    const key = r.outletId ?? "unknown";
    const o = outlets.get(key) ?? { id: r.outletId, name: r.outlet ?? "Unknown outlet", slug: r.outletSlug, mentions: 0, descriptors: new Map(), surfaces: new Set() };
    o.mentions += Number(r.n);
    o.surfaces.add(r.surface);
    if (r.descriptor) o.descriptors.set(r.descriptor, (o.descriptors.get(r.descriptor) ?? 0) + Number(r.n));
    outlets.set(key, o);
  }
  return {
    stories: stories.map((s) => ({ ...s, mentions: Number(s.mentions) })),
    outlets: [...outlets.values()]
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
      .map((o) => ({
        id: o.id,
        name: o.name,
        slug: o.slug,
        mentions: o.mentions,
        surfaceForms: [...o.surfaces].sort(),
        descriptors: [...o.descriptors].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
      })),
    cooccurring: cooccurring.map((c) => ({ ...c, articles: Number(c.n) })),
    related,
  };
}

export type EntityTypeName = "PERSON" | "ORGANIZATION" | "PLACE" | "OTHER";

/**
 * Entities by how many articles mention them (then by id, so pages never overlap), keyset-paginated.
 * The cursor is the last row's (articleCount, id), base64url-encoded; a cursor this function did not
 * write reads as null.
 */
export async function listEntities(opts: { type?: EntityTypeName | null; limit: number; cursor?: string | null }) {
  const cursor = opts.cursor ? decodeEntityCursor(opts.cursor) : null;
  const rows = await db().entity.findMany({
    where: {
      mergedIntoId: null,
      articleCount: { gt: 0 },
      ...(opts.type ? { type: opts.type } : {}),
      ...(cursor
        ? { OR: [{ articleCount: { lt: cursor.articleCount } }, { articleCount: cursor.articleCount, id: { gt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ articleCount: "desc" }, { id: "asc" }],
    take: opts.limit + 1,
    select: { id: true, slug: true, name: true, type: true, articleCount: true },
  });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    entities: page,
    nextCursor: rows.length > opts.limit && last ? Buffer.from(JSON.stringify([last.articleCount, last.id])).toString("base64url") : null,
  };
}

export function decodeEntityCursor(cursor: string): { articleCount: number; id: string } | null {
  try {
    const [articleCount, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    return Number.isInteger(articleCount) && typeof id === "string" ? { articleCount: articleCount as number, id } : null;
  } catch {
    return null;
  }
}

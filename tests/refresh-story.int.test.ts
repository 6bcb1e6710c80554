// refreshStories (many stories, a few statements per 200) must write exactly what refreshing each story on
// its own wrote before session 10: the reference below is that per-story code, through Prisma's relation
// loads. Stories are changed behind refresh's back (articles moved, one story emptied), then both versions
// run in transactions that are rolled back, and every Story and StoryRedirect row is compared.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "./integration-db";
import { db, type Prisma } from "@/lib/db/client";
import { compareArticles, type CompareArticle, type StoryComparison } from "@/lib/compare";
import { loadDemoData } from "@/lib/demo/load-demo-data";
import { ingest } from "@/lib/ingest/ingest-articles";
import { refreshStories, refreshStory } from "@/lib/ingest/refresh-story";
import { storySlug } from "@/lib/ingest/slug";
import { storyTitle } from "@/lib/stories";
import { BAKHMUT_COUNTEROFFENSIVE, KIM_VISIT_TO_RUSSIA, THIRD_OUTLET_SAME_CLAIM } from "@/lib/stories/fixtures-seeds";

withTestDatabase();

const flood = (river: string, town: string, extra: string) =>
  `${river} floods ${town} after record rainfall\n\n` +
  `The ${river} burst its banks in ${town} on Thursday after record rainfall, forcing hundreds of residents from their homes, Mayor Anna Kowalczyk said.\n\n` +
  `Emergency crews evacuated two care homes in ${town} and closed the main bridge over the ${river} as the water kept rising overnight. ${extra}\n\n` +
  `Forecasters warned that more rain was expected in the region over the weekend.`;

class Rollback extends Error {
  constructor(readonly rows: unknown) {
    super("rollback");
  }
}

/** What the database holds after `refresh`, which runs in a transaction that is then rolled back. */
async function rowsAfter(refresh: (tx: Prisma.TransactionClient) => Promise<void>) {
  try {
    await db().$transaction(async (tx) => {
      await refresh(tx);
      const stories = await tx.story.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true, comparedAt: true } });
      const redirects = await tx.storyRedirect.findMany({ orderBy: { fromSlug: "asc" }, omit: { createdAt: true } });
      throw new Rollback({ stories, redirects });
    });
  } catch (e) {
    if (e instanceof Rollback) return e.rows;
    throw e;
  }
  throw new Error("not rolled back");
}

describe("refreshStories", () => {
  it("writes what refreshing each story on its own wrote", async () => {
    await loadDemoData();
    const towns = ["Sandomierz", "Kraków", "Toruń"];
    for (const [i, town] of towns.entries()) {
      for (const [j, outlet] of ["Outlet A", "Outlet B", "Outlet C"].entries()) {
        // Dates out of arrival order, one article undated: titles and comparisons read publication order.
        const publishedAt = j === 1 ? null : `2026-0${3 + i}-${20 - 5 * j}T08:00:00Z`;
        const text = flood("Vistula", town, `Note ${j}: ${outlet} reporting.`);
        const [r] = await ingest([{ kind: "fields", fields: { text, title: j === 2 ? `${town} under water` : null, outlet, publishedAt } }], { source: "API" });
        expect(r!.status).toBe("created");
      }
    }
    for (const [a, outlet] of [[THIRD_OUTLET_SAME_CLAIM, "Third Outlet"], [BAKHMUT_COUNTEROFFENSIVE, "Front Line News"], [KIM_VISIT_TO_RUSSIA, "Pyongyang Watch"]] as const) {
      const [r] = await ingest(
        [{ kind: "fields", fields: { text: a.body, title: a.titleDerived ? null : a.title, outlet, publishedAt: a.publishedAt?.toISOString() ?? null } }],
        { source: "API" },
      );
      expect(r!.status).toBe("created");
    }
    const stories = await db().story.findMany({ where: { articleCount: { gt: 0 } }, include: { articles: { select: { id: true } } }, orderBy: { id: "asc" } });
    expect(stories.length).toBeGreaterThanOrEqual(4);
    // Behind refresh's back: one article of each story moves to the next story, and the last story is emptied.
    for (const [i, s] of stories.entries()) {
      const to = stories[(i + 1) % stories.length]!;
      await db().article.update({ where: { id: s.articles[0]!.id }, data: { storyId: to.id } });
    }
    const last = stories.at(-1)!;
    await db().article.updateMany({ where: { storyId: last.id }, data: { storyId: stories[0]!.id } });
    const ids = [...stories.map((s) => s.id), "no-such-story"];

    const reference = await rowsAfter(async (tx) => {
      for (const id of ids) await referenceRefresh(tx, id);
    });
    expect(await rowsAfter((tx) => refreshStories(tx, ids))).toEqual(reference);
    expect(
      await rowsAfter(async (tx) => {
        for (const id of ids) await refreshStory(tx, id);
      }),
    ).toEqual(reference);
    // The emptied story: counts zero, its comparison kept.
    const emptied = (reference as { stories: { id: string; articleCount: number; comparison: unknown }[] }).stories.find((s) => s.id === last.id)!;
    expect(emptied.articleCount).toBe(0);
    expect(emptied.comparison).not.toBeNull();
  });
});

// refreshStory as it was before session 10 (lib/ingest/refresh-story.ts at 08a1bbd), one story at a time.
async function referenceRefresh(tx: Prisma.TransactionClient, storyId: string): Promise<void> {
  const story = await tx.story.findUnique({ where: { id: storyId }, select: { id: true, slug: true, comparison: true } });
  if (!story) return;
  const articles = await tx.article.findMany({
    where: { storyId },
    orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      titleDerived: true,
      body: true,
      publishedAt: true,
      createdAt: true,
      outletId: true,
      copyOfId: true,
      outlet: { select: { id: true, name: true } },
      entities: { select: { salience: true, entity: { select: { key: true, name: true, type: true } } } },
      mentions: {
        select: { field: true, start: true, end: true, surface: true, descriptor: true, entity: { select: { key: true } } },
        orderBy: { start: "asc" },
      },
    },
  });
  if (!articles.length) {
    await tx.story.update({ where: { id: storyId }, data: { articleCount: 0, outletCount: 0, reprintCount: 0, comparison: undefined } });
    return;
  }
  const dates = articles.map((a) => a.publishedAt).filter((d): d is Date => d !== null);
  const outlets = new Set(articles.map((a) => a.outletId).filter(Boolean));
  const entityWeight = new Map<string, { key: string; name: string; type: string; weight: number }>();
  for (const a of articles) {
    for (const ae of a.entities) {
      const cur = entityWeight.get(ae.entity.key) ?? { ...ae.entity, weight: 0 };
      cur.weight += ae.salience;
      entityWeight.set(ae.entity.key, cur);
    }
  }
  const topEntities = [...entityWeight.values()]
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key))
    .slice(0, 8)
    .map((e) => ({ ...e, weight: Math.round(e.weight * 1000) / 1000 }));
  const { title, generated } = storyTitle(
    articles.map((a) => ({ title: a.title, titleDerived: a.titleDerived, publishedAt: a.publishedAt })),
    topEntities,
  );
  const slug = storySlug(title, story.id);
  if (slug !== story.slug) {
    await tx.storyRedirect.upsert({ where: { fromSlug: story.slug }, create: { fromSlug: story.slug, storyId }, update: { storyId } });
    await tx.storyRedirect.deleteMany({ where: { fromSlug: slug } });
  }
  const comparison = compareArticles(
    articles.map((a): CompareArticle => {
      const byKey = new Map<string, CompareArticle["entities"][number]>();
      for (const ae of a.entities) {
        byKey.set(ae.entity.key, { key: ae.entity.key, name: ae.entity.name, type: ae.entity.type as CompareArticle["entities"][number]["type"], mentions: [] });
      }
      for (const m of a.mentions) {
        byKey.get(m.entity.key)?.mentions.push({ field: m.field === "TITLE" ? "title" : "body", start: m.start, end: m.end, surface: m.surface, descriptor: m.descriptor });
      }
      return { id: a.id, outlet: a.outlet, title: a.title, titleDerived: a.titleDerived, body: a.body, publishedAt: a.publishedAt?.toISOString() ?? null, entities: [...byKey.values()] };
    }),
    (story.comparison as StoryComparison | null) ?? null,
  );
  const last = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
  await tx.story.update({
    where: { id: storyId },
    data: {
      title,
      titleGenerated: generated,
      slug,
      articleCount: articles.length,
      outletCount: outlets.size,
      reprintCount: articles.filter((a) => a.copyOfId).length,
      firstPublishedAt: dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null,
      lastPublishedAt: last,
      rankAt: last ?? articles.reduce((m, a) => (a.createdAt > m ? a.createdAt : m), articles[0]!.createdAt),
      topEntities,
      comparison: comparison as unknown as Prisma.InputJsonValue,
      comparedAt: new Date(),
    },
  });
}

// Bulk-load synthetic articles filed under given stories (signatures, index rows, corpus statistics),
// far faster than the upload path, for benchmarks that need a large database.
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { articleTermSet, articleVector, indexedTerms, updateSignature, type InMemoryStoryStore, type StorySignature } from "@/lib/stories";
import type { SyntheticArticle } from "../synthetic-corpus";

// New entities get ids derived from their key; rows that point at entities join on the key, because an
// entity may already exist under another id (one the upload path made for a real article before the load).
const entityIdOf = (key: string) => `e${createHash("sha1").update(key).digest("hex").slice(0, 24)}`;

// Rows per statement: one message each, and few enough round trips that they do not matter.
const ROWS = 10_000;

function* slices<T>(xs: T[], n = ROWS): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}

/**
 * Writes the batch's articles (with their entities), the stories they were filed under (signature and index
 * rows, rewritten for every story the batch touched) and the corpus statistics, as multi-row statements
 * over arrays (unnest): a few statements per table and batch, not a statement (or an ORM call) per row.
 */
export async function bulkLoad(articles: SyntheticArticle[], stories: Map<string, { id: string; sig: StorySignature }>, storyOf: Map<string, string>) {
  const d = db();
  const touched = [...new Set(articles.map((a) => storyOf.get(a.id)!))];
  const sigById = new Map([...stories.values()].map((s) => [s.id, s.sig]));
  const rows = touched.map((id) => ({ id, sig: sigById.get(id)! }));

  const keys = [...new Set([...articles.flatMap((a) => a.entities.map((e) => e.key)), ...rows.flatMap((r) => Object.keys(r.sig.entities))])];
  for (const chunk of slices(keys)) {
    await d.$executeRaw`
      INSERT INTO "Entity" (id, key, slug, name, type, aliases, "relatedKeys", "updatedAt")
      SELECT id, key, slug, key, 'OTHER', '{}', '{}', now()
      FROM unnest(${chunk.map(entityIdOf)}::text[], ${chunk}::text[], ${chunk.map((key) => `${key.replace(/[^a-z0-9]+/g, "-").slice(0, 60)}-${entityIdOf(key).slice(1, 13)}`)}::text[]) AS v(id, key, slug)
      ON CONFLICT (key) DO NOTHING`;
  }

  for (const chunk of slices(rows)) {
    const ids = chunk.map((c) => c.id);
    await d.$executeRaw`
      INSERT INTO "Story" (id, slug, title, "articleCount", signature, "updatedAt")
      SELECT id, 'story-' || id, 'Story ' || id, n, sig::jsonb, now()
      FROM unnest(${ids}::text[], ${chunk.map((c) => JSON.stringify(c.sig))}::text[], ${chunk.map((c) => c.sig.articleCount)}::int[]) AS v(id, sig, n)
      ON CONFLICT (id) DO UPDATE SET signature = EXCLUDED.signature, "articleCount" = EXCLUDED."articleCount"`;
    await d.$executeRaw`DELETE FROM "StoryEntity" WHERE "storyId" = ANY(${ids}::text[])`;
    await d.$executeRaw`DELETE FROM "StoryTerm" WHERE "storyId" = ANY(${ids}::text[])`;
    const ents = chunk.flatMap((c) => Object.entries(c.sig.entities).map(([k, w]) => [c.id, k, w] as const));
    for (const e of slices(ents)) {
      await d.$executeRaw`
        INSERT INTO "StoryEntity" ("storyId", "entityId", weight)
        SELECT v.s, e.id, v.w FROM unnest(${e.map((r) => r[0])}::text[], ${e.map((r) => r[1])}::text[], ${e.map((r) => r[2])}::float8[]) AS v(s, k, w)
        JOIN "Entity" e ON e.key = v.k`;
    }
    const terms = chunk.flatMap((c) => indexedTerms(c.sig).map(([t, w]) => [c.id, t, w] as const));
    for (const t of slices(terms)) {
      await d.$executeRaw`
        INSERT INTO "StoryTerm" ("storyId", term, weight)
        SELECT * FROM unnest(${t.map((r) => r[0])}::text[], ${t.map((r) => r[1])}::text[], ${t.map((r) => r[2])}::float8[])`;
    }
  }

  // Articles (for a realistic table size; the original file is the body's bytes) and their entities, so a
  // re-clustering reads the same features an upload produced.
  for (const chunk of slices(articles, 2_000)) {
    await d.$executeRaw`
      INSERT INTO "Article" (id, title, body, "wordCount", "contentHash", "fileHash", "sourceFormat", original, removed, "storyId", "publishedAt", "updatedAt")
      SELECT id, title, body, wc, id, id, 'text', convert_to(body, 'UTF8'), '{}', story, published, now()
      FROM unnest(${chunk.map((a) => a.id)}::text[], ${chunk.map((a) => a.title)}::text[], ${chunk.map((a) => a.body)}::text[],
        ${chunk.map((a) => a.body.split(" ").length)}::int[], ${chunk.map((a) => storyOf.get(a.id)!)}::text[],
        ${chunk.map((a) => a.publishedAt)}::timestamp[]) AS v(id, title, body, wc, story, published)`;
    const ae = chunk.flatMap((a) => [...new Map(a.entities.map((e) => [e.key, e])).values()].map((e) => [a.id, e.key, e.salience] as const));
    await d.$executeRaw`
      INSERT INTO "ArticleEntity" ("articleId", "entityId", salience, "mentionCount", "surfaceForms", descriptors)
      SELECT v.a, e.id, v.s, 1, '{}', '{}' FROM unnest(${ae.map((r) => r[0])}::text[], ${ae.map((r) => r[1])}::text[], ${ae.map((r) => r[2])}::float8[]) AS v(a, k, s)
      JOIN "Entity" e ON e.key = v.k`;
  }

  const df = new Map<string, number>();
  for (const a of articles) {
    for (const t of articleTermSet(a)) df.set(t, (df.get(t) ?? 0) + 1);
    for (const k of new Set(a.entities.map((e) => `@${e.key}`))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  df.set("#articles", articles.length);
  for (const chunk of slices([...df])) {
    await d.$executeRaw`INSERT INTO "TermStat" (term, df) SELECT * FROM unnest(${chunk.map((e) => e[0])}::text[], ${chunk.map((e) => e[1])}::int[])
      ON CONFLICT (term) DO UPDATE SET df = "TermStat".df + EXCLUDED.df`;
  }
  // A server that has been running has statistics and visibility maps from autovacuum; a bulk load has
  // neither until vacuumed: without statistics the planner reads every live story instead of looking the
  // candidates up by key, and without the visibility map the covering posting-list indexes still visit
  // the table for every row.
  await d.$executeRawUnsafe(`VACUUM ANALYZE "Story", "StoryTerm", "StoryEntity", "TermStat", "Entity", "Article", "ArticleEntity"`);
}

/**
 * Files a batch of synthetic articles under their generated stories (no clustering: the generator's story is
 * the story), updating the running signatures, then bulk-loads them.
 */
export async function loadUnderGeneratedStories(
  batch: SyntheticArticle[],
  state: { memory: InMemoryStoryStore; stories: Map<string, { id: string; sig: StorySignature }>; storyOf: Map<string, string> },
): Promise<void> {
  const { memory, stories, storyOf } = state;
  for (const a of batch) {
    const vec = articleVector(a, memory.stats());
    const s = stories.get(a.storyKey) ?? { id: `s${stories.size.toString(36).padStart(8, "0")}`, sig: null as unknown as StorySignature };
    s.sig = updateSignature(stories.has(a.storyKey) ? s.sig : null, vec);
    stories.set(a.storyKey, s);
    storyOf.set(a.id, s.id);
    memory.add(a, vec, memory.story(`story:${s.id}`) ? `story:${s.id}` : null);
  }
  await bulkLoad(batch, stories, storyOf);
}

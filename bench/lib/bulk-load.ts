// Bulk-load synthetic articles filed under given stories (signatures, index rows, corpus statistics),
// far faster than the upload path, for benchmarks that need a large database.
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { articleTermSet, articleVector, indexedTerms, updateSignature, type InMemoryStoryStore, type StorySignature } from "@/lib/stories";
import type { SyntheticArticle } from "../synthetic-corpus";

export async function bulkLoad(articles: SyntheticArticle[], stories: Map<string, { id: string; sig: StorySignature }>, storyOf: Map<string, string>) {
  const d = db();
  // Entities.
  const touchedSigs = [...new Set(articles.map((a) => storyOf.get(a.id)!))];
  const sigById = new Map([...stories.values()].map((s) => [s.id, s.sig]));
  const keys = [
    ...new Set([...articles.flatMap((a) => a.entities.map((e) => e.key)), ...touchedSigs.flatMap((id) => Object.keys(sigById.get(id)!.entities))]),
  ];
  const known = new Set((await d.entity.findMany({ select: { key: true } })).map((e) => e.key));
  const fresh = keys.filter((k) => !known.has(k));
  for (let i = 0; i < fresh.length; i += 5000) {
    await d.entity.createMany({
      data: fresh.slice(i, i + 5000).map((key) => ({ key, slug: `${key.replace(/[^a-z0-9]+/g, "-").slice(0, 60)}-${createHash("sha1").update(key).digest("hex").slice(0, 12)}`, name: key, type: "OTHER" as const })),
      skipDuplicates: true,
    });
  }
  const entityId = new Map((await d.entity.findMany({ select: { id: true, key: true } })).map((e) => [e.key, e.id]));
  // Stories touched by this batch: (re)write row, signature and index rows.
  const touched = new Set(articles.map((a) => storyOf.get(a.id)!));
  const byId = new Map([...stories.values()].map((s) => [s.id, s]));
  const rows = [...touched].map((id) => byId.get(id)!);
  const existing = new Set((await d.story.findMany({ where: { id: { in: [...touched] } }, select: { id: true } })).map((s) => s.id));
  await d.story.createMany({
    data: rows.filter((s) => !existing.has(s.id)).map((s) => ({ id: s.id, slug: `story-${s.id}`, title: `Story ${s.id}`, articleCount: s.sig.articleCount })),
  });
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await d.$executeRaw`UPDATE "Story" s SET signature = v.sig::jsonb, "articleCount" = v.n FROM unnest(${chunk.map((c) => c.id)}::text[], ${chunk.map((c) => JSON.stringify(c.sig))}::text[], ${chunk.map((c) => c.sig.articleCount)}::int[]) AS v(id, sig, n) WHERE s.id = v.id`;
    await d.storyEntity.deleteMany({ where: { storyId: { in: chunk.map((c) => c.id) } } });
    await d.storyTerm.deleteMany({ where: { storyId: { in: chunk.map((c) => c.id) } } });
    await d.storyEntity.createMany({
      data: chunk.flatMap((c) => Object.entries(c.sig.entities).map(([k, w]) => ({ storyId: c.id, entityId: entityId.get(k)!, weight: w })).filter((r) => r.entityId)),
      skipDuplicates: true,
    });
    await d.storyTerm.createMany({ data: chunk.flatMap((c) => indexedTerms(c.sig).map(([term, weight]) => ({ storyId: c.id, term, weight }))) });
  }
  // Articles (for a realistic table size) and corpus statistics.
  for (let i = 0; i < articles.length; i += 2000) {
    await d.article.createMany({
      data: articles.slice(i, i + 2000).map((a) => ({
        id: a.id,
        title: a.title,
        body: a.body,
        wordCount: a.body.split(" ").length,
        contentHash: a.id,
        fileHash: a.id,
        sourceFormat: "text",
        original: Buffer.from(a.body),
        storyId: storyOf.get(a.id)!,
        publishedAt: a.publishedAt,
      })),
    });
    // Their entities, so a re-clustering reads the same features an upload produced.
    await d.articleEntity.createMany({
      data: articles.slice(i, i + 2000).flatMap((a) =>
        [...new Map(a.entities.map((e) => [e.key, e])).values()].map((e) => ({
          articleId: a.id,
          entityId: entityId.get(e.key)!,
          salience: e.salience,
          mentionCount: 1,
          surfaceForms: [],
          descriptors: [],
        })),
      ),
      skipDuplicates: true,
    });
  }
  const df = new Map<string, number>();
  for (const a of articles) {
    for (const t of articleTermSet(a)) df.set(t, (df.get(t) ?? 0) + 1);
    for (const k of new Set(a.entities.map((e) => `@${e.key}`))) df.set(k, (df.get(k) ?? 0) + 1);
  }
  df.set("#articles", articles.length);
  const entries = [...df];
  for (let i = 0; i < entries.length; i += 5000) {
    const chunk = entries.slice(i, i + 5000);
    await d.$executeRaw`INSERT INTO "TermStat" (term, df) SELECT * FROM unnest(${chunk.map((e) => e[0])}::text[], ${chunk.map((e) => e[1])}::int[])
      ON CONFLICT (term) DO UPDATE SET df = "TermStat".df + EXCLUDED.df`;
  }
  // A server that has been running has statistics from autovacuum; a bulk load has none until analysed, and
  // without them the planner reads every live story instead of looking the candidates up by key.
  await d.$executeRawUnsafe(`ANALYZE "Story", "StoryTerm", "StoryEntity", "TermStat", "Entity"`);
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

// Corpus statistics (TermStat: document frequencies and the corpus size) are added after the placement
// commits, in batches, not inside it: upserting an article's hundred-odd keys was a fifth of the
// write-back's time, held under the story lock every upload waits for. The placement queues its article's
// keys (one row; commitPlacement in pg-story-store.ts), and `applyTermStatQueue` adds the queued rows to
// TermStat in one statement once a batch is waiting. The IDF this feeds is already read with a 5% drift
// tolerance, so a lag of at most 64 articles and 1% of the corpus changes no weight that matters; a young
// corpus, whose IDF moves most, is updated after every article, as before.
import { db, type Prisma } from "@/lib/db/client";

type Client = Prisma.TransactionClient;

/** Queued articles that make a batch: 1% of the corpus, between 1 and 64. */
export function termStatBatch(corpus: number): number {
  return Math.max(1, Math.min(64, Math.floor(corpus / 100)));
}

/**
 * Adds the queued articles' keys to TermStat and empties the queue, when at least a batch is waiting
 * (`force`: whatever is waiting; `client`: inside that transaction). Safe to run concurrently: each queued
 * row is deleted, and so counted, by one run only, and keys are upserted in key order so two runs cannot
 * deadlock. Returns the articles applied.
 */
export async function applyTermStatQueue(opts: { force?: boolean; client?: Client } = {}): Promise<number> {
  const client = opts.client ?? db();
  if (!opts.force) {
    const [row] = await client.$queryRaw<{ queued: number; corpus: number | null }[]>`
      SELECT (SELECT count(*)::int FROM "TermStatQueue") AS queued, (SELECT df FROM "TermStat" WHERE term = '#articles') AS corpus`;
    if (!row || row.queued < termStatBatch(row.corpus ?? 0)) return 0;
  }
  const [applied] = await client.$queryRaw<{ articles: number }[]>`
    WITH q AS (
      DELETE FROM "TermStatQueue" RETURNING keys
    ), counts AS (
      SELECT key, count(*)::int AS n FROM q CROSS JOIN LATERAL unnest(q.keys) AS key GROUP BY key
    ), up AS (
      INSERT INTO "TermStat" (term, df) SELECT key, n FROM counts ORDER BY key
      ON CONFLICT (term) DO UPDATE SET df = "TermStat".df + EXCLUDED.df
    )
    SELECT count(*)::int AS articles FROM q`;
  return applied?.articles ?? 0;
}

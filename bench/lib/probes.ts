// Timing placements of probe articles through the upload's own code, each in a transaction that is
// rolled back (shared by bench/stories-db.ts and bench/stories-fresh-server.ts).
import { bindTxSql, db, type Prisma } from "@/lib/db/client";
import { decideStory, recordPlacement } from "@/lib/ingest/ingest-articles";
import { STORY_LOCK } from "@/lib/ingest/story-lock";
import type { StoryVectorCache } from "@/lib/stories";
import { generateCorpus } from "../synthetic-corpus";

export class Rollback extends Error {}

/** Probe articles per pass. */
export const PROBES = 200;

/**
 * The synthetic corpus the PostgreSQL benchmarks store (its first `stored` articles) and probe with (the
 * `PROBES` after them): one seed, so a process of its own (bench/stories-fresh-server.ts) rebuilds the
 * probes of the database bench:stories-db left.
 */
export function benchCorpus(stored: number): { stored: ReturnType<typeof generateCorpus>; probes: ReturnType<typeof generateCorpus> } {
  const corpus = generateCorpus({ articles: stored + PROBES, seed: 7 });
  return { stored: corpus.slice(0, stored), probes: corpus.slice(stored) };
}

/** Places each probe in a transaction that is rolled back, so every probe sees the same database. */
export async function timeProbes(
  probes: ReturnType<typeof generateCorpus>,
  cache: StoryVectorCache | null | undefined,
  cands: number[],
): Promise<{ lock: number[]; decide: number[]; total: number[] }> {
  const times = { lock: [] as number[], decide: [] as number[], total: [] as number[] };
  for (const p of probes) {
    const probe = { ...p, id: `probe-${p.id}` };
    try {
      await db().$transaction(async (tx: Prisma.TransactionClient) => {
        const t0 = performance.now();
        await bindTxSql(tx, STORY_LOCK);
        const lock = performance.now() - t0;
        times.lock.push(lock);
        await tx.article.create({ data: { id: probe.id, title: probe.title, body: probe.body, wordCount: 1, contentHash: probe.id, fileHash: probe.id, sourceFormat: "text", original: Buffer.from("") } });
        const t = performance.now();
        const placement = await decideStory(tx, probe, cache);
        times.decide.push(performance.now() - t);
        await recordPlacement(tx, probe, placement);
        times.total.push(lock + performance.now() - t);
        const a = await tx.article.findUniqueOrThrow({ where: { id: probe.id }, select: { placement: { select: { assignment: true } } } });
        cands.push((a.placement!.assignment as { candidateCount: number }).candidateCount);
        throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
  }
  return times;
}


// Stored comparisons are computed when a story changes. When the comparison engine itself changes
// (COMPARISON_VERSION), the stories compared by the older engine would keep showing its results until
// their next upload; a starting server compares them again in the background, most recent stories first.
import { COMPARISON_VERSION } from "@/lib/compare";
import { db } from "@/lib/db/client";
import { refreshStory } from "./refresh-story";

export interface RecompareReport {
  stories: number;
  failed: number;
}

export async function recompareStale(): Promise<RecompareReport> {
  // One scan for the stale stories (reading a comparison's version detoasts the whole comparison, so the
  // scan is not repeated per batch). Only an engine change makes a story stale, never a running server, so
  // the list read at start is the whole work; each story is tried once, whatever happens to it.
  const stale = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM "Story"
    WHERE "mergedIntoId" IS NULL AND "articleCount" > 0 AND COALESCE((comparison->>'version')::int, 0) < ${COMPARISON_VERSION}
    ORDER BY "rankAt" DESC NULLS LAST, id`;
  let failed = 0;
  let stories = 0;
  for (const { id } of stale) {
    try {
      // One short transaction per story, holding only its row: an upload to the same story waits for at
      // most one comparison, and either sees the new row or writes its own (newer) one after it. The
      // placement lock is not taken, so uploads to other stories never wait.
      await db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "Story" WHERE id = ${id} FOR UPDATE`;
        await refreshStory(tx, id);
      });
      stories++;
    } catch (e) {
      // Left for the next start rather than retried in a loop; the others still get their turn.
      failed++;
      console.warn(`parallax: story ${id} not compared again: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { stories, failed };
}

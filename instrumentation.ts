// Runs once when a Next.js server starts (Next's instrumentation hook).

/**
 * Warms the story placement caches in the background (lib/ingest/pg-story-store.ts, `warmPlacementCaches`):
 * a fresh server's first uploads would otherwise read and weigh every candidate story for the first time,
 * under the story lock. Not awaited: the server takes requests at once, and an upload placed before the
 * warm-up ends is simply placed as before. Then stories whose stored comparison an older engine made are
 * compared again. Meanwhile articles an older extraction made are counted (named in the log with the command
 * that extracts them again; not done here). All skipped while building and when PARALLAX_WARM_START=0.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.PARALLAX_WARM_START === "0") return;
  const { warmPlacementCaches } = await import("@/lib/ingest/pg-story-store");
  const { recompareStale } = await import("@/lib/ingest/recompare");
  const { countStaleArticles, EXTRACTION_VERSION } = await import("@/lib/ingest/extraction-version");
  const t = performance.now();
  const ms = () => Math.round(performance.now() - t);
  warmPlacementCaches()
    .then(
      (r) => console.log(`parallax: placement caches warmed (${r.stories} stories, ${r.keys} statistics) in ${ms()} ms`),
      (e: unknown) => console.warn(`parallax: placement cache warm-up skipped: ${e instanceof Error ? e.message : String(e)}`),
    )
    // Then, still in the background, stories compared by an older comparison engine (lib/ingest/recompare.ts).
    .then(() => recompareStale())
    .then(
      (r) => r.stories + r.failed > 0 && console.log(`parallax: ${r.stories} stories compared again with the current engine (${r.failed} failed), ${ms()} ms after start`),
      (e: unknown) => console.warn(`parallax: re-comparison of older stories skipped: ${e instanceof Error ? e.message : String(e)}`),
    );
  // Meanwhile (one indexed count), articles an older extraction made are counted and the command named; they
  // are not re-extracted here: that rewrites what readers see (headlines, text, entities) and is followed by
  // a re-cluster, one long transaction under the story lock that uploads wait for, so an operator runs it
  // when it suits (README, "Re-extraction").
  countStaleArticles()
    .then(
      (n) =>
        n > 0 &&
        console.log(
          `parallax: ${n} article(s) were extracted by an older extraction (before version ${EXTRACTION_VERSION}); ` +
            "`npm run articles:reextract` extracts them again from their originals and re-clusters the stories",
        ),
      (e: unknown) => console.warn(`parallax: count of articles from an older extraction skipped: ${e instanceof Error ? e.message : String(e)}`),
    );
}

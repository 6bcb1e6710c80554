// Runs once when a Next.js server starts (Next's instrumentation hook).

/**
 * Warms the story placement caches in the background (lib/ingest/pg-story-store.ts, `warmPlacementCaches`):
 * a fresh server's first uploads would otherwise read and weigh every candidate story for the first time,
 * under the story lock. Not awaited: the server takes requests at once, and an upload placed before the
 * warm-up ends is simply placed as before. Then stories whose stored comparison an older engine made are
 * compared again. Both skipped while building and when PARALLAX_WARM_START=0.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.PARALLAX_WARM_START === "0") return;
  const { warmPlacementCaches } = await import("@/lib/ingest/pg-story-store");
  const { recompareStale } = await import("@/lib/ingest/recompare");
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
}

-- The story list's "Most covered" order (lib/db/story-queries.ts listStories, sort "coverage"): outlets,
-- then articles, then latest activity, keyset-paginated, so a page is read from the index, not sorted.
-- CreateIndex
CREATE INDEX "Story_outletCount_articleCount_rankAt_id_idx" ON "Story"("outletCount" DESC, "articleCount" DESC, "rankAt" DESC, "id");

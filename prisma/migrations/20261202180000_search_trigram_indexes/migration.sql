-- Search (lib/db/search-queries.ts) matches substrings of headlines and entity names. Trigram indexes
-- answer those ILIKE matches for words of three or more characters without scanning every row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Entity_name_trgm_idx" ON "Entity" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Story_title_trgm_idx" ON "Story" USING GIN ("title" gin_trgm_ops);

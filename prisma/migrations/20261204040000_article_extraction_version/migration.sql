-- Which extraction code made each article's text, metadata and entities (EXTRACTION_VERSION,
-- lib/ingest/extraction-version.ts). Rows stored before it was recorded are version 0: extracted by some
-- older code, re-extracted by `npm run articles:reextract`. And the fields an editor corrected, which
-- re-extraction keeps.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN "extractionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "editedFields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Article_extractionVersion_idx" ON "Article"("extractionVersion");

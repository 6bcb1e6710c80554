-- Whether the uploader named each article's outlet (true) or Parallax derived it (false): a re-extraction
-- derives the outlet again only when Parallax did. Rows stored before this was recorded are NULL: unknown,
-- re-extraction then goes by what the stored original shows (lib/ingest/reextract.ts).
-- AlterTable
ALTER TABLE "Article" ADD COLUMN "outletDeclared" BOOLEAN;

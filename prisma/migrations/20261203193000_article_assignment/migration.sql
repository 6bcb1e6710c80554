-- Explanations move out of the wide Article row into their own narrow table (a re-cluster rewrites all of them).
CREATE TABLE "ArticleAssignment" (
    "articleId" TEXT NOT NULL,
    "assignment" JSONB NOT NULL,

    CONSTRAINT "ArticleAssignment_pkey" PRIMARY KEY ("articleId")
);

ALTER TABLE "ArticleAssignment" ADD CONSTRAINT "ArticleAssignment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "ArticleAssignment" ("articleId", "assignment") SELECT "id", "assignment" FROM "Article" WHERE "assignment" IS NOT NULL;

ALTER TABLE "Article" DROP COLUMN "assignment";

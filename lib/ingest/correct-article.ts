// An editor's correction of what extraction got wrong (headline, outlet, byline, date). The story is
// refreshed in the same transaction, so its title, dates and comparison reflect the fix at once. The
// corrected fields are recorded (Article.editedFields): a later re-extraction keeps them.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { resolveOutlet } from "./resolve-outlet";
import { refreshStory } from "./refresh-story";

export const articleCorrectionSchema = z
  .object({
    title: z.string().trim().min(1, "title cannot be empty").max(500).optional(),
    outlet: z.string().trim().max(200).nullable().optional(),
    byline: z.string().trim().max(300).nullable().optional(),
    publishedAt: z.string().datetime({ offset: true, message: "must be an ISO 8601 date-time" }).nullable().optional(),
  })
  .strict();

export type ArticleCorrection = z.infer<typeof articleCorrectionSchema>;

export async function correctArticle(id: string, fix: ArticleCorrection): Promise<void> {
  await db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id }, select: { id: true, storyId: true, editedFields: true } });
    if (!article) throw new AppError("NOT_FOUND", "ARTICLE_NOT_FOUND", `No article with id ${id}.`);
    let outletId: string | null | undefined;
    if (fix.outlet !== undefined) {
      outletId = fix.outlet ? (await resolveOutlet(tx, { declared: fix.outlet, url: null, siteName: null, removedLines: [] })).outletId : null;
    }
    // Recorded, so that re-extracting the article from its original (reextract.ts) keeps the editor's value.
    const edited = (["title", "outlet", "byline", "publishedAt"] as const).filter((k) => fix[k] !== undefined);
    await tx.article.update({
      where: { id },
      data: {
        editedFields: [...new Set([...article.editedFields, ...edited])],
        ...(fix.title !== undefined ? { title: fix.title, titleDerived: false } : {}),
        ...(outletId !== undefined ? { outletId } : {}),
        ...(fix.byline !== undefined ? { byline: fix.byline || null } : {}),
        ...(fix.publishedAt !== undefined
          ? { publishedAt: fix.publishedAt ? new Date(fix.publishedAt) : null, publishedAtText: null }
          : {}),
      },
    });
    if (article.storyId) await refreshStory(tx, article.storyId);
  }, { timeout: 60_000 });
}

// GET /api/articles/:id/original – the file as uploaded, as a download (never rendered as a page).
import { handle } from "@/lib/api/http";
import { getArticleOriginal } from "@/lib/db/article-queries";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const a = await getArticleOriginal(id);
  if (!a) throw new AppError("NOT_FOUND", "ARTICLE_NOT_FOUND", `No article with id ${id}.`);
  const name = (a.sourceFilename ?? `article-${id}.${a.sourceFormat === "json" || a.sourceFormat === "mhtml" ? a.sourceFormat : "txt"}`).replace(/[^\w.\- ]+/g, "_");
  // Served as an attachment with a neutral type: a saved HTML page must never run in our origin.
  return new Response(new Uint8Array(a.original), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${name}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
});

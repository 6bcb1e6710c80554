// POST /api/articles/:id/move – an editor moves the article to another story ({story: slug}) or a new one ({story: null}).
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { moveArticle } from "@/lib/editor/story-edits";
import { jsonBody, moveArticleSchema } from "@/lib/editor/schemas";

export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const { story } = await jsonBody(req, moveArticleSchema);
  return NextResponse.json(await moveArticle(id, story));
});

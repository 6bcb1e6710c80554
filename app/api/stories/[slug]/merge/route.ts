// POST /api/stories/:slug/merge – an editor merges this story into another ({into: slug}); this permalink then redirects.
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { mergeStories } from "@/lib/editor/story-edits";
import { jsonBody, mergeSchema } from "@/lib/editor/schemas";

export const POST = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const { into } = await jsonBody(req, mergeSchema);
  return NextResponse.json(await mergeStories(slug, into));
});

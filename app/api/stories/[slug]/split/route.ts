// POST /api/stories/:slug/split – an editor splits some articles ({articleIds}) off into a new story.
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { splitStory } from "@/lib/editor/story-edits";
import { jsonBody, splitStorySchema } from "@/lib/editor/schemas";

export const POST = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const { articleIds } = await jsonBody(req, splitStorySchema);
  return NextResponse.json(await splitStory(slug, articleIds), { status: 201 });
});

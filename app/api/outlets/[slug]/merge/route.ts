// POST /api/outlets/:slug/merge – an editor merges this outlet into another ({into: slug}).
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { mergeOutlets } from "@/lib/editor/outlet-edits";
import { jsonBody, mergeSchema } from "@/lib/editor/schemas";

export const POST = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const { into } = await jsonBody(req, mergeSchema);
  return NextResponse.json(await mergeOutlets(slug, into));
});

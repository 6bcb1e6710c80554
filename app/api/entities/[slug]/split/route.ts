// POST /api/entities/:slug/split – an editor splits a wrongly merged name ({alias}) off into its own entity.
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { splitAlias } from "@/lib/editor/entity-edits";
import { jsonBody, splitAliasSchema } from "@/lib/editor/schemas";

export const POST = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const { alias } = await jsonBody(req, splitAliasSchema);
  return NextResponse.json(await splitAlias(slug, alias), { status: 201 });
});

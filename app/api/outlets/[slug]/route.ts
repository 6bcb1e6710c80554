// GET /api/outlets/:slug – an outlet with its names, domains and latest articles.
// PATCH /api/outlets/:slug – rename ({name}); the old name stays as an alias.
import { NextResponse } from "next/server";
import { z } from "zod";
import { handle } from "@/lib/api/http";
import { articleSummary } from "@/lib/api/serialize";
import { getOutlet } from "@/lib/db/outlet-queries";
import { renameOutlet } from "@/lib/editor/outlet-edits";
import { jsonBody } from "@/lib/editor/schemas";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const o = await getOutlet(slug);
  const origin = await publicOrigin();
  if (!o) throw new AppError("NOT_FOUND", "OUTLET_NOT_FOUND", `No outlet at ${slug}.`);
  if (o.mergedInto) return NextResponse.redirect(`${origin}/api/outlets/${o.mergedInto.slug}`, 308);
  return NextResponse.json({
    id: o.id,
    slug: o.slug,
    name: o.name,
    aliases: o.aliases,
    domains: o.domains,
    articleCount: o._count.articles,
    articles: o.articles.map((a) => articleSummary(origin, { ...a, outlet: { id: o.id, name: o.name, slug: o.slug } })),
  });
});

export const PATCH = handle(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const { name } = await jsonBody(req, z.object({ name: z.string().trim().min(1).max(200) }).strict());
  return NextResponse.json(await renameOutlet(slug, name));
});

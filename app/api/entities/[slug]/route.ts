// GET /api/entities/:slug – an entity's names, the stories and outlets that mention it, the descriptors
// each outlet used (with counts) and co-occurring entities.
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { storyUrl } from "@/lib/api/serialize";
import { getEntityBySlug, getEntityProfile } from "@/lib/db/entity-queries";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const found = await getEntityBySlug(slug);
  const origin = await publicOrigin();
  if (found.kind === "redirect") return NextResponse.redirect(`${origin}/api/entities/${found.slug}`, 308);
  if (found.kind === "missing") throw new AppError("NOT_FOUND", "ENTITY_NOT_FOUND", `No entity at ${slug}.`);
  const e = found.entity;
  const profile = await getEntityProfile(e.id, e.relatedKeys);
  return NextResponse.json({
    id: e.id,
    slug: e.slug,
    key: e.key,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    articleCount: e.articleCount,
    related: profile.related,
    stories: profile.stories.map((s) => ({ ...s, url: storyUrl(origin, s.slug), lastPublishedAt: s.lastPublishedAt?.toISOString() ?? null })),
    outlets: profile.outlets,
    cooccurring: profile.cooccurring.map(({ n: _n, ...c }) => c),
  });
});

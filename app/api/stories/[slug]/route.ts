// GET /api/stories/:slug – a story with its articles and the stored side-by-side comparison.
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { articleSummary, storySummary, storyUrl } from "@/lib/api/serialize";
import { getStoryBySlug, getStoryComparison } from "@/lib/db/story-queries";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const { slug } = await ctx.params;
  const found = await getStoryBySlug(slug);
  const origin = await publicOrigin();
  if (found.kind === "redirect") return NextResponse.redirect(`${origin}/api/stories/${found.slug}`, 308);
  if (found.kind === "missing") throw new AppError("NOT_FOUND", "STORY_NOT_FOUND", `No story at ${slug}.`);
  const s = found.story;
  const outlets = [...new Map(s.articles.filter((a) => a.outlet).map((a) => [a.outlet!.id, a.outlet!])).values()];
  return NextResponse.json({
    ...storySummary(origin, { ...s, outlets }),
    topEntities: s.topEntities,
    articles: s.articles.map((a) => ({
      ...articleSummary(origin, { ...a, story: { id: s.id, slug: s.slug } }),
      wordCount: a.wordCount,
      language: a.language,
      copyOfId: a.copyOfId,
      assignment: a.placement?.assignment ?? null,
    })),
    comparison: await getStoryComparison(s.id),
    permalink: storyUrl(origin, s.slug),
  });
});

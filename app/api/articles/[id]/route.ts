// GET /api/articles/:id – one article with its clean text and entities.
// PATCH /api/articles/:id – correct title, outlet, byline or date.
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { articleSummary } from "@/lib/api/serialize";
import { getArticle } from "@/lib/db/article-queries";
import { articleCorrectionSchema, correctArticle } from "@/lib/ingest/correct-article";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const a = await getArticle(id);
  if (!a) throw new AppError("NOT_FOUND", "ARTICLE_NOT_FOUND", `No article with id ${id}.`);
  const origin = await publicOrigin();
  return NextResponse.json({
    ...articleSummary(origin, a),
    body: a.body,
    lead: a.lead,
    caption: a.caption,
    language: a.language,
    wordCount: a.wordCount,
    publishedAtText: a.publishedAtText,
    sourceFilename: a.sourceFilename,
    sourceFormat: a.sourceFormat,
    original: `${origin}/api/articles/${a.id}/original`,
    copyOf: a.copyOf ? { id: a.copyOf.id, title: a.copyOf.title } : null,
    removed: a.removed,
    assignment: a.placement?.assignment ?? null,
    entities: a.entities.map((ae) => ({
      id: ae.entity.id,
      slug: ae.entity.slug,
      key: ae.entity.key,
      name: ae.entity.name,
      type: ae.entity.type,
      mentions: ae.mentionCount,
      surfaceForms: ae.surfaceForms,
      descriptors: ae.descriptors,
      salience: ae.salience,
    })),
  });
});

export const PATCH = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("INVALID_INPUT", "INVALID_JSON", "The body must be JSON.");
  }
  await correctArticle(id, articleCorrectionSchema.parse(body));
  const a = await getArticle(id);
  return NextResponse.json(articleSummary(await publicOrigin(), a!));
});

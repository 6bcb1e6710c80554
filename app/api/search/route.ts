// GET /api/search?q – stories, entities and outlets matching every word of q.
import { NextResponse, type NextRequest } from "next/server";
import { handle } from "@/lib/api/http";
import { storySummary } from "@/lib/api/serialize";
import { searchEverything } from "@/lib/db/search-queries";
import { AppError } from "@/lib/errors";
import { searchParamsSchema } from "@/lib/search/query";
import { publicOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: NextRequest) => {
  const { q } = searchParamsSchema.parse({ q: req.nextUrl.searchParams.get("q") ?? undefined });
  const found = await searchEverything(q);
  if (found.words.length === 0) {
    throw new AppError("INVALID_INPUT", "NO_SEARCH_WORDS", "q has no letters or digits to search for.");
  }
  const origin = await publicOrigin();
  return NextResponse.json({
    query: q,
    words: found.words,
    stories: found.stories.map((s) => storySummary(origin, s)),
    entities: found.entities.map((e) => ({ ...e, url: `${origin}/entities/${e.slug}` })),
    outlets: found.outlets.map((o) => ({ ...o, url: `${origin}/outlets/${o.slug}` })),
  });
});

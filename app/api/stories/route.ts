// GET /api/stories?limit&cursor&sort – stories, newest activity first (sort=recent, the default) or the
// stories most outlets covered first (sort=coverage).
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { handle } from "@/lib/api/http";
import { storySummary } from "@/lib/api/serialize";
import { decodeCursor, listStories, STORY_SORTS } from "@/lib/db/story-queries";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  sort: z.enum(STORY_SORTS).default("recent"),
});

export const GET = handle(async (req: NextRequest) => {
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  if (q.cursor && !decodeCursor(q.cursor)) throw new AppError("INVALID_INPUT", "INVALID_CURSOR", "cursor is not one this API returned.");
  const { stories, nextCursor } = await listStories({ limit: q.limit, cursor: q.cursor, sort: q.sort });
  const origin = await publicOrigin();
  return NextResponse.json({ stories: stories.map((s) => storySummary(origin, s)), nextCursor });
});

import Link from "next/link";
import { StoryCard } from "@/components/story-card";
import { listStories } from "@/lib/db/story-queries";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

export default async function HomePage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const { stories, nextCursor } = await listStories({ limit: PAGE_SIZE, cursor: cursor ?? null });
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Stories</h1>
      <p className="mt-1 max-w-2xl text-muted">
        Articles from different outlets, grouped by the event they report. Open a story to see, claim by claim, how
        each outlet told it.
      </p>
      {stories.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-black/20 p-8 text-center">
          <p className="font-medium">No stories yet.</p>
          <p className="mt-1 text-muted">
            <Link href="/upload" className="text-accent underline">
              Upload article files
            </Link>{" "}
            to start.
          </p>
        </div>
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2" aria-label="Stories">
          {stories.map((s) => (
            <StoryCard key={s.id} {...s} />
          ))}
        </ul>
      )}
      <nav aria-label="Pagination" className="mt-6 flex gap-4">
        {cursor && (
          <Link href="/" className="text-accent underline">
            ← Newest
          </Link>
        )}
        {nextCursor && (
          <Link href={`/?cursor=${encodeURIComponent(nextCursor)}`} className="text-accent underline">
            Older stories →
          </Link>
        )}
      </nav>
    </div>
  );
}

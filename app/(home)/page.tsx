import Link from "next/link";
import { StoryCard } from "@/components/story-card";
import { decodeCursor, listStories, type StorySort } from "@/lib/db/story-queries";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

const SORTS: { sort: StorySort; label: string }[] = [
  { sort: "recent", label: "Newest" },
  { sort: "coverage", label: "Most outlets" },
];

const hrefFor = (sort: StorySort, cursor?: string) => {
  const q = new URLSearchParams({ ...(sort === "recent" ? {} : { sort }), ...(cursor ? { cursor } : {}) }).toString();
  return q ? `/?${q}` : "/";
};

export default async function HomePage({ searchParams }: { searchParams: Promise<{ cursor?: string; sort?: string }> }) {
  const params = await searchParams;
  const sort: StorySort = params.sort === "coverage" ? "coverage" : "recent";
  // A cursor from the other order (or a mangled one) starts the list from the top rather than failing.
  const cursor = params.cursor && decodeCursor(params.cursor)?.sort === sort ? params.cursor : null;
  const { stories, nextCursor } = await listStories({ limit: PAGE_SIZE, cursor, sort });
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Stories</h1>
      <p className="mt-1 max-w-2xl text-muted">
        Articles from different outlets, grouped by the event they report. Open a story to see, claim by claim, how
        each outlet told it.
      </p>
      <nav aria-label="Order of stories" className="mt-4 flex gap-2 text-sm">
        {SORTS.map((o) => (
          <Link
            key={o.sort}
            href={hrefFor(o.sort)}
            aria-current={o.sort === sort ? "page" : undefined}
            className={o.sort === sort ? "rounded-full bg-ink px-3 py-1 text-white" : "rounded-full border border-black/15 px-3 py-1 hover:bg-black/5"}
          >
            {o.label}
          </Link>
        ))}
      </nav>
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
          <Link href={hrefFor(sort)} className="text-accent underline">
            ← First page
          </Link>
        )}
        {nextCursor && (
          <Link href={hrefFor(sort, nextCursor)} className="text-accent underline">
            {sort === "recent" ? "Older stories" : "More stories"} →
          </Link>
        )}
      </nav>
    </div>
  );
}

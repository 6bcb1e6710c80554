import { coverage, dateRange, plural } from "./format";
import { StoryLink } from "@/components/story-link";

export interface StoryCardProps {
  slug: string;
  title: string;
  titleGenerated: boolean;
  articleCount: number;
  outletCount: number;
  reprintCount: number;
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
  outlets: { id: string; name: string }[];
}

export function StoryCard(s: StoryCardProps) {
  const range = dateRange(s.firstPublishedAt, s.lastPublishedAt);
  return (
    <li className="rounded-lg border border-black/10 bg-white p-4 shadow-sm transition hover:shadow-md">
      <h2 className="text-lg font-semibold leading-snug">
        <StoryLink slug={s.slug} className="hover:underline focus-visible:underline">
          {s.title}
        </StoryLink>
        {s.titleGenerated && (
          <span className="ml-2 align-middle text-xs font-normal text-muted" title="Title written by Parallax from the shared entities">
            (title by Parallax)
          </span>
        )}
      </h2>
      <p className="mt-1 text-sm text-muted">
        {coverage(s.outletCount, s.articleCount)}
        {s.reprintCount > 0 && ` (${plural(s.reprintCount, "reprint")})`}
        {range && ` · ${range}`}
      </p>
      {s.outlets.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Outlets">
          {s.outlets.map((o) => (
            <li key={o.id} className="rounded-full bg-black/5 px-2 py-0.5 text-xs text-ink">
              {o.name}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

import Link from "next/link";
import type { StoryComparison } from "@/lib/compare";
import { coverage, dateRange, formatDateTime, plural } from "../format";
import { storyPageScriptSource } from "./page-script";
import { ShareButton } from "./share-button";
import { orderArticles, StoryView, type StoryArticle } from "./story-view";

export interface StoryPageStory {
  id: string;
  slug: string;
  title: string;
  titleGenerated: boolean;
  outletCount: number;
  articleCount: number;
  reprintCount: number;
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
  articles: StoryArticle[];
}

/** The story page's content: header, timeline, central claim, the side-by-side comparison, editor tools. */
export function StoryPage({
  story: s,
  comparison,
  url,
  pair,
  focus,
}: {
  story: StoryPageStory;
  comparison: StoryComparison | null;
  /** The permalink (what the share button copies). */
  url: string;
  pair: [string, string] | null;
  focus: string | null;
}) {
  const range = dateRange(s.firstPublishedAt, s.lastPublishedAt);
  const timeline = [...s.articles].sort((a, b) => (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity));
  const first = timeline.find((a) => a.publishedAt);
  const { ordered, labels } = orderArticles(s.articles, comparison);
  const name = (id: string) => labels.get(id) ?? "Unknown outlet";
  // What the comparison counts a claim's outlets by: each named outlet once, each article without one as its own.
  const sources = s.outletCount + s.articles.filter((a) => !a.outlet).length;
  const central = comparison?.centralClaim ?? null;

  return (
    <article>
      <header>
        <div className="flex flex-wrap items-start gap-3">
          <h1 className="flex-1 text-2xl font-bold leading-tight tracking-tight md:text-3xl">
            {s.title}
            {s.titleGenerated && <span className="ml-2 align-middle text-sm font-normal text-muted">(title by Parallax)</span>}
          </h1>
          <ShareButton url={url} title={s.title} />
        </div>
        <p className="mt-2 text-sm text-muted">
          {coverage(s.outletCount, s.articleCount)}
          {s.reprintCount > 0 && ` (${plural(s.reprintCount, "reprint")})`}
          {range && ` · ${range}`}
          {first && ` · first dated report: ${name(first.id)}`}
        </p>
        <ol aria-label="Coverage timeline" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {timeline.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-1">
              <span aria-hidden className={a.publishedAt ? "text-accent" : "text-muted"}>
                ●
              </span>
              <span className="font-medium">{name(a.id)}</span>
              <span className="text-muted">{formatDateTime(a.publishedAt) ?? "no date in the file"}</span>
            </li>
          ))}
        </ol>
      </header>
      {central && (
        <p className="mt-3 max-w-4xl text-[1.05rem] leading-relaxed">
          <span className="text-sm font-medium text-muted">
            Central claim, carried by {central.outletCount} of {plural(sources, "outlet")} (quoted from {name(central.articleId)}):
          </span>{" "}
          “{central.text}”
        </p>
      )}
      <div className="mt-4">
        <StoryView slug={s.slug} articles={ordered} labels={labels} comparison={comparison} pair={pair} focus={focus} />
      </div>
      {/* Last in the page, so every control it wires is already parsed when it runs. */}
      <script dangerouslySetInnerHTML={{ __html: storyPageScriptSource }} />
    </article>
  );
}

export function StoryNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">Story not found</h1>
      <p className="mt-2 text-muted">No story lives at this address. Its link may be mistyped.</p>
      <Link href="/" className="mt-4 inline-block text-accent underline">
        See all stories
      </Link>
    </div>
  );
}

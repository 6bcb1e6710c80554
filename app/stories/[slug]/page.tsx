import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache, Suspense } from "react";
import { ShareButton } from "@/components/story/share-button";
import { StoryView, type StoryArticle } from "@/components/story/story-view";
import { dateRange, formatDateTime, plural } from "@/components/format";
import type { StoryComparison } from "@/lib/compare";
import { getStoryBySlug, getStoryComparison } from "@/lib/db/story-queries";
import { publicOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// One query each per request, shared by generateMetadata and the page.
const lookup = cache((slug: string) => getStoryBySlug(slug));
const comparisonOf = cache(async (storyId: string) => (await getStoryComparison(storyId)) as StoryComparison | null);

// The story is looked up before anything is sent (no loading boundary above it), so a renamed or merged
// story's old permalink answers a real 308; the heavier comparison then streams in below the header.
async function load(slug: string) {
  const found = await lookup(slug);
  if (found.kind === "redirect") permanentRedirect(`/stories/${found.slug}`);
  if (found.kind === "missing") notFound();
  return found.story;
}

function sharpestDifference(c: StoryComparison | null): string | null {
  const row = c?.descriptors.find((d) => d.differs);
  if (!row) return null;
  const words = row.cells.flatMap((cell) => cell.descriptors.slice(0, 1).map((d) => `“${d.text}”`));
  return words.length >= 2 ? `${row.name}: ${[...new Set(words)].slice(0, 3).join(" vs ")}` : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const found = await lookup(slug);
  if (found.kind !== "found") return { title: "Story not found" };
  const s = found.story;
  const outlets = [...new Set(s.articles.map((a) => a.outlet?.name).filter(Boolean))];
  const diff = sharpestDifference(await comparisonOf(s.id));
  const description = `${plural(s.outletCount, "outlet")} side by side${outlets.length ? ` (${outlets.slice(0, 4).join(", ")})` : ""}: shared claims, what only one carries, and the words each uses.${diff ? ` ${diff}.` : ""}`;
  const url = `${await publicOrigin()}/stories/${s.slug}`;
  return {
    title: s.title,
    description,
    alternates: { canonical: url },
    openGraph: { title: s.title, description, url, type: "article", siteName: "Parallax" },
    twitter: { card: "summary_large_image", title: s.title, description },
  };
}

/** The ?a=…&b=… of the picker's form, or ?compare=a,b of links. */
function requestedPair(q: Record<string, string | string[] | undefined>): [string, string] | null {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const a = one(q.a);
  const b = one(q.b);
  if (a && b) return [a, b];
  const [x, y] = (one(q.compare) ?? "").split(",");
  return x && y ? [x, y] : null;
}

export default async function StoryPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const s = await load(slug);
  const query = await searchParams;
  const pair = requestedPair(query);
  const focus = typeof query.claim === "string" && /^[a-z0-9]{4,40}$/.test(query.claim) ? query.claim : null;
  const url = `${await publicOrigin()}/stories/${s.slug}`;
  const range = dateRange(s.firstPublishedAt, s.lastPublishedAt);
  const timeline = [...s.articles].sort((a, b) => (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity));
  const first = timeline.find((a) => a.publishedAt);

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
          {plural(s.outletCount, "outlet")} · {plural(s.articleCount, "article")}
          {s.reprintCount > 0 && ` (${plural(s.reprintCount, "reprint")})`}
          {range && ` · ${range}`}
          {first && ` · first dated report: ${first.outlet?.name ?? "unknown outlet"}`}
        </p>
        <ol aria-label="Coverage timeline" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {timeline.map((a) => (
            <li key={a.id} className="flex items-center gap-1">
              <span aria-hidden className={a.publishedAt ? "text-accent" : "text-muted"}>
                ●
              </span>
              <span className="font-medium">{a.outlet?.name ?? "Unknown outlet"}</span>
              <span className="text-muted">{formatDateTime(a.publishedAt) ?? "no date in the file"}</span>
            </li>
          ))}
        </ol>
      </header>
      <Suspense fallback={<ComparisonLoading />}>
        <Comparison storyId={s.id} slug={s.slug} articles={s.articles} outletCount={s.outletCount || s.articleCount} pair={pair} focus={focus} />
      </Suspense>
    </article>
  );
}

async function Comparison(props: {
  storyId: string;
  slug: string;
  articles: StoryArticle[];
  outletCount: number;
  pair: [string, string] | null;
  focus: string | null;
}) {
  const comparison = await comparisonOf(props.storyId);
  const central = comparison?.centralClaim ?? null;
  const centralOutlet = central ? (props.articles.find((a) => a.id === central.articleId)?.outlet?.name ?? "an unknown outlet") : null;
  return (
    <>
      {central && (
        <p className="mt-3 max-w-4xl text-[1.05rem] leading-relaxed">
          <span className="text-sm font-medium text-muted">
            Central claim, carried by {central.outletCount} of {props.outletCount} outlets (quoted from {centralOutlet}):
          </span>{" "}
          “{central.text}”
        </p>
      )}
      <div className="mt-4">
        <StoryView slug={props.slug} articles={props.articles} comparison={comparison} pair={props.pair} focus={props.focus} />
      </div>
    </>
  );
}

function ComparisonLoading() {
  return (
    <div role="status" aria-live="polite" className="mt-4 animate-pulse space-y-3">
      <div className="h-5 w-3/4 rounded bg-black/5" />
      <div className="grid grid-cols-2 gap-3">
        <div className="h-32 rounded-lg bg-black/5" />
        <div className="h-32 rounded-lg bg-black/5" />
      </div>
      <span className="sr-only">Loading the comparison…</span>
    </div>
  );
}

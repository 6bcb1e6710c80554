// The story page (/stories/[slug]), the permalink readers share. It is a reading page, so it is served as
// server-rendered HTML without hydrating React: the app router's client runtime alone is 133 KB gzipped,
// against a 90 KB budget for the whole page (issue 6). `unstable_runtimeJS: false` makes Next.js send no
// framework script and no page data; the share button and the editor forms are wired by the page's own
// small inline script (components/story/page-script.ts). Everything else is links, GET forms and
// <details>, which need no script. Only `next build` output honours the flag: `next dev` still hydrates.
import type { GetServerSideProps } from "next";
import Head from "next/head";
import { z } from "zod";
import { ErrorPanel, retryClassName } from "@/components/error-panel";
import { plural } from "@/components/format";
import { StoryNotFound, StoryPage, type StoryPageStory } from "@/components/story/story-page";
import { isDatabaseDown } from "@/lib/api/http";
import type { StoryComparison } from "@/lib/compare";
import { getStoryBySlug, getStoryComparison } from "@/lib/db/story-queries";
import { log } from "@/lib/log";
import { originFrom } from "@/lib/origin";

// Next.js 16.4.5 still honours unstable_runtimeJS (server/render.js, pages/_document.js) but no longer
// types it; naming the runtime the page needs anyway (Prisma over pg) keeps the config assignable to
// its page-config type. e2e/story-page.ui.spec.ts fails if an upgrade stops honouring the flag.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/** Dates travel as ISO strings: page props must be JSON (next dev serialises them for hydration). */
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type WireStory = Wire<Omit<StoryPageStory, "articles">> & { articles: Wire<StoryPageStory["articles"][number]>[] };

type Props =
  | { state: "found"; story: WireStory; comparison: StoryComparison | null; origin: string; pair: [string, string] | null; focus: string | null }
  | { state: "missing" }
  | { state: "error"; reference: string; retry: string };

const one = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (Array.isArray(v) ? v[0] : v));
const querySchema = z.object({
  a: one,
  b: one,
  compare: one,
  claim: one.transform((v) => (v && /^[a-z0-9]{4,40}$/.test(v) ? v : null)),
});

/** The ?a=…&b=… of the picker's form, or ?compare=a,b of links. */
function requestedPair(q: z.infer<typeof querySchema>): [string, string] | null {
  if (q.a && q.b) return [q.a, q.b];
  const [x, y] = (q.compare ?? "").split(",");
  return x && y ? [x, y] : null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const date = (s: string | null) => (s ? new Date(s) : null);

export const getServerSideProps: GetServerSideProps<Props, { slug: string }> = async ({ params, query, req, res, resolvedUrl }) => {
  const slug = params?.slug ?? "";
  try {
    // The same named queries as the API; the comparison is the one stored when the story last changed.
    const found = await getStoryBySlug(slug);
    if (found.kind === "redirect") {
      const search = resolvedUrl.includes("?") ? resolvedUrl.slice(resolvedUrl.indexOf("?")) : "";
      return { redirect: { destination: `/stories/${found.slug}${search}`, permanent: true } };
    }
    if (found.kind === "missing") {
      res.statusCode = 404;
      return { props: { state: "missing" } };
    }
    const s = found.story;
    const comparison = (await getStoryComparison(s.id)) as StoryComparison | null;
    const q = querySchema.parse(query);
    const story: WireStory = {
      id: s.id,
      slug: s.slug,
      title: s.title,
      titleGenerated: s.titleGenerated,
      outletCount: s.outletCount,
      articleCount: s.articleCount,
      reprintCount: s.reprintCount,
      firstPublishedAt: iso(s.firstPublishedAt),
      lastPublishedAt: iso(s.lastPublishedAt),
      articles: s.articles.map((a) => ({
        id: a.id,
        title: a.title,
        titleDerived: a.titleDerived,
        byline: a.byline,
        publishedAt: iso(a.publishedAt),
        publishedAtText: a.publishedAtText,
        url: a.url,
        wordCount: a.wordCount,
        copyOfId: a.copyOfId,
        assignment: a.placement?.assignment ?? null,
        outlet: a.outlet ? { id: a.outlet.id, name: a.outlet.name, slug: a.outlet.slug } : null,
      })),
    };
    const origin = originFrom({ get: (name) => [req.headers[name]].flat()[0] });
    return { props: { state: "found", story, comparison, origin, pair: requestedPair(q), focus: q.claim } };
  } catch (e) {
    // Nothing has been sent yet, so the failure gets a real status: 503 while the database is
    // unreachable, else 500; the reader sees the shared error state, the log the details.
    const reference = crypto.randomUUID().slice(0, 8);
    res.statusCode = isDatabaseDown(e) ? 503 : 500;
    log.error("story page failed", { slug, reference, error: e instanceof Error ? e.stack : String(e) });
    return { props: { state: "error", reference, retry: resolvedUrl } };
  }
};

/** The sharpest wording difference, for the preview text: "Vladimir Putin: “Russian President” vs “Russian dictator”". */
function sharpestDifference(c: StoryComparison | null): string | null {
  const row = c?.descriptors.find((d) => d.differs);
  if (!row) return null;
  const words = row.cells.flatMap((cell) => cell.descriptors.slice(0, 1).map((d) => `“${d.text}”`));
  return words.length >= 2 ? `${row.name}: ${[...new Set(words)].slice(0, 3).join(" vs ")}` : null;
}

/** Open Graph and Twitter card tags and the canonical URL, as the app router's metadata would write them. */
function StoryHead({ story: s, comparison, origin }: { story: WireStory; comparison: StoryComparison | null; origin: string }) {
  const outlets = [...new Set(s.articles.map((a) => a.outlet?.name).filter(Boolean))];
  const diff = sharpestDifference(comparison);
  const description = `${s.outletCount > 0 ? plural(s.outletCount, "outlet") : plural(s.articles.length, "article")} side by side${outlets.length ? ` (${outlets.slice(0, 4).join(", ")})` : ""}: shared claims, what only one carries, and the words each uses.${diff ? ` ${diff}.` : ""}`;
  const url = `${origin}/stories/${s.slug}`;
  // app/stories/[slug]/opengraph-image.tsx renders it (next/og).
  const image = `${url}/opengraph-image`;
  const alt = "Parallax story preview";
  return (
    <Head>
      <title>{`${s.title} · Parallax`}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={url} />
      <meta property="og:title" content={s.title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content="Parallax" />
      <meta property="og:image" content={image} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content="1200" />
      <meta property="og:image:height" content="630" />
      <meta property="og:image:alt" content={alt} />
      <meta property="og:type" content="article" />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={s.title} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={image} />
      <meta name="twitter:image:alt" content={alt} />
    </Head>
  );
}

export default function StoryRoute(props: Props) {
  if (props.state === "missing") {
    return (
      <>
        <Head>
          <title>Story not found · Parallax</title>
        </Head>
        <StoryNotFound />
      </>
    );
  }
  if (props.state === "error") {
    return (
      <>
        <Head>
          <title>This page could not be loaded · Parallax</title>
        </Head>
        <ErrorPanel reference={props.reference}>
          <a href={props.retry} className={retryClassName}>
            Try again
          </a>
        </ErrorPanel>
      </>
    );
  }
  const { story: wire, comparison, origin, pair, focus } = props;
  const story: StoryPageStory = {
    ...wire,
    firstPublishedAt: date(wire.firstPublishedAt),
    lastPublishedAt: date(wire.lastPublishedAt),
    articles: wire.articles.map((a) => ({ ...a, publishedAt: date(a.publishedAt) })),
  };
  return (
    <>
      <StoryHead story={wire} comparison={comparison} origin={origin} />
      <StoryPage story={story} comparison={comparison} url={`${origin}/stories/${story.slug}`} pair={pair} focus={focus} />
    </>
  );
}

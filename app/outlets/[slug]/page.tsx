import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache, Suspense } from "react";
import { EditorAction } from "@/components/editor-action";
import { formatDate, plural } from "@/components/format";
import { getOutlet } from "@/lib/db/outlet-queries";
import { EditorTools } from "@/components/editor-tools";
import { StoryLink } from "@/components/story-link";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => {
  const o = await getOutlet(slug);
  if (!o) notFound();
  if (o.mergedInto) permanentRedirect(`/outlets/${o.mergedInto.slug}`);
  return o;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const o = await load((await params).slug);
  return { title: o.name };
}

export default async function OutletPage({ params }: Params) {
  const o = await load((await params).slug);
  return (
    <Suspense
      fallback={
        <div role="status" aria-live="polite" className="h-40 animate-pulse rounded-lg bg-black/5">
          <span className="sr-only">Loading…</span>
        </div>
      }
    >
      <OutletView o={o} />
    </Suspense>
  );
}

// Rendered inside a Suspense boundary: the lookup above decides redirects (308) before anything is sent.
function OutletView({ o }: { o: Awaited<ReturnType<typeof load>> }) {
  return (
    <div>
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Outlet</p>
      <h1 className="text-2xl font-bold">{o.name}</h1>
      <p className="mt-1 text-sm text-muted">
        {plural(o._count.articles, "article")}
        {o.domains.length > 0 && ` · ${o.domains.join(", ")}`}
        {o.aliases.length > 0 && ` · also known as ${o.aliases.map((a) => `“${a}”`).join(", ")}`}
      </p>
      <ul className="mt-4 space-y-2">
        {o.articles.map((a) => (
          <li key={a.id}>
            <Link href={`/articles/${a.id}`} className="text-accent underline">
              {a.title}
            </Link>
            <span className="text-sm text-muted">
              {" "}
              · {formatDate(a.publishedAt) ?? "date unknown"}
              {a.story && (
                <>
                  {" · "}
                  <StoryLink slug={a.story.slug} className="underline">
                    story
                  </StoryLink>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <EditorTools>
        <EditorAction title="Merge this outlet into another" endpoint={`/api/outlets/${o.slug}/merge`} fields={[{ name: "into", label: "Slug of the outlet to merge into" }]} submitLabel="Merge" goTo="outlet" />
      </EditorTools>
    </div>
  );
}

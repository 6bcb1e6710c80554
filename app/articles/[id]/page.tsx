import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatDateTime, plural } from "@/components/format";
import { ArticleCorrectionForm } from "@/components/article-correction-form";
import { EditorAction } from "@/components/editor-action";
import { getArticle } from "@/lib/db/article-queries";
import { StoryLink } from "@/components/story-link";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const a = await getArticle(id);
  if (!a) notFound();
  return a;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const a = await load((await params).id);
  return { title: a.title, description: a.lead ?? undefined };
}

const TYPE_LABEL = { PERSON: "People", ORGANIZATION: "Organisations", PLACE: "Places", OTHER: "Other" } as const;

export default async function ArticlePage({ params }: Params) {
  const a = await load((await params).id);
  const byType = new Map<string, typeof a.entities>();
  for (const e of a.entities) byType.set(e.entity.type, [...(byType.get(e.entity.type) ?? []), e]);
  const paragraphs = a.body.split(/\n{2,}/);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <article>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {a.outlet ? (
            <Link href={`/outlets/${a.outlet.slug}`} className="hover:underline">
              {a.outlet.name}
            </Link>
          ) : (
            "Unknown outlet — set it under “Correct the details”"
          )}
        </p>
        <h1 className="mt-1 text-2xl font-bold leading-tight md:text-3xl">{a.title}</h1>
        {a.titleDerived && <p className="text-sm text-muted">The file has no headline: this one is derived by Parallax from the lead.</p>}
        <p className="mt-2 text-sm text-muted">
          {a.byline ?? "No byline"} ·{" "}
          {a.publishedAt ? <time dateTime={a.publishedAt.toISOString()}>{formatDateTime(a.publishedAt)}</time> : "date unknown"}
          {a.publishedAtText && ` (printed: “${a.publishedAtText}”)`} · {plural(a.wordCount, "word")}
          {a.language && ` · ${a.language}`}
        </p>
        {a.story && (
          <p className="mt-3 rounded-md bg-black/5 px-3 py-2 text-sm">
            Part of the story{" "}
            <StoryLink slug={a.story.slug} className="font-medium text-accent underline">
              {a.story.title}
            </StoryLink>{" "}
            ({plural(a.story.articleCount, "article")})
          </p>
        )}
        {a.copyOf && (
          <p className="mt-2 text-sm text-amber-900">
            A near-verbatim reprint of{" "}
            <Link href={`/articles/${a.copyOf.id}`} className="underline">
              {a.copyOf.outlet?.name ?? "another outlet"}’s article
            </Link>
            .
          </p>
        )}
        {a.caption && <p className="mt-4 border-l-4 border-black/10 pl-3 text-sm italic text-muted">Caption: {a.caption}</p>}
        <div className="mt-4 max-w-prose space-y-4 leading-relaxed">
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        {a.removed.length > 0 && (
          <details className="mt-6 rounded-lg border border-black/10 bg-white p-3 text-sm">
            <summary className="cursor-pointer font-medium">Removed as boilerplate ({plural(a.removed.length, "block")})</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-muted">
              {a.removed.map((r, i) => (
                <li key={i} className="break-words">
                  {r}
                </li>
              ))}
            </ul>
          </details>
        )}
      </article>
      <aside className="space-y-6">
        <section aria-labelledby="entities-h">
          <h2 id="entities-h" className="font-semibold">
            Who and what
          </h2>
          {a.entities.length === 0 ? (
            <p className="mt-1 text-sm text-muted">No entities found.</p>
          ) : (
            [...byType].map(([type, list]) => (
              <div key={type} className="mt-2">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">{TYPE_LABEL[type as keyof typeof TYPE_LABEL]}</h3>
                <ul className="mt-1 flex flex-wrap gap-1.5">
                  {list.map((e) => (
                    <li key={e.entity.id}>
                      <Link href={`/entities/${e.entity.slug}`} className="inline-block rounded-full bg-black/5 px-2 py-0.5 text-sm hover:bg-black/10">
                        {e.entity.name}
                        {e.descriptors.length > 0 && <span className="text-muted"> · {e.descriptors.slice(0, 2).join(", ")}</span>}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
        <section aria-labelledby="source-h">
          <h2 id="source-h" className="font-semibold">
            Source file
          </h2>
          {/* Uploaded file names can be one long unbroken word (a hash, a slug): wrap them anywhere. */}
          <p className="mt-1 break-all text-sm text-muted">
            {a.sourceFilename ?? "submitted as text"} ({a.sourceFormat})
          </p>
          <a href={`/api/articles/${a.id}/original`} className="mt-1 inline-block text-sm text-accent underline" download>
            Download the original
          </a>
          {a.url && (
            <a href={a.url} rel="noopener noreferrer nofollow" className="mt-1 block break-all text-sm text-accent underline">
              {a.url}
            </a>
          )}
        </section>
        <ArticleCorrectionForm
          id={a.id}
          title={a.title}
          outlet={a.outlet?.name ?? ""}
          byline={a.byline ?? ""}
          publishedAt={a.publishedAt?.toISOString().slice(0, 16) ?? ""}
        />
        <details>
          <summary className="cursor-pointer font-semibold">Move to another story</summary>
          <div className="mt-2">
            <EditorAction
              title="Editors can place the article by hand; re-clustering keeps it there."
              endpoint={`/api/articles/${a.id}/move`}
              fields={[{ name: "story", label: "Slug of the target story (empty: a new story)", nullWhenEmpty: true }]}
              submitLabel="Move"
              goTo="story"
            />
          </div>
        </details>
      </aside>
    </div>
  );
}

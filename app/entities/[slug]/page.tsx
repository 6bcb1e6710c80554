import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache, Suspense } from "react";
import { plural } from "@/components/format";
import { EditorAction } from "@/components/editor-action";
import { getEntityBySlug, getEntityProfile } from "@/lib/db/entity-queries";
import { EditorTools } from "@/components/editor-tools";
import { StoryLink } from "@/components/story-link";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

const lookup = cache(async (slug: string) => {
  const found = await getEntityBySlug(slug);
  if (found.kind === "redirect") permanentRedirect(`/entities/${found.slug}`);
  if (found.kind === "missing") notFound();
  return found.entity;
});

const TYPE_LABEL = { PERSON: "Person", ORGANIZATION: "Organisation", PLACE: "Place", OTHER: "Other" } as const;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const e = await lookup((await params).slug);
  return { title: e.name, description: `How outlets name and describe ${e.name}, and the stories that mention it.` };
}

// The entity is looked up before anything is sent (no loading boundary above it), so a merged entity's
// page answers a real 308; its profile (stories, outlets, descriptors) streams in below.
export default async function EntityPage({ params }: Params) {
  const e = await lookup((await params).slug);
  return (
    <Suspense
      fallback={
        <div role="status" aria-live="polite" className="animate-pulse space-y-3">
          <div className="h-4 w-24 rounded bg-black/10" />
          <div className="h-8 w-1/2 rounded bg-black/10" />
          <div className="h-40 rounded-lg bg-black/5" />
          <span className="sr-only">Loading…</span>
        </div>
      }
    >
      <EntityProfile e={e} />
    </Suspense>
  );
}

async function EntityProfile({ e }: { e: Awaited<ReturnType<typeof lookup>> }) {
  const p = await getEntityProfile(e.id, e.relatedKeys);
  return (
    <div>
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">{TYPE_LABEL[e.type]}</p>
      <h1 className="text-2xl font-bold md:text-3xl">{e.name}</h1>
      {e.aliases.length > 0 && <p className="mt-1 text-muted">Also written: {e.aliases.map((a) => `“${a}”`).join(", ")}</p>}
      {p.related.length > 0 && (
        <p className="mt-1 text-sm text-muted">
          Related to:{" "}
          {p.related.map((r, i) => (
            <span key={r.slug}>
              {i > 0 && ", "}
              <Link href={`/entities/${r.slug}`} className="text-accent underline">
                {r.name}
              </Link>
            </span>
          ))}
        </p>
      )}
      <p className="mt-1 text-sm text-muted">Mentioned in {plural(e.articleCount, "article")}.</p>

      <section aria-labelledby="desc-h" className="mt-6">
        <h2 id="desc-h" className="text-lg font-semibold">
          How each outlet describes {e.name}
        </h2>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>
                <th scope="col" className="p-2 text-left">Outlet</th>
                <th scope="col" className="p-2 text-left">Descriptors used (count)</th>
                <th scope="col" className="p-2 text-left">Names used</th>
                <th scope="col" className="p-2 text-right">Mentions</th>
              </tr>
            </thead>
            <tbody>
              {p.outlets.map((o) => (
                <tr key={o.id ?? "unknown"} className="border-t border-black/10 align-top">
                  <th scope="row" className="p-2 text-left font-medium">{o.name}</th>
                  <td className="p-2">
                    {o.descriptors.length === 0
                      ? <span className="text-muted">none</span>
                      : o.descriptors.map((d) => (
                          <span key={d.text} className="mr-1 inline-block rounded bg-black/5 px-1.5 py-0.5">
                            “{d.text}” <span className="text-muted">×{d.count}</span>
                          </span>
                        ))}
                  </td>
                  <td className="p-2">{o.surfaceForms.map((s) => `“${s}”`).join(", ")}</td>
                  <td className="p-2 text-right">{o.mentions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="stories-h">
          <h2 id="stories-h" className="text-lg font-semibold">Stories</h2>
          <ul className="mt-2 space-y-2">
            {p.stories.map((s) => (
              <li key={s.id}>
                <StoryLink slug={s.slug} className="text-accent underline">
                  {s.title}
                </StoryLink>
                <span className="text-sm text-muted"> · {plural(s.outletCount, "outlet")} · {plural(s.mentions, "mention")}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="co-h">
          <h2 id="co-h" className="text-lg font-semibold">Often named with</h2>
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {p.cooccurring.map((c) => (
              <li key={c.slug}>
                <Link href={`/entities/${c.slug}`} className="inline-block rounded-full bg-black/5 px-2 py-0.5 text-sm hover:bg-black/10">
                  {c.name} <span className="text-muted">({c.articles})</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <EditorTools>
        <EditorAction
          title={`Merge ${e.name} into another entity`}
          endpoint={`/api/entities/${e.slug}/merge`}
          fields={[{ name: "into", label: "Slug of the entity to merge into" }]}
          submitLabel="Merge"
          goTo="entity"
        />
        {e.aliases.length > 0 && (
          <EditorAction
            title="Split a wrongly merged name off"
            endpoint={`/api/entities/${e.slug}/split`}
            fields={[{ name: "alias", label: "Name", options: e.aliases.map((a) => ({ value: a, label: a })) }]}
            submitLabel="Split off"
            goTo="entity"
          />
        )}
      </EditorTools>
    </div>
  );
}

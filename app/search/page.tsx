import type { Metadata } from "next";
import Link from "next/link";
import { EntityChipList } from "@/components/entity-chip-list";
import { plural } from "@/components/format";
import { SearchForm } from "@/components/search-form";
import { StoryCard } from "@/components/story-card";
import { searchEverything } from "@/lib/db/search-queries";
import { searchParamsSchema } from "@/lib/search/query";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

function queryOf(raw: string | string[] | undefined): string {
  return (Array.isArray(raw) ? raw[0] : raw) ?? "";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryOf((await searchParams).q).trim();
  // Result pages change with every upload: keep them out of search engines' indexes.
  return { title: q ? `Search: ${q.slice(0, 60)}` : "Search", robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = queryOf((await searchParams).q);
  const parsed = searchParamsSchema.safeParse({ q: raw });
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Search</h1>
      <div className="mt-3">
        <SearchForm id="search-page-q" size="large" defaultValue={raw} />
      </div>
      {!raw.trim() ? (
        <p className="mt-4 text-muted">Find stories by their headlines and by the people, organisations and places they are about.</p>
      ) : !parsed.success ? (
        <p role="alert" className="mt-4 text-red-800">
          {parsed.error.issues[0]?.message}
        </p>
      ) : (
        <Results q={parsed.data.q} />
      )}
    </div>
  );
}

/** "1 story, 2 entities and 1 outlet", leaving out what found nothing. */
function listOf(parts: (string | 0)[]): string {
  const words = parts.filter((p): p is string => Boolean(p));
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : (words[0] ?? "");
}

function ResultSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

async function Results({ q }: { q: string }) {
  const found = await searchEverything(q);
  if (found.words.length === 0) {
    return (
      <p role="alert" className="mt-4 text-red-800">
        “{q}” has no letters or digits to search for.
      </p>
    );
  }
  const total = found.stories.length + found.entities.length + found.outlets.length;
  return (
    <div className="mt-6 space-y-8">
      <p role="status" className="text-sm text-muted">
        {total === 0
          ? `Nothing matches every word of “${q}”.`
          : `${listOf([
              found.stories.length && plural(found.stories.length, "story", "stories"),
              found.entities.length && plural(found.entities.length, "entity", "entities"),
              found.outlets.length && plural(found.outlets.length, "outlet"),
            ])} ${total === 1 ? "matches" : "match"} every word of “${q}”.`}
      </p>
      {found.entities.length > 0 && (
        <ResultSection id="found-entities" title="People, organisations and places">
          <EntityChipList entities={found.entities} label="Matching entities" />
        </ResultSection>
      )}
      {found.stories.length > 0 && (
        <ResultSection id="found-stories" title="Stories">
          <ul className="grid gap-4 md:grid-cols-2" aria-label="Matching stories">
            {found.stories.map((s) => (
              <StoryCard key={s.id} {...s} />
            ))}
          </ul>
        </ResultSection>
      )}
      {found.outlets.length > 0 && (
        <ResultSection id="found-outlets" title="Outlets">
          <ul className="space-y-1" aria-label="Matching outlets">
            {found.outlets.map((o) => (
              <li key={o.id}>
                <Link href={`/outlets/${o.slug}`} className="text-accent underline">
                  {o.name}
                </Link>{" "}
                <span className="text-sm text-muted">· {plural(o.articleCount, "article")}</span>
              </li>
            ))}
          </ul>
        </ResultSection>
      )}
    </div>
  );
}

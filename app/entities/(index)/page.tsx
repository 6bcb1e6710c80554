import type { Metadata } from "next";
import Link from "next/link";
import { EntityChipList } from "@/components/entity-chip-list";
import { decodeEntityCursor, listEntities, type EntityTypeName } from "@/lib/db/entity-queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "People, organisations and places",
  description: "Everyone and everything the stories on Parallax are about, by how many articles mention them.",
};

const PAGE_SIZE = 60;

const FILTERS: { param: string; type: EntityTypeName | null; label: string }[] = [
  { param: "", type: null, label: "All" },
  { param: "person", type: "PERSON", label: "People" },
  { param: "organization", type: "ORGANIZATION", label: "Organisations" },
  { param: "place", type: "PLACE", label: "Places" },
  { param: "other", type: "OTHER", label: "Other" },
];

type Props = { searchParams: Promise<{ type?: string; cursor?: string }> };

export default async function EntitiesPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filter = FILTERS.find((f) => f.param === (sp.type ?? "")) ?? FILTERS[0]!;
  // An unreadable cursor (edited by hand, or from an older page) starts from the top instead of failing.
  const cursor = sp.cursor && decodeEntityCursor(sp.cursor) ? sp.cursor : null;
  const { entities, nextCursor } = await listEntities({ type: filter.type, limit: PAGE_SIZE, cursor });
  const hrefFor = (param: string, next?: string) => {
    const qs = new URLSearchParams();
    if (param) qs.set("type", param);
    if (next) qs.set("cursor", next);
    const s = qs.toString();
    return s ? `/entities?${s}` : "/entities";
  };
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">People, organisations and places</h1>
      <p className="mt-1 max-w-2xl text-muted">
        Who and what the articles are about, most mentioned first. Open one to see how each outlet describes it.
      </p>
      <nav aria-label="Entity type" className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((f) => (
            <li key={f.label}>
              <Link
                href={hrefFor(f.param)}
                aria-current={f === filter ? "page" : undefined}
                className={`rounded-md px-3 py-1 text-sm ${f === filter ? "bg-ink text-white" : "bg-black/5 text-ink hover:bg-black/10"}`}
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6">
        {entities.length === 0 ? (
          <p className="text-muted">
            {cursor ? "No more entities." : "No entities yet: they appear as articles are uploaded."}
          </p>
        ) : (
          <EntityChipList entities={entities} label={filter.type ? filter.label : "Entities"} />
        )}
      </div>
      <nav aria-label="Pagination" className="mt-6 flex gap-4">
        {cursor && (
          <Link href={hrefFor(filter.param)} className="text-accent underline">
            ← Most mentioned
          </Link>
        )}
        {nextCursor && (
          <Link href={hrefFor(filter.param, nextCursor)} className="text-accent underline">
            More →
          </Link>
        )}
      </nav>
    </div>
  );
}

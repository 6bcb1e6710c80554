import Link from "next/link";
import { plural } from "./format";

export const ENTITY_TYPE_LABEL = { PERSON: "Person", ORGANIZATION: "Organisation", PLACE: "Place", OTHER: "Other" } as const;

export interface EntityChip {
  id: string;
  slug: string;
  name: string;
  type: string;
  articleCount: number;
}

/** Entities as links to their pages, each with its type and how many articles mention it. */
export function EntityChipList({ entities, label }: { entities: EntityChip[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {entities.map((e) => (
        <li key={e.id}>
          <Link
            href={`/entities/${e.slug}`}
            className="inline-flex items-baseline gap-1.5 rounded-full border border-black/10 bg-white px-3 py-1 text-sm hover:border-black/30 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            <span className="font-medium text-ink">{e.name}</span>
            <span className="text-xs text-muted">
              {ENTITY_TYPE_LABEL[e.type as keyof typeof ENTITY_TYPE_LABEL] ?? e.type} · {plural(e.articleCount, "article")}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

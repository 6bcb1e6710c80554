import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/components/format";
import { listOutlets } from "@/lib/db/outlet-queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outlets" };

export default async function OutletsPage() {
  const outlets = await listOutlets();
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Outlets</h1>
      {outlets.length === 0 ? (
        <p className="mt-4 text-muted">No outlets yet.</p>
      ) : (
        <ul className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {outlets.map((o) => (
            <li key={o.id} className="rounded-lg border border-black/10 bg-white p-3">
              <Link href={`/outlets/${o.slug}`} className="font-medium text-accent underline">
                {o.name}
              </Link>
              <p className="text-sm text-muted">
                {plural(o._count.articles, "article")}
                {o.domains.length > 0 && ` · ${o.domains.join(", ")}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

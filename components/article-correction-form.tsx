"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

// Lets a reader fix what extraction got wrong. Saved through PATCH /api/articles/:id; the story view
// is recomputed in the same transaction.
export function ArticleCorrectionForm(props: { id: string; title: string; outlet: string; byline: string; publishedAt: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({ kind: "idle" });

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const date = String(form.get("publishedAt") ?? "");
    const body = {
      title: String(form.get("title") ?? ""),
      outlet: String(form.get("outlet") ?? "") || null,
      byline: String(form.get("byline") ?? "") || null,
      publishedAt: date ? new Date(`${date}:00Z`).toISOString() : null,
    };
    setStatus({ kind: "saving" });
    const res = await fetch(`/api/articles/${props.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.ok) {
      setStatus({ kind: "saved" });
      router.refresh();
    } else {
      const err = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setStatus({ kind: "error", message: err?.error?.message ?? `Saving failed (HTTP ${res.status}).` });
    }
  }

  const field = "mt-1 w-full rounded border border-black/20 bg-white px-2 py-1 text-sm";
  return (
    <section aria-labelledby="correct-h">
      <details>
        <summary id="correct-h" className="cursor-pointer font-semibold">
          Correct the details
        </summary>
        <form onSubmit={submit} className="mt-2 space-y-2 text-sm">
          <label className="block">
            Headline
            <input name="title" defaultValue={props.title} required maxLength={500} className={field} />
          </label>
          <label className="block">
            Outlet
            <input name="outlet" defaultValue={props.outlet} maxLength={200} className={field} placeholder="Unknown" />
          </label>
          <label className="block">
            Byline
            <input name="byline" defaultValue={props.byline} maxLength={300} className={field} />
          </label>
          <label className="block">
            Published (UTC)
            <input name="publishedAt" type="datetime-local" defaultValue={props.publishedAt} className={field} />
          </label>
          <button
            type="submit"
            disabled={status.kind === "saving"}
            className="rounded-md bg-ink px-3 py-1.5 font-medium text-white disabled:opacity-60"
          >
            {status.kind === "saving" ? "Saving…" : "Save corrections"}
          </button>
          <p role="status" aria-live="polite" className={status.kind === "error" ? "text-red-800" : "text-muted"}>
            {status.kind === "saved" ? "Saved." : status.kind === "error" ? status.message : ""}
          </p>
        </form>
      </details>
    </section>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export interface EditorField {
  name: string;
  label: string;
  /** Options turn the field into a select; "multi" into checkboxes (an array value). */
  options?: { value: string; label: string }[];
  multi?: boolean;
  placeholder?: string;
  nullWhenEmpty?: boolean;
}

// One small form for every editor decision (merge, split, move): posts JSON, then opens the page the
// decision produced. Errors are shown as the API words them.
export function EditorAction(props: { title: string; endpoint: string; fields: EditorField[]; submitLabel: string; goTo: "story" | "entity" | "outlet" }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, unknown> = {};
    for (const f of props.fields) {
      if (f.multi) body[f.name] = form.getAll(f.name).map(String);
      else {
        const v = String(form.get(f.name) ?? "").trim();
        body[f.name] = v === "" && f.nullWhenEmpty ? null : v;
      }
    }
    setBusy(true);
    setError(null);
    const res = await fetch(props.endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await res.json().catch(() => null)) as { slug?: string; error?: { message?: string } } | null;
    setBusy(false);
    if (!res.ok || !json?.slug) {
      setError(json?.error?.message ?? `Failed (HTTP ${res.status}).`);
      return;
    }
    router.push(`/${{ story: "stories", entity: "entities", outlet: "outlets" }[props.goTo]}/${json.slug}`);
    router.refresh();
  }

  const input = "mt-1 w-full rounded border border-black/20 bg-white px-2 py-1";
  return (
    <form onSubmit={submit} className="space-y-2 text-sm">
      <p className="font-medium">{props.title}</p>
      {props.fields.map((f) =>
        f.multi ? (
          <fieldset key={f.name}>
            <legend>{f.label}</legend>
            {f.options?.map((o) => (
              <label key={o.value} className="block">
                <input type="checkbox" name={f.name} value={o.value} className="mr-1" />
                {o.label}
              </label>
            ))}
          </fieldset>
        ) : f.options ? (
          <label key={f.name} className="block">
            {f.label}
            <select name={f.name} className={input}>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label key={f.name} className="block">
            {f.label}
            <input name={f.name} className={input} placeholder={f.placeholder} />
          </label>
        ),
      )}
      <button type="submit" disabled={busy} className="rounded-md border border-black/20 px-3 py-1 hover:bg-black/5 disabled:opacity-50">
        {busy ? "Working…" : props.submitLabel}
      </button>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}

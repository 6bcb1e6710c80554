"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { EditorForm, targetPath, type EditorFormProps } from "./editor-form";

export type { EditorField } from "./editor-form";

// An editor decision on a page that hydrates React: posts the form as JSON, then opens the page the
// decision produced. Errors are shown as the API words them.
export function EditorAction(props: EditorFormProps) {
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
    const next = `${targetPath[props.goTo]}${json.slug}`;
    // The story page is served without React (pages router): router.push would fetch it once, find it is
    // not an app-router page, and load it again as a document. One ordinary page load instead.
    if (props.goTo === "story") {
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(next);
      return;
    }
    router.push(next);
    router.refresh();
  }

  return <EditorForm {...props} busy={busy} error={error} onSubmit={submit} />;
}

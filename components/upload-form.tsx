"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { StoryLink } from "@/components/story-link";
import { savedPageResources } from "@/lib/extract/saved-pages";

type Result = {
  filename?: string;
  status: "created" | "duplicate" | "rejected";
  article?: { id: string; title: string; story: { slug: string } | null };
  error?: { code: string; message: string };
};

type Item = {
  key: string;
  file: File;
  progress: number; // 0..1 of bytes sent
  state: "queued" | "uploading" | "done" | "failed";
  results: Result[];
  message?: string;
};

const ACCEPT = ".txt,.text,.html,.htm,.xhtml,.mhtml,.mht,.md,.markdown,.json";
// A few files in flight at once: fast for hundreds of files without flooding the server.
const CONCURRENCY = 3;

function send(item: Item, fields: Record<string, string>, onProgress: (p: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("file", item.file, item.file.name);
    form.append("source", "web");
    for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/articles");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("The network connection failed."));
    xhr.send(form);
  });
}

/** "5 MB", "512 KB": the limit as people read it. */
function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function UploadForm({ maxBytes }: { maxBytes: number }) {
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [skipped, setSkipped] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  function add(files: FileList | File[]) {
    const all = Array.from(files).filter((f) => !f.name.startsWith("."));
    // A chosen folder also holds the "<page>_files" folders saved beside complete web pages: their frames,
    // scripts and images are not articles.
    const resources = savedPageResources(all.map((f) => f.webkitRelativePath || f.name));
    const list = all.filter((f) => !resources.has(f.webkitRelativePath || f.name));
    setSkipped((n) => n + resources.size);
    setItems((prev) => [
      ...prev.filter((p) => p.state !== "queued" || !list.some((f) => f.name === p.file.name && f.size === p.file.size)),
      // A file over the limit is refused here, with the server's own limit, instead of after its upload.
      ...list.map((file, i) => ({
        key: `${Date.now()}-${i}-${file.name}`,
        file,
        progress: 0,
        results: [],
        ...(file.size > maxBytes
          ? { state: "failed" as const, message: `The file is ${size(file.size)}; the limit is ${size(maxBytes)} per file.` }
          : { state: "queued" as const }),
      })),
    ]);
  }

  function update(key: string, patch: Partial<Item>) {
    setItems((prev) => prev.map((it) => (it.key === key ? { ...it, ...patch } : it)));
  }

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    const form = new FormData(formRef.current!);
    const date = String(form.get("publishedAt") ?? "");
    const fields = {
      outlet: String(form.get("outlet") ?? "").trim(),
      url: String(form.get("url") ?? "").trim(),
      publishedAt: date ? new Date(`${date}T00:00:00Z`).toISOString() : "",
    };
    const queue = items.filter((i) => i.state === "queued");
    setBusy(true);
    let next = 0;
    async function worker() {
      while (next < queue.length) {
        const item = queue[next++]!;
        update(item.key, { state: "uploading" });
        try {
          const { status, body } = await send(item, fields, (p) => update(item.key, { progress: p }));
          const results = (body as { results?: Result[] } | null)?.results;
          if (results) update(item.key, { state: "done", progress: 1, results });
          else {
            const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `The server answered HTTP ${status}.`;
            update(item.key, { state: "failed", progress: 1, message });
          }
        } catch (err) {
          update(item.key, { state: "failed", message: (err as Error).message });
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    setBusy(false);
  }

  const total = items.length;
  const finished = items.filter((i) => i.state === "done" || i.state === "failed").length;
  const overall = total ? items.reduce((s, i) => s + i.progress, 0) / total : 0;
  const field = "mt-1 w-full rounded border border-black/20 bg-white px-2 py-1.5";

  return (
    <form ref={formRef} onSubmit={upload} className="mt-6 space-y-4">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add(e.dataTransfer.files);
        }}
        className={`rounded-lg border-2 border-dashed p-8 text-center ${dragging ? "border-accent bg-blue-50" : "border-black/20 bg-white"}`}
      >
        <p className="font-medium">Drag and drop article files here</p>
        <p className="mt-1 text-sm text-muted">.txt, .html, .mhtml, .md or .json, up to {size(maxBytes)} each</p>
        <div className="mt-3 flex justify-center gap-2">
          <button type="button" onClick={() => fileInput.current?.click()} className="rounded-md border border-black/20 px-3 py-1.5 text-sm hover:bg-black/5">
            Choose files
          </button>
          <button type="button" onClick={() => folderInput.current?.click()} className="rounded-md border border-black/20 px-3 py-1.5 text-sm hover:bg-black/5">
            Choose a folder
          </button>
        </div>
        <label className="sr-only" htmlFor="file-input">
          Article files
        </label>
        <input id="file-input" ref={fileInput} type="file" multiple accept={ACCEPT} className="sr-only" onChange={(e) => e.target.files && add(e.target.files)} />
        <label className="sr-only" htmlFor="folder-input">
          Folder of article files
        </label>
        <input
          id="folder-input"
          ref={folderInput}
          type="file"
          multiple
          className="sr-only"
          onChange={(e) => e.target.files && add(e.target.files)}
          {...({ webkitdirectory: "" } as Record<string, string>)}
        />
      </div>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Optional, applied to every file</legend>
        <label className="text-sm">
          Outlet
          <input name="outlet" maxLength={200} className={field} placeholder="e.g. Reuters" />
        </label>
        <label className="text-sm">
          Original URL
          <input name="url" type="url" className={field} placeholder="https://…" />
        </label>
        <label className="text-sm">
          Published on
          <input name="publishedAt" type="date" className={field} />
        </label>
      </fieldset>

      <button
        type="submit"
        disabled={busy || !items.some((i) => i.state === "queued")}
        className="rounded-md bg-ink px-4 py-2 font-medium text-white hover:bg-black disabled:opacity-50"
      >
        {busy ? "Uploading…" : `Upload ${items.filter((i) => i.state === "queued").length || ""} file(s)`}
      </button>

      {skipped > 0 && (
        <p className="text-sm text-muted" role="status">
          Skipped {skipped} {skipped === 1 ? "file" : "files"} in the resource folders of saved pages (the “…_files” folder a
          browser saves beside a complete web page holds its images, scripts and frames, not articles).
        </p>
      )}

      {total > 0 && (
        <section aria-label="Upload progress" className="space-y-3">
          <div>
            <p className="text-sm text-muted" aria-live="polite">
              {finished} of {total} files processed
            </p>
            <progress className="h-2 w-full" value={overall} max={1} aria-label="Overall progress" />
          </div>
          <ul className="divide-y divide-black/10 rounded-lg border border-black/10 bg-white">
            {items.map((it) => (
              <li key={it.key} className="p-3 text-sm">
                <div className="flex items-center gap-3">
                  <span className="min-w-0 flex-1 truncate font-medium">{it.file.name}</span>
                  <progress className="h-1.5 w-24" value={it.progress} max={1} aria-label={`Progress of ${it.file.name}`} />
                </div>
                {it.state === "failed" && <p className="mt-1 text-red-800">Failed: {it.message}</p>}
                {it.results.map((r, i) => (
                  <p key={i} className="mt-1" data-status={r.status}>
                    {r.status === "created" && r.article && (
                      <>
                        <span className="font-medium text-green-800">Added:</span>{" "}
                        <Link href={`/articles/${r.article.id}`} className="text-accent underline">
                          {r.article.title}
                        </Link>
                        {r.article.story && (
                          <>
                            {" · "}
                            <StoryLink slug={r.article.story.slug} className="text-accent underline">
                              its story
                            </StoryLink>
                          </>
                        )}
                      </>
                    )}
                    {r.status === "duplicate" && r.article && (
                      <>
                        <span className="font-medium text-amber-800">Already here:</span>{" "}
                        <Link href={`/articles/${r.article.id}`} className="text-accent underline">
                          {r.article.title}
                        </Link>
                      </>
                    )}
                    {r.status === "rejected" && (
                      <>
                        <span className="font-medium text-red-800">Rejected:</span> {r.error?.message}
                      </>
                    )}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </form>
  );
}

"use client";

import { useId, useState } from "react";

// On a phone the story shows two outlets side by side; the reader picks which two. It only toggles CSS,
// so the server-rendered claims stay as they are (no re-render, no layout shift on desktop).
export function PairPicker({ articles }: { articles: { id: string; label: string }[] }) {
  const [pair, setPair] = useState<[string, string]>([articles[0]?.id ?? "", articles[1]?.id ?? ""]);
  const idA = useId();
  const idB = useId();
  if (articles.length < 3) return null;
  const hide = `@media (max-width: 767px) { [data-compare] [data-article]:not([data-article="${css(pair[0])}"]):not([data-article="${css(pair[1])}"]) { display: none; } }`;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 text-sm md:hidden">
      <style>{hide}</style>
      <span className="font-medium">Compare</span>
      <label htmlFor={idA} className="sr-only">
        First outlet
      </label>
      <select id={idA} value={pair[0]} onChange={(e) => setPair([e.target.value, pair[1]])} className="rounded border border-black/20 bg-white px-2 py-1">
        {articles.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
      <span>with</span>
      <label htmlFor={idB} className="sr-only">
        Second outlet
      </label>
      <select id={idB} value={pair[1]} onChange={(e) => setPair([pair[0], e.target.value])} className="rounded border border-black/20 bg-white px-2 py-1">
        {articles.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function css(id: string): string {
  return id.replace(/["\\]/g, "");
}

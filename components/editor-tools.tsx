import type { ReactNode } from "react";

// The collapsed panel holding a page's editor decisions (merge, split, move), the same on every page.
export function EditorTools({ spacing = "mt-8", children }: { spacing?: "mt-4" | "mt-8"; children: ReactNode }) {
  return (
    <details className={`${spacing} rounded-lg border border-black/10 bg-white p-3`}>
      <summary className="cursor-pointer font-semibold">Editor tools</summary>
      <div className="mt-3 grid gap-6 md:grid-cols-2">{children}</div>
    </details>
  );
}

import type { ReactNode } from "react";

// The error state every page shows when the server fails to render it (the database down, most often):
// a plain explanation, a reference for the logs, and a way to retry; never a stack trace.
export function ErrorPanel({ reference, children }: { reference?: string; children: ReactNode }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-2 text-red-900">
        Parallax could not reach its database or hit an unexpected problem. Try again in a moment.
        {reference && <span className="mt-1 block text-sm">Reference: {reference}</span>}
      </p>
      {children}
    </div>
  );
}

/** The retry control's look, for a button (app router: reset) and a link (a page without React: reload). */
export const retryClassName =
  "mt-4 inline-block rounded-md bg-red-800 px-3 py-1.5 text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-900";

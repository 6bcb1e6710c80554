"use client";

// Any server failure while rendering a page (the database down, most often) lands here: a plain
// explanation and a retry, never a stack trace.
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-2 text-red-900">
        Parallax could not reach its database or hit an unexpected problem. Try again in a moment.
        {error.digest && <span className="mt-1 block text-sm">Reference: {error.digest}</span>}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-red-800 px-3 py-1.5 text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-900"
      >
        Try again
      </button>
    </div>
  );
}

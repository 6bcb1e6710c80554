"use client";

import { ErrorPanel, retryClassName } from "./error-panel";

// Any server failure while rendering an app-router page lands here (error.tsx): the shared error state
// with a retry that re-renders the segment.
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPanel reference={error.digest}>
      <button type="button" onClick={reset} className={retryClassName}>
        Try again
      </button>
    </ErrorPanel>
  );
}

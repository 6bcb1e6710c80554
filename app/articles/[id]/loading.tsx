export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3">
      <div className="h-4 w-32 rounded bg-black/10" />
      <div className="h-9 w-3/4 rounded bg-black/10" />
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-4 w-full max-w-prose rounded bg-black/5" />
      ))}
      <span className="sr-only">Loading the article…</span>
    </div>
  );
}

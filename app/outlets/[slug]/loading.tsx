export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-9 w-3/4 rounded bg-black/10" />
      <div className="h-5 w-1/2 rounded bg-black/5" />
      <div className="grid grid-cols-2 gap-3">
        <div className="h-32 rounded-lg bg-black/5" />
        <div className="h-32 rounded-lg bg-black/5" />
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}

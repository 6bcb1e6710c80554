export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-8 w-72 rounded bg-black/10" />
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="h-8 w-32 rounded-full bg-black/5" />
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}

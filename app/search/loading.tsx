export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-8 w-32 rounded bg-black/10" />
      <div className="h-10 max-w-2xl rounded bg-black/5" />
      <div className="grid gap-4 md:grid-cols-2">
        {[0, 1].map((i) => (
          <div key={i} className="h-28 rounded-lg bg-black/5" />
        ))}
      </div>
      <span className="sr-only">Searching…</span>
    </div>
  );
}

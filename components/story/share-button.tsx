// Native share sheet where the browser has one (phones), else copy the permalink. The button is
// server-rendered markup; the story page's script (page-script.ts) handles the click and updates the
// polite live region with the outcome.
export function ShareButton({ url, title }: { url: string; title: string }) {
  return (
    <button
      type="button"
      data-share-url={url}
      data-share-title={title}
      className="inline-flex min-w-28 items-center justify-center rounded-md border border-black/20 bg-white px-3 py-1.5 text-sm font-medium hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      aria-label="Share this story: copy its permanent link"
    >
      <span aria-live="polite">Share</span>
    </button>
  );
}

// A plain GET form to /search: it works before (and without) any JavaScript.
export function SearchForm({ id, defaultValue, size = "compact" }: { id: string; defaultValue?: string; size?: "compact" | "large" }) {
  const large = size === "large";
  return (
    <form role="search" action="/search" method="get" className={large ? "flex w-full max-w-2xl gap-2" : "flex"}>
      <label htmlFor={id} className="sr-only">
        Search stories, people, organisations and places
      </label>
      <input
        id={id}
        name="q"
        type="search"
        required
        maxLength={200}
        defaultValue={defaultValue}
        placeholder={large ? "Search stories, people, organisations, places…" : "Search…"}
        className={`min-w-0 rounded-md border border-black/20 bg-white text-ink placeholder:text-muted focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent ${
          large ? "flex-1 px-3 py-2 text-base" : "w-44 px-2.5 py-1 text-sm lg:w-64"
        }`}
      />
      {large && (
        <button
          type="submit"
          className="rounded-md bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-black focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        >
          Search
        </button>
      )}
    </form>
  );
}

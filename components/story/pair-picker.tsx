// Which two outlets to compare. A plain GET form (?compare=a,b): it works without JavaScript, the
// server renders the chosen pair, and the choice is part of the link a reader shares.
export function PairPicker({
  slug,
  articles,
  pair,
  pairMode,
}: {
  slug: string;
  articles: { id: string; label: string }[];
  pair: [string, string];
  /** Many articles: the pair is all that is shown in full (on every screen); else only on phones. */
  pairMode: boolean;
}) {
  // A select is as wide as its longest option ("Outlet: a long headline"): capped to the row on a phone.
  const select = "min-w-0 max-w-full rounded border border-black/20 bg-white px-2 py-1 md:max-w-sm";
  return (
    <form method="get" action={`/stories/${slug}`} className={`mb-3 flex flex-wrap items-center gap-2 text-sm ${pairMode ? "" : "md:hidden"}`}>
      <span className="font-medium">Compare</span>
      {(["a", "b"] as const).map((name, i) => (
        <span key={name} className="contents">
          {i === 1 && <span>with</span>}
          <label className="sr-only" htmlFor={`compare-${name}`}>
            {i === 0 ? "First outlet" : "Second outlet"}
          </label>
          <select id={`compare-${name}`} name={name} defaultValue={pair[i]} className={select}>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </span>
      ))}
      <button type="submit" className="rounded-md border border-black/20 bg-white px-3 py-1 font-medium hover:bg-black/5">
        Show
      </button>
    </form>
  );
}

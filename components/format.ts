// Dates as readers expect them, in UTC (the zone the articles' times are stored in), so the server and
// the browser print the same thing.
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export function formatDate(d: Date | string | null | undefined): string | null {
  if (!d) return null;
  return dateFmt.format(typeof d === "string" ? new Date(d) : d);
}

export function formatDateTime(d: Date | string | null | undefined): string | null {
  if (!d) return null;
  return `${dateTimeFmt.format(typeof d === "string" ? new Date(d) : d)} UTC`;
}

export function dateRange(first: Date | null, last: Date | null): string | null {
  const a = formatDate(first);
  const b = formatDate(last);
  if (!a) return null;
  return a === b || !b ? a : `${a} – ${b}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "3 outlets · 8 articles", or "13 articles · no outlet named" when none of a story's articles names its
 * outlet (files uploaded without one): "0 outlets" would read as a story nobody published.
 */
export function coverage(outletCount: number, articleCount: number): string {
  if (outletCount === 0) return `${plural(articleCount, "article")} · no outlet named`;
  return `${plural(outletCount, "outlet")} · ${plural(articleCount, "article")}`;
}

/** "A", "A and B", "A, B and C". */
export function andList(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

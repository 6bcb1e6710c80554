/** The request headers the origin is read from, whichever router (or plain Node request) has them. */
export interface HeaderSource {
  get(name: string): string | null | undefined;
}

// Absolute origin for permalinks and Open Graph URLs: PUBLIC_URL when configured (behind a proxy),
// else the Host the request came in on. Kept apart from lib/site (next/headers), which the pages
// router may not import.
export function originFrom(h: HeaderSource): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, "");
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? `localhost:${process.env.PORT ?? 3000}`;
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

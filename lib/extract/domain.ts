// Hosts and the part of them a publisher registered. Used to tell a page's own site from the site it was
// copied from, and a subdomain's word from a publisher's name.

/** "www.cnn.com" for "https://www.cnn.com/2019/...", or null when the text is not an absolute address. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * The part of a host a publisher registered: its last two labels, or three under a country's second level
 * ("bbc.co.uk", "abc.net.au"). An approximation of the public-suffix list, enough to tell a subdomain's
 * word from the publisher's name and one site from another.
 */
export function registrableDomain(host: string): string {
  const labels = host.split(".");
  const n = labels.length >= 3 && /^(?:co|com|org|net|gov|ac|edu|ne|or)$/.test(labels.at(-2)!) && labels.at(-1)!.length === 2 ? 3 : 2;
  return labels.slice(-n).join(".");
}

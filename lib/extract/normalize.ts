// A body reduced to its words, so the same article saved with different clutter, quotes or spacing
// hashes the same.

export function normalizeForHash(body: string): string {
  return body
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

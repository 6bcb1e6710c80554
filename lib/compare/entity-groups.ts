// The same person or body across a story's articles. Entities with one key are one group; groups whose
// names differ only by spelling ("National Resistance Centre" / "National Resistance Center", "Raite" /
// "Rait") are merged too, because an extractor that keys by spelling would otherwise split them.

import type { CompareArticle, CompareEntity, EntityType } from "./types";

export interface EntityGroup {
  key: string;
  name: string;
  type: EntityType;
  /** Entities of each article (story order) in this group; empty where the article does not name it. */
  perArticle: CompareEntity[][];
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// "Russia"/"Russian", "Korea"/"Korean": a name and its adjective are not two spellings.
const DEMONYM_ENDINGS = ["n", "an", "ian", "ese", "ish", "i"];

function isDemonymOf(p: string, q: string): boolean {
  const [short, long] = p.length <= q.length ? [p, q] : [q, p];
  return long.startsWith(short) && DEMONYM_ENDINGS.includes(long.slice(short.length));
}

/**
 * Same number of words, each equal or a near spelling (same initial, long enough to judge). Two edits
 * are allowed only inside a longer name that shares another word ("Centre"/"Center" in "National
 * Resistance …"); a lone word may differ by one edit, since "Andriivka" and "Avdiivka" are two villages.
 */
export function spellingVariants(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || x.length !== y.length) return false;
  const anchored = x.some((w, i) => w === y[i]);
  let differing = 0;
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (isDemonymOf(p, q)) return false;
    const allowed = anchored ? 2 : 1;
    if (p[0] !== q[0] || Math.min(p.length, q.length) < 4 || editDistance(p, q, allowed) > allowed) return false;
    differing++;
  }
  return differing > 0 || x.join(" ") === y.join(" ");
}

export function groupEntities(articles: CompareArticle[]): EntityGroup[] {
  const groups: EntityGroup[] = [];
  const byKey = new Map<string, EntityGroup>();
  articles.forEach((article, a) => {
    for (const entity of article.entities) {
      if (entity.mentions.length === 0) continue;
      let g = byKey.get(entity.key);
      if (!g) g = groups.find((x) => x.type === entity.type && spellingVariants(x.name, entity.name));
      if (!g) {
        g = { key: entity.key, name: entity.name, type: entity.type, perArticle: articles.map(() => []) };
        groups.push(g);
      }
      byKey.set(entity.key, g);
      g.perArticle[a]!.push(entity);
    }
  });
  return groups;
}

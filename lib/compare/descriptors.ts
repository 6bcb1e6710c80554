// How each outlet names each person or body: the descriptors its mentions carry ("Russian President",
// "Russian dictator") and the spellings of the name.

import { spellingVariants, type EntityGroup } from "./entity-groups";
import type { CompareArticle, DescriptorCell, DescriptorRow } from "./types";

// Where a list of titled people joins its next person: "..., Secretary", "... and Secretary", "..., and".
const CONJUNCTION = /\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+/g;
// A name's capitalised core: the extractor may leave a list's words on it ("of Commerce Gary Locke and").
const nameCore = (surface: string) => surface.replace(/^(?:\P{Lu}+\s+)+/u, "").replace(/(?:\s+\P{Lu}\S*)+$/u, "").replace(/['’]s?$/u, "");
// Whether a text ends with a name as a whole word ("... Gary Locke", not "... Commerce" for "Merce").
const endsWithWord = (text: string, word: string) => text.endsWith(word) && !/[\p{L}\p{N}]/u.test(text.charAt(text.length - word.length - 1));

/**
 * The part of a descriptor that is its person's own title. "Secretary of Commerce Gary Locke and Secretary
 * of Energy Steven Chu": the extractor gave Chu "Secretary of Commerce Gary Locke and Secretary", the words
 * before his name back to the list's start. Each person gets his own title: only the words after the last
 * conjunction that follows another person's name (`otherNames`: the article's other people, as printed)
 * are kept, or null when none are left. "Secretary of Health and Human Services" names no one before its
 * "and" and stays whole.
 */
export function ownDescriptor(descriptor: string, otherNames: string[]): string | null {
  const cores = otherNames.map(nameCore).filter((c) => c.length > 0);
  const namesPerson = (before: string) => cores.some((c) => endsWithWord(before, c));
  let from = 0;
  for (const m of descriptor.matchAll(CONJUNCTION)) if (namesPerson(descriptor.slice(0, m.index))) from = m.index + m[0].length;
  return descriptor.slice(from).trim() || null;
}

/** For each article, the names (as printed) of the people in it other than the given group's. */
export function otherPeople(groups: EntityGroup[], article: number, key: string): string[] {
  return groups.filter((g) => g.type === "PERSON" && g.key !== key).flatMap((g) => g.perArticle[article]!.flatMap((e) => e.mentions.map((m) => m.surface)));
}

const normaliseDescriptor = (d: string) => d.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
const stripPossessive = (s: string) => s.replace(/[’']s$/u, "").trim();
// "We’re" and "We're", "Centre" and "CENTRE": one spelling in another typeface or case, not a variant.
const typographic = (s: string) => s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"').replace(/[‐‑–—]/g, "-");

export function descriptorRows(articles: CompareArticle[], groups: EntityGroup[]): DescriptorRow[] {
  const rows: DescriptorRow[] = [];
  for (const g of groups) {
    const cells: DescriptorCell[] = articles.map((article, a) => {
      const mentions = g.perArticle[a]!.flatMap((e) => e.mentions);
      const others = otherPeople(groups, a, g.key);
      const counts = new Map<string, { text: string; count: number }>();
      for (const m of mentions) {
        const own = m.descriptor ? ownDescriptor(m.descriptor, others) : null;
        if (!own) continue;
        const k = normaliseDescriptor(own);
        const c = counts.get(k);
        if (c) c.count++;
        else counts.set(k, { text: own, count: 1 });
      }
      const surfaces = [...new Set(mentions.map((m) => stripPossessive(m.surface)))];
      return { articleId: article.id, mentions: mentions.length, descriptors: [...counts.values()], surfaces };
    });
    const described = cells.filter((c) => c.descriptors.length > 0);
    const signature = (c: DescriptorCell) => c.descriptors.map((d) => normaliseDescriptor(d.text)).sort().join("|");
    const differs = described.length >= 2 && new Set(described.map(signature)).size > 1;

    // Spellings that are variants of one another (not "Putin" vs "Vladimir Putin", which is a short form).
    const all = [...new Set(cells.flatMap((c) => c.surfaces))];
    const variants = new Set<string>();
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) {
        const x = all[i]!;
        const y = all[j]!;
        if (typographic(x) !== typographic(y) && spellingVariants(x, y)) {
          variants.add(x);
          variants.add(y);
        }
      }
    rows.push({ entityKey: g.key, name: g.name, type: g.type, cells, differs, spellingVariants: all.filter((s) => variants.has(s)) });
  }
  // Differences first, then the most named.
  const total = (r: DescriptorRow) => r.cells.reduce((s, c) => s + c.mentions, 0);
  return rows.sort(
    (x, y) =>
      Number(y.differs) - Number(x.differs) ||
      Number(y.spellingVariants.length > 0) - Number(x.spellingVariants.length > 0) ||
      total(y) - total(x) ||
      x.name.localeCompare(y.name),
  );
}

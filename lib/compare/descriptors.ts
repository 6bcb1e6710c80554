// How each outlet names each person or body: the descriptors its mentions carry ("Russian President",
// "Russian dictator") and the spellings of the name.

import { spellingVariants, type EntityGroup } from "./entity-groups";
import type { CompareArticle, DescriptorCell, DescriptorRow } from "./types";

const normaliseDescriptor = (d: string) => d.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
const stripPossessive = (s: string) => s.replace(/[’']s$/u, "").trim();
// "We’re" and "We're", "Centre" and "CENTRE": one spelling in another typeface or case, not a variant.
const typographic = (s: string) => s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"').replace(/[‐‑–—]/g, "-");

export function descriptorRows(articles: CompareArticle[], groups: EntityGroup[]): DescriptorRow[] {
  const rows: DescriptorRow[] = [];
  for (const g of groups) {
    const cells: DescriptorCell[] = articles.map((article, a) => {
      const mentions = g.perArticle[a]!.flatMap((e) => e.mentions);
      const counts = new Map<string, { text: string; count: number }>();
      for (const m of mentions) {
        if (!m.descriptor?.trim()) continue;
        const k = normaliseDescriptor(m.descriptor);
        const c = counts.get(k);
        if (c) c.count++;
        else counts.set(k, { text: m.descriptor.trim(), count: 1 });
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

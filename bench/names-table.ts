// The names table over ECB+ dev: every row flagged "described differently" (DIFF) and every row with
// spelling variants (VAR) in the 66 stories, entities from lib/entities as uploads give them, then the two
// counts. For reading what the table claims about real stories before and after a change to
// lib/compare/descriptors.ts or entity-groups.ts (lib/compare/README.md gives the counts).
//
// Run: npx tsx bench/names-table.ts            (rows and counts)
//      npx tsx bench/names-table.ts | tail -1  (counts only)
import { compareArticles } from "@/lib/compare";
import { ecbplusStories } from "./lib/ecbplus-stories";

let flagged = 0, variants = 0;
for (const [c, arts] of ecbplusStories()) {
  const cmp = compareArticles(arts, null);
  for (const r of cmp.descriptors) {
    if (r.differs) { flagged++; console.log(`DIFF ${c} ${r.name}: ${r.cells.filter((x) => x.descriptors.length).map((x) => x.descriptors.map((d) => d.text).join(" / ")).join(" | ")}`); }
    if (r.spellingVariants.length) { variants++; console.log(`VAR ${c} ${r.name}: ${r.spellingVariants.join(" | ")}`); }
  }
}
console.log(`flagged ${flagged} variants ${variants}`);

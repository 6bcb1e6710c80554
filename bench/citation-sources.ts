// Every citation row's source over the ECB+ dev stories (one story per cluster_id, entities from
// lib/entities as the app feeds them), one line a row: cluster, E (an entity) or P (a phrase), the row's
// name, its attribution count, two of its attribution phrases. For reading the "Who is cited" tables of all
// 66 stories at once and diffing two versions of the engine (lib/compare/README.md, session 14).
//   npx tsx bench/citation-sources.ts [out.tsv]   (default /tmp/citation-sources.tsv)
import { writeFileSync } from "node:fs";
import { compareArticles } from "@/lib/compare";
import { ecbplusStories } from "./lib/ecbplus-stories";

const out: string[] = [];
for (const [c, arts] of ecbplusStories()) {
  const { citations } = compareArticles(arts);
  for (const r of citations) {
    const atts = r.cells.flatMap((x) => x.citations.filter((y) => y.kind === "attribution").map((y) => y.text));
    out.push([c, r.entityKey ? "E" : "P", r.name ?? "(none)", atts.length, atts.slice(0, 2).join(" | ")].join("\t"));
  }
}
writeFileSync(process.argv[2] ?? "/tmp/citation-sources.tsv", out.join("\n") + "\n");
console.log(`${out.length} rows`);

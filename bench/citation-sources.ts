// Every citation row's source over the ECB+ dev stories (one story per cluster_id, entities from
// lib/entities as the app feeds them), one line a row: cluster, E (an entity) or P (a phrase), the row's
// name, its attribution count, two of its attribution phrases. For reading the "Who is cited" tables of all
// 66 stories at once and diffing two versions of the engine (lib/compare/README.md, session 14).
//   npx tsx bench/citation-sources.ts [out.tsv]   (default /tmp/citation-sources.tsv)
import { readFileSync, writeFileSync } from "node:fs";
import { compareArticles, type CompareArticle } from "@/lib/compare";
import { extractEntities } from "@/lib/entities";

interface Raw { id: string; title: string; text: string; outlet: string | null; cluster_id: string }
const raw: Raw[] = readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
function toArticle(a: Raw): CompareArticle {
  const lines = a.text.split("\n");
  if (lines[0]!.trim() === a.title.trim()) lines.shift();
  const body = lines.join("\n\n");
  const art: CompareArticle = { id: a.id, outlet: a.outlet ? { id: a.outlet, name: a.outlet } : null, title: a.title, titleDerived: false, body, publishedAt: null, entities: [] };
  return { ...art, entities: extractEntities({ title: art.title, body: art.body }).entities };
}
const clusters = [...new Set(raw.map((r) => r.cluster_id))].sort();
const out: string[] = [];
for (const c of clusters) {
  const arts = raw.filter((r) => r.cluster_id === c).map(toArticle);
  const { citations } = compareArticles(arts);
  for (const r of citations) {
    const atts = r.cells.flatMap((x) => x.citations.filter((y) => y.kind === "attribution").map((y) => y.text));
    out.push([c, r.entityKey ? "E" : "P", r.name ?? "(none)", atts.length, atts.slice(0, 2).join(" | ")].join("\t"));
  }
}
writeFileSync(process.argv[2] ?? "/tmp/citation-sources.tsv", out.join("\n") + "\n");
console.log(`${out.length} rows`);

// ECB+ dev's 66 stories as the story page compares them: one story per cluster_id (sorted), each article's
// body without its repeated headline, entities from lib/entities as uploads give them.
import { readFileSync } from "node:fs";
import type { CompareArticle } from "@/lib/compare";
import { extractEntities } from "@/lib/entities";

interface Raw { id: string; title: string; text: string; outlet: string | null; cluster_id: string }

function toArticle(a: Raw): CompareArticle {
  const lines = a.text.split("\n");
  if (lines[0]!.trim() === a.title.trim()) lines.shift();
  const body = lines.join("\n\n");
  const outlet = a.outlet ? { id: a.outlet, name: a.outlet } : null;
  return { id: a.id, outlet, title: a.title, titleDerived: false, body, publishedAt: null, entities: extractEntities({ title: a.title, body }).entities };
}

export function ecbplusStories(file = "fixtures/ecbplus/ecbplus-dev.jsonl"): Map<string, CompareArticle[]> {
  const raw: Raw[] = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const clusters = [...new Set(raw.map((r) => r.cluster_id))].sort();
  return new Map(clusters.map((c) => [c, raw.filter((r) => r.cluster_id === c).map(toArticle)]));
}

// End-to-end on the seeds with entities from lib/entities instead of hand-built ones.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractEntities } from "@/lib/entities";
import { compareArticles, type CompareArticle } from "./index";

const seedDir = join(process.cwd(), "fixtures/seeds");
const seedFile = (prefix: string) => readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.startsWith(prefix))!), "utf8");
function bodyOf(raw: string, first: string, count: number): string {
  const lines = raw.split("\n").map((l) => l.trim()).filter(Boolean);
  const i = lines.findIndex((l) => l.startsWith(first));
  return lines.slice(i, i + count).join("\n\n");
}
function article(id: string, outlet: string, title: string, body: string, publishedAt: string | null): CompareArticle {
  const { entities } = extractEntities({ title, body });
  return { id, outlet: { id: outlet, name: outlet }, title, titleDerived: false, body, publishedAt, entities };
}

describe("seed story through lib/entities", () => {
  const a = article("a000", "Republic World", "", bodyOf(seedFile("000_"), "Kyiv’s National Resistance Centre", 8), null);
  const b = article(
    "a001",
    "The Kyiv Independent",
    "National Resistance Center: Russia plans to bring North Korean workers to occupied Ukraine",
    bodyOf(seedFile("001_"), "The Kremlin intends", 4),
    "2023-09-18T03:27:00Z",
  );
  const result = compareArticles([a, b]);

  it("aligns the central claim, flags Putin's descriptors and finds Peskov only in one outlet", () => {
    expect(result.centralClaim?.text).toMatch(/^The Kremlin intends to bring North Korean workers/);
    expect(result.claims[0]!.sentences.map((s) => s.articleId).sort()).toEqual(["a000", "a001"]);
    const putin = result.descriptors.find((d) => d.name.includes("Putin"));
    expect(putin?.differs).toBe(true);
    expect(result.gaps.some((g) => g.kind === "entity" && g.label.text.startsWith("Dmitry Peskov appears only in The Kyiv Independent"))).toBe(true);
  });
});

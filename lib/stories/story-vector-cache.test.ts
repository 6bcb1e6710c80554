import { describe, expect, it } from "vitest";
import { clusterAll } from "./cluster";
import { emptySignature } from "./signature";
import { StoryVectorCache } from "./story-vector-cache";
import type { ArticleFeatures } from "./types";

const entry = () => ({ signature: emptySignature(), weighted: { terms: { a: 1 }, titleTerms: {}, entities: {} } });

describe("StoryVectorCache", () => {
  it("reuses a vector only for the same version and a corpus within the drift", () => {
    const cache = new StoryVectorCache({ drift: 0.05 });
    const e = entry();
    cache.set("s1", "v1", 1000, e);
    expect(cache.get("s1", "v1", 1040)?.weighted).toBe(e.weighted);
    expect(cache.get("s1", "v2", 1000)).toBeUndefined();
    expect(cache.get("s1", "v1", 1060)).toBeUndefined();
    expect(cache.get("s2", "v1", 1000)).toBeUndefined();
    expect([cache.hits, cache.misses]).toEqual([1, 3]);
  });

  it("drops the least recently used story beyond its capacity", () => {
    const cache = new StoryVectorCache({ capacity: 2 });
    cache.set("a", "1", 10, entry());
    cache.set("b", "1", 10, entry());
    cache.get("a", "1", 10);
    cache.set("c", "1", 10, entry());
    expect(cache.size).toBe(2);
    expect(cache.get("b", "1", 10)).toBeUndefined();
    expect(cache.get("a", "1", 10)).toBeDefined();
  });
});

describe("placement with cached story vectors", () => {
  const topics = ["harbour strike dockers wages", "volcano eruption ash flights", "election recount ballots court"];
  const articles: ArticleFeatures[] = Array.from({ length: 60 }, (_, i) => ({
    id: `a${String(i).padStart(2, "0")}`,
    publishedAt: null,
    title: `${topics[i % 3]} update ${i}`,
    body: `${topics[i % 3]} ${topics[i % 3]} report number ${i} with detail ${i % 7} and more ${topics[(i + 1) % 3]!.split(" ")[0]}`,
    entities: [],
  }));

  it("groups articles exactly as weighing every candidate afresh does", async () => {
    const fresh = await clusterAll(articles, { store: { cacheVectors: false } });
    const cached = await clusterAll(articles, { store: { cacheVectors: true } });
    expect(cached).toEqual(fresh);
    expect(new Set(cached.values()).size).toBeLessThan(articles.length);
  });
});

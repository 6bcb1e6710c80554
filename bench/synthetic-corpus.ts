// Seeded synthetic news corpus for scale benchmarks (in-memory here; the PostgreSQL store reuses it).
// Words and names come from the ECB+ development texts, so term and entity frequencies look like news:
// each story draws its own event words, names and numbers, and each article mixes them with background
// prose, a headline and a date near the story's.

import { readFileSync } from "node:fs";
import { contentTerms, type ArticleFeatures } from "@/lib/stories";
import { standInEntities } from "./stories-entities";

export interface SyntheticOptions {
  articles: number;
  seed?: number;
  /** Mean articles per story (sizes vary from 1 to about three times this). */
  meanStorySize?: number;
  /** Words per article body. */
  bodyWords?: number;
}

export interface SyntheticArticle extends ArticleFeatures {
  /** The story the generator wrote it for (gold). */
  storyKey: string;
}

// mulberry32: small, fast and reproducible across runs and machines.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pools {
  words: string[];
  names: string[];
}

let pools: Pools | null = null;

function loadPools(): Pools {
  if (pools) return pools;
  const wordCount = new Map<string, number>();
  const names = new Set<string>();
  for (const line of readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { title: string; text: string };
    for (const w of contentTerms(r.text)) if (/^\p{L}+$/u.test(w)) wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
    for (const e of standInEntities({ title: r.title, body: r.text })) {
      if (e.key.length > 2) names.add(e.key.replace(/\b\p{L}/gu, (c) => c.toUpperCase()));
    }
  }
  // Frequency order makes a Zipf draw over ranks look like real word use.
  const words = [...wordCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  pools = { words, names: [...names].sort() };
  return pools;
}

function zipf(n: number, r: () => number): number {
  // Inverse of a continuous 1/x law over ranks 1..n.
  return Math.min(n - 1, Math.floor(Math.exp(r() * Math.log(n + 1)) - 1));
}

const pick = <T>(xs: T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;

export function generateCorpus(opts: SyntheticOptions): SyntheticArticle[] {
  const { words, names } = loadPools();
  const r = rng(opts.seed ?? 1);
  const mean = opts.meanStorySize ?? 8;
  const bodyWords = opts.bodyWords ?? 120;
  const start = Date.UTC(2022, 0, 1);
  const out: SyntheticArticle[] = [];
  let storyNo = 0;
  const open: { key: string; remaining: number; event: string[]; names: string[]; day: number }[] = [];
  while (out.length < opts.articles) {
    // Keep a few dozen stories running at once, so their articles interleave as in a real feed.
    while (open.length < 40) {
      const key = `s${storyNo++}`;
      // Names are recombined (first word of one, last of another) so 100k articles still get fresh people.
      const storyNames = Array.from({ length: 2 + Math.floor(r() * 4) }, () => {
        const a = pick(names, r).split(" ");
        const b = pick(names, r).split(" ");
        return r() < 0.5 ? a.join(" ") : `${a[0]} ${b[b.length - 1]}`;
      });
      const event = Array.from({ length: 25 }, () => words[zipf(words.length, r)]!);
      event.push(String(Math.floor(r() * 10_000)), pick(words.slice(2000), r));
      open.push({
        key,
        remaining: 1 + Math.floor(r() * (2 * mean - 1)),
        event,
        names: storyNames,
        day: Math.floor((storyNo / Math.max(1, opts.articles / mean)) * 730),
      });
    }
    const i = Math.floor(r() * open.length);
    const s = open[i]!;
    const id = `a${out.length}`;
    const title = Array.from({ length: 6 }, () => pick(s.event, r));
    title.splice(1, 0, pick(s.names, r));
    const body: string[] = [];
    for (let k = 0; k < bodyWords; k++) {
      const x = r();
      body.push(x < 0.35 ? pick(s.event, r) : x < 0.45 ? pick(s.names, r) : words[zipf(words.length, r)]!);
    }
    const named = s.names.filter(() => r() < 0.8);
    out.push({
      id,
      storyKey: s.key,
      title: title.join(" "),
      body: body.join(" ") + ".",
      publishedAt: r() < 0.1 ? null : new Date(start + (s.day + Math.floor(r() * 4)) * 86_400_000),
      entities: named.map((n, k) => ({
        key: `other:${n.toLowerCase().replace(/\s+/g, "-")}`,
        type: "OTHER" as const,
        salience: 1 / (k + 1),
      })),
    });
    if (--s.remaining === 0) open.splice(i, 1);
  }
  return out;
}

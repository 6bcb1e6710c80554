import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile, type ExtractedArticle } from "./index";

const root = process.cwd();
function load(rel: string): { article: ExtractedArticle; lines: string[] } {
  const bytes = new Uint8Array(readFileSync(join(root, rel)));
  const [article] = extractFile({ bytes, filename: rel.split("/").pop() });
  const lines = new TextDecoder().decode(bytes).split("\n").map((l) => l.trim()).filter(Boolean);
  return { article: article!, lines };
}

// The expected body is read from the file by position (the prose lines between the clutter), so the test
// checks the classifier's decisions without copying the article into the test.
describe("seed 000 (nav menu, caption, no headline)", () => {
  const { article, lines } = load("fixtures/seeds/000_2f28c85e07feee24.txt");
  const captionAt = lines.findIndex((l) => l.endsWith("| Image: AP"));

  it("keeps every body paragraph, in order, and nothing else", () => {
    expect(captionAt).toBeGreaterThan(0);
    expect(article.paragraphs).toEqual(lines.slice(captionAt + 1));
    expect(article.paragraphs).toHaveLength(8);
    expect(article.body).toBe(article.paragraphs.join("\n\n"));
    expect(article.lead).toBe(article.paragraphs[0]);
  });
  it("keeps the photo caption apart from the body", () => {
    expect(article.caption).toMatch(/^North Korean leader Kim Jong Un \(left\) meets .* \| Image: AP$/);
    expect(article.body).not.toContain("Image: AP");
  });
  it("removes the navigation", () => {
    for (const nav of ["Quick links:", "India News", "Elections", "SEARCH"]) {
      expect(article.paragraphs).not.toContain(nav);
      expect(article.removed).toContain(nav);
    }
  });
  it("derives a title from the lead's first sentence without rewording it", () => {
    expect(article.titleDerived).toBe(true);
    expect(article.title!.length).toBeLessThanOrEqual(112);
    const stem = article.title!.replace(/…$/, "");
    expect(article.lead!.startsWith(stem)).toBe(true);
    expect(stem.split(" ").length).toBeGreaterThanOrEqual(6);
  });
  it("has no byline, date or outlet, and says so", () => {
    expect(article.byline).toBeNull();
    expect(article.publishedAt).toBeNull();
    expect(article.siteName).toBeNull();
    expect(article.language).toBe("en");
    expect(article.format).toBe("text");
  });
});

describe("seed 001 (headline, byline, feed and sign-up clutter)", () => {
  const { article, lines } = load("fixtures/seeds/001_81a2cabcbd35f313.txt");

  it("keeps the four body paragraphs between the AI note and the teaser", () => {
    const from = lines.indexOf("This audio is created with AI assistance") + 1;
    const to = lines.findIndex((l) => l.startsWith("Ukraine war latest:"));
    expect(from).toBeGreaterThan(0);
    expect(article.paragraphs).toEqual(lines.slice(from, to));
    expect(article.paragraphs).toHaveLength(4);
  });
  it("reads headline, byline and time", () => {
    expect(article.title).toBe("National Resistance Center: Russia plans to bring North Korean workers to occupied Ukraine");
    expect(article.titleDerived).toBe(false);
    expect(article.byline).toBe("Rachel Amran");
    expect(article.publishedAtText).toBe("September 18, 2023 3:27 AM");
    expect(article.publishedAt?.toISOString()).toBe("2023-09-18T03:27:00.000Z");
  });
  it("removes every kind of boilerplate", () => {
    const gone = [
      "Skip to content",
      "Edit post",
      "This audio is created with AI assistance",
      "News Feed",
      "MORE NEWS",
      "Editors' Picks",
      "Subscribe",
      "* indicates required",
      "Successfuly subscribed",
      "6:57 PM",
    ];
    for (const g of gone) {
      expect(article.paragraphs).not.toContain(g);
      expect(article.removed).toContain(g);
    }
    expect(article.body).not.toMatch(/Ukraine war latest|Key developments|Klymenko|von der Leyen|newsletter/);
  });
  it("lists removed lines in file order", () => {
    const order = article.removed.map((r) => lines.indexOf(r));
    expect(order.every((v, i) => i === 0 || v >= order[i - 1]! || v === -1 || lines.lastIndexOf(article.removed[i]!) > order[i - 1]!)).toBe(true);
  });
});

describe("own scraped dumps (different clutter styles)", () => {
  it("cookie banner, share bar, mid-article teaser and ad slot, related links", () => {
    const { article } = load("fixtures/extract/cookie-share-teasers.txt");
    expect(article.title).toBe("Coastal towns brace for record spring tides as sea defences are tested");
    expect(article.byline).toBe("Maria Lopez");
    expect(article.publishedAt?.toISOString()).toBe("2024-03-05T19:14:00.000Z");
    expect(article.caption).toMatch(/^Residents walk along the harbour wall/);
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0]).toMatch(/^Coastal towns along the south-west/);
    expect(article.paragraphs[5]).toMatch(/^Forecasters expect the tide/);
    expect(article.body).not.toMatch(/Read more|ADVERTISEMENT|cookies|Related|Most popular|Train fares|All rights reserved/);
  });
  it("blog post followed by a comments section", () => {
    const { article } = load("fixtures/extract/blog-comments.txt");
    expect(article.title).toBe("Why we stopped digging our vegetable beds, and what happened next");
    expect(article.byline).toBe("Tom Fairley");
    expect(article.publishedAt?.toISOString()).toBe("2023-10-12T00:00:00.000Z");
    expect(article.paragraphs).toHaveLength(7);
    expect(article.paragraphs).toContain("What surprised us most");
    expect(article.paragraphs[6]).toMatch(/^We will keep experimenting/);
    expect(article.body).not.toMatch(/couch grass|Reply|clay soil|Tags:|Share this|min read/);
  });
  it("wire story with ad slots, a credited photo and a most-read list", () => {
    const { article } = load("fixtures/extract/wire-ads-mostread.txt");
    expect(article.title).toBe("Kenya's tea farmers turn to solar dryers as diesel costs soar");
    expect(article.byline).toBe("Jane Mwangi");
    expect(article.caption).toMatch(/^A worker checks tea leaves/);
    expect(article.paragraphs).toHaveLength(6);
    expect(article.body).not.toMatch(/Advertisement|Most Read|Oil prices climb|Copyright|NAIROBI, June 3/);
  });
});

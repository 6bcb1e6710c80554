import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { compareArticles, diffWords, type CompareArticle, type StoryComparison } from "@/lib/compare";
import { StoryPage, type StoryPageStory } from "./story-page";
import { choosePair, gapSentence, pickerLabels, type StoryArticle } from "./story-view";

// Four accounts of one (invented) event. The last two share a sentence the first two do not carry.
const bodies = [
  "The Larsholm ferry ran aground off Vesterby island on Sunday morning with 212 passengers on board, the coast guard said. All passengers were taken off safely by lifeboats within three hours.",
  "All 212 passengers were rescued after the Larsholm ferry ran aground near Vesterby island on Sunday, the coast guard said. Lifeboats took the passengers ashore within three hours.",
  "A ferry carrying 212 passengers, the Larsholm, ran aground off Vesterby island on Sunday, according to the coast guard. The operator cancelled all crossings for Monday while divers inspect the hull.",
  "The Larsholm ferry ran aground on a sandbank off Vesterby island on Sunday, the coast guard said. The operator cancelled all crossings on Monday while divers inspect the hull.",
];

function story(outlets: (string | null)[]): { story: StoryPageStory; comparison: ReturnType<typeof compareArticles> } {
  const articles: StoryArticle[] = bodies.slice(0, outlets.length).map((body, i) => ({
    id: `a${i + 1}`,
    title: `Ferry aground off Vesterby (${i + 1})`,
    titleDerived: false,
    byline: null,
    publishedAt: new Date(Date.UTC(2026, 0, 4, 8 + i)),
    publishedAtText: null,
    url: null,
    wordCount: body.split(/\s+/).length,
    copyOfId: null,
    assignment: null,
    outlet: outlets[i] ? { id: `o${outlets.indexOf(outlets[i])}`, name: outlets[i]!, slug: `o${outlets.indexOf(outlets[i])}` } : null,
  }));
  const input: CompareArticle[] = articles.map((a, i) => ({
    id: a.id,
    outlet: a.outlet ? { id: a.outlet.id, name: a.outlet.name } : null,
    title: a.title,
    titleDerived: false,
    body: bodies[i]!,
    publishedAt: a.publishedAt!.toISOString(),
    entities: [],
  }));
  const comparison = compareArticles(input);
  const named = new Set(outlets.filter(Boolean));
  return {
    comparison,
    story: {
      id: "s1",
      slug: "ferry-s1",
      title: "Ferry aground off Vesterby",
      titleGenerated: false,
      outletCount: named.size,
      articleCount: articles.length,
      reprintCount: 0,
      firstPublishedAt: articles[0]!.publishedAt,
      lastPublishedAt: articles.at(-1)!.publishedAt,
      articles,
    },
  };
}

const render = ({ story: s, comparison }: ReturnType<typeof story>, pair: [string, string] | null = null) =>
  renderToStaticMarkup(createElement(StoryPage, { story: s, comparison, url: "http://localhost/stories/ferry-s1", pair, focus: null }));

/** The visible text of the element with this id (tags stripped). */
function textOf(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  expect(at).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf("</li>", at)).replace(/<[^>]+>/g, "");
}

describe("StoryPage", () => {
  it("tells articles without an outlet apart and does not call the story a story of 0 outlets", () => {
    const html = render(story([null, null, "Coastal Times"]));
    expect(html).toContain("Unknown outlet 1");
    expect(html).toContain("Unknown outlet 2");
    expect(html).toContain("1 outlet · 3 articles");
    const none = render(story([null, null]));
    expect(none).toContain("2 articles · no outlet named");
    expect(none).not.toContain("0 outlets");
    // The central claim counts each article without an outlet as its own source, as the comparison does.
    expect(none).toMatch(/carried by 2 of 2 outlets \(quoted from Unknown outlet [12]\)/);
  });

  it("quotes a claim that neither article in view carries instead of showing two empty cells", () => {
    const s = story(["Ferry Gazette", "Island Post", "Coastal Times", "Harbour Herald"]);
    const hull = s.comparison.claims.find((c) => c.sentences.every((x) => x.articleId === "a3" || x.articleId === "a4"));
    expect(hull, "the operator's sentence of the last two articles is one claim").toBeTruthy();
    const row = textOf(render(s, ["a1", "a2"]), hull!.anchor);
    expect(row).toContain("Not in Ferry Gazette or Island Post. As Coastal Times prints it:");
    expect(row).toContain("The operator cancelled all crossings for Monday while divers inspect the hull.");
    expect(row).toContain("Also carried by Harbour Herald");
    // With one of its articles in view, the row is the usual side-by-side cells.
    const shown = textOf(render(s, ["a1", "a4"]), hull!.anchor);
    expect(shown).toContain("Not in Ferry Gazette");
    expect(shown).not.toContain("prints it:");
    expect(shown).toContain("Also carried by Coastal Times");
  });

  it("marks the words that differ between the two sentences in view, not from a reference out of view", () => {
    const s = story(["Ferry Gazette", "Island Post", "Coastal Times", "Harbour Herald"]);
    const aground = s.comparison.claims.find((c) => c.sentences.length === 4)!;
    expect(aground, "the four accounts of the grounding are one claim").toBeTruthy();
    const [, second, third] = aground.sentences;
    const html = render(s, ["a2", "a3"]);
    const row = html.slice(html.indexOf(`id="${aground.anchor}"`), html.indexOf("</li>", html.indexOf(`id="${aground.anchor}"`)));
    const marked = [...row.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1]);
    const expected = [second!, third!].flatMap((x, i) =>
      diffWords(x.text, x.start, [third!, second!][i]!.text).filter((t) => t.op !== "same").map((t) => x.text.slice(t.start - x.start, t.end - x.start)),
    );
    expect(marked).toEqual(expected);
    // The stored diff of the second sentence is against the first article's, which is not in view.
    const stored = second!.diff.map((t) => second!.text.slice(t.start - second!.start, t.end - second!.start));
    expect(stored).not.toEqual(expected.slice(0, stored.length));
    // A claim only one article in view carries is shown as printed, with nothing marked.
    const hull = s.comparison.claims.find((c) => c.sentences.every((x) => x.articleId === "a3" || x.articleId === "a4"))!;
    expect(textOf(html, hull.anchor)).toContain("Not in Island Post");
    const hullRow = html.slice(html.indexOf(`id="${hull.anchor}"`), html.indexOf("</li>", html.indexOf(`id="${hull.anchor}"`)));
    expect(hullRow).not.toContain("<mark");
  });
});

describe("gapSentence", () => {
  const name = (id: string) => ({ k: "The Kyiv Independent", r: "Republic World" })[id] ?? `Outlet ${id}`;
  const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

  it("names the one outlet that carries something, in the singular", () => {
    expect(gapSentence({ presentIn: ["k"], entities: ["Dmitry Peskov"], claims: ["c1", "c2"] }, ["r"], 2, name)).toBe(
      "Only The Kyiv Independent names Dmitry Peskov and carries 2 claims the others leave out.",
    );
  });

  it("names the six most-mentioned names and counts the rest", () => {
    const entities = ["A One", "B Two", "C Three", "D Four", "E Five", "F Six", "G Seven", "H Eight"];
    expect(gapSentence({ presentIn: ["k"], entities, claims: ["c1"] }, ["r"], 2, name)).toBe(
      "Only The Kyiv Independent names A One, B Two, C Three, D Four, E Five, F Six (and 2 more) and carries 1 claim the others leave out.",
    );
  });

  it("tells what most outlets carry by the few that leave it out", () => {
    const all = ids(13);
    const absent = ["3", "6", "9"];
    expect(gapSentence({ presentIn: all.filter((i) => !absent.includes(i)), entities: ["Los Angeles"], claims: [] }, absent, 13, name)).toBe(
      "All but Outlet 3, Outlet 6 and Outlet 9 name Los Angeles.",
    );
    expect(gapSentence({ presentIn: all.slice(0, 8), entities: [], claims: ["c1"] }, all.slice(8), 13, name)).toBe(
      "All but 5 of 13 outlets carry 1 claim the other 5 leave out.",
    );
  });

  it("names an outlet with two articles in the list once, with its count", () => {
    // ECB+ 33 (the Zurana Horton trial): "All but nydailynews.com and nydailynews.com ..." read as a typo.
    const twice = (id: string) => (id.startsWith("d") ? "nydailynews.com" : `Outlet ${id}`);
    expect(gapSentence({ presentIn: ids(5), entities: ["Jonathan Carrasquillo"], claims: [] }, ["d1", "d2"], 7, twice)).toBe(
      "All but nydailynews.com (2 articles) name Jonathan Carrasquillo.",
    );
    // One of an outlet's two articles, and counts of articles where outlets are fewer (ECB+ 34).
    const labels = ["Outlet 1", "Outlet 2", "Outlet 3", "Outlet 4", "whitehouse.gov", "whitehouse.gov"];
    const wh = (id: string) => (id.startsWith("w") ? "whitehouse.gov" : `Outlet ${id}`);
    expect(gapSentence({ presentIn: ["1", "2", "3", "w1"], entities: ["Barack Obama"], claims: [] }, ["4", "w2"], 6, wh, labels)).toBe(
      "All but Outlet 4 and whitehouse.gov (1 of 2 articles) name Barack Obama.",
    );
    expect(gapSentence({ presentIn: ["1", "2"], entities: [], claims: ["c1"] }, ["3", "4", "w1", "w2"], 6, wh, labels)).toBe(
      "Only Outlet 1 and Outlet 2 carry 1 claim the others leave out.",
    );
    const many = ["1", "2", "3", "4", "5", "6", "7", "w1", "w2"];
    expect(gapSentence({ presentIn: many.slice(0, 4), entities: ["Bayou La Batre"], claims: [] }, many.slice(4), 9, wh, many.map(wh))).toBe(
      "Only 4 of 9 articles name Bayou La Batre.",
    );
  });

  it("counts a minority of many outlets out of the story's total", () => {
    expect(gapSentence({ presentIn: ids(5), entities: ["Mark Roesler", "Hugh Hefner"], claims: [] }, ids(13).slice(5), 13, name)).toBe(
      "Only 5 of 13 outlets name Mark Roesler and Hugh Hefner.",
    );
  });
});

describe("the articles out of view", () => {
  it("says so when one carries nothing of its own, without a count of 0 or a compare link", () => {
    // Every sentence of the four accounts is shared with another, so none carries anything alone.
    const s = story(["Ferry Gazette", "Island Post", "Coastal Times", "Harbour Herald"]);
    expect(s.comparison.onlyIn.every((o) => o.claims.length === 0)).toBe(true);
    const html = render(s, ["a3", "a4"]);
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("Ferry Gazette: nothing that the others leave out");
    expect(text).toContain("Island Post: nothing that the others leave out");
    expect(text).not.toContain("0 sentences");
    expect(html).not.toContain("?compare=a1,");
  });
});

describe("the default pair", () => {
  it("compares two outlets, not two articles of one outlet, even when those share more claims", () => {
    // a1 and a2 tell the rescue alike; give them one outlet, so the pair must cross outlets.
    const s = story(["Ferry Gazette", "Ferry Gazette", "Coastal Times", "Harbour Herald"]);
    const [x, y] = choosePair(s.story.articles, s.comparison, null);
    const outlet = (id: string) => s.story.articles.find((a) => a.id === id)!.outlet!.name;
    expect(outlet(x)).not.toBe(outlet(y));
    // Among cross-outlet pairs, the one sharing the most claims: a3 and a4 share the grounding and the
    // operator's sentence.
    expect([x, y]).toEqual(["a3", "a4"]);
    // With one outlet only, its two articles are the pair.
    const one = story(["Ferry Gazette", "Ferry Gazette"]);
    expect(choosePair(one.story.articles, one.comparison, null)).toEqual(["a1", "a2"]);
    // A requested pair is kept, even of one outlet.
    expect(choosePair(s.story.articles, s.comparison, ["a1", "a2"])).toEqual(["a1", "a2"]);
  });

  it("does not open on a copy beside its original, nor on a copy where its original can stand", () => {
    const s = story(["Ferry Gazette", "Coastal Times", "Harbour Herald", "Bay Blog"]);
    // Without copies the rescue pair a1-a2 shares the most claims.
    expect(choosePair(s.story.articles, s.comparison, null)).toEqual(["a1", "a2"]);
    // Say a2 reprints a1 (on another outlet): then a1-a2 is one text twice, and a2 stands in for a1 only.
    const articles = s.story.articles.map((a) => (a.id === "a2" ? { ...a, copyOfId: "a1" } : a));
    const pair = choosePair(articles, s.comparison, null);
    expect(pair).not.toContain("a2");
    expect(pair).toEqual(["a3", "a4"]);
  });

  it("prefers the pair sharing the claims most articles carry to one sharing more asides", () => {
    const template = story(["Ferry Gazette"]).story.articles[0]!;
    const articles = [1, 2, 3, 4, 5, 6].map((n) => ({ ...template, id: `a${n}`, outlet: { id: `o${n}`, name: `Outlet ${n}`, slug: `o${n}` } }));
    const claim = (...ids: number[]) => ({ sentences: ids.map((n) => ({ articleId: `a${n}` })) });
    // a1-a2 share the central claim (four articles) and another of three; a5-a6 share three asides.
    const comparison = { claims: [claim(1, 2, 3, 4), claim(1, 2, 3), claim(5, 6), claim(5, 6), claim(5, 6)] } as unknown as StoryComparison;
    expect(choosePair(articles, comparison, null)).toEqual(["a1", "a2"]);
    // A pair that both carry the central claim comes first, whatever else others share.
    const withCentral = { ...comparison, claims: [{ id: "c0", ...claim(3, 5) }, ...comparison.claims], centralClaim: { claimId: "c0" } } as unknown as StoryComparison;
    expect(choosePair(articles, withCentral, null)).toEqual(["a3", "a5"]);
    // Among pairs alike in that, two named outlets before articles whose outlet is unknown.
    const unnamed = articles.map((a) => (a.id === "a1" || a.id === "a2" ? { ...a, outlet: null } : a));
    expect(choosePair(unnamed, comparison, null)).toEqual(["a5", "a6"]);
  });

  it("names each of an outlet's articles by its headline in the picker", () => {
    const s = story(["Ferry Gazette", "Ferry Gazette", "Coastal Times"]);
    const labels = pickerLabels(s.story.articles, (a) => a.outlet!.name).map((l) => l.label);
    expect(labels).toEqual(["Ferry Gazette: Ferry aground off Vesterby (1)", "Ferry Gazette: Ferry aground off Vesterby (2)", "Coastal Times"]);
    // A claim neither of one outlet's two articles carries names that outlet once.
    const four = story(["Ferry Gazette", "Ferry Gazette", "Coastal Times", "Harbour Herald"]);
    const hull = four.comparison.claims.find((c) => c.sentences.every((x) => x.articleId === "a3" || x.articleId === "a4"))!;
    expect(textOf(render(four, ["a1", "a2"]), hull.anchor)).toContain("Not in Ferry Gazette. As Coastal Times prints it:");
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitSentences, tokenize } from "@/lib/text";
import { alignSentences, DEFAULT_ALIGN, makeScorer } from "./align";
import { isPostSignature, isTimestamp, sentenceFeatures, storyIdf } from "./features";
import { compareArticles, type CompareArticle } from "./index";
import { bodySentences } from "./segment";
import { stemWord } from "./stem";
import { wordSenses } from "./wordnet";

const article = (id: string, body: string): CompareArticle => ({
  id,
  outlet: { id: `outlet-${id}`, name: `Outlet ${id}` },
  title: "",
  titleDerived: false,
  body,
  publishedAt: null,
  entities: [],
});

describe("word normalisation", () => {
  it("meets inflections, irregular forms and number words", () => {
    expect(new Set(["arrested", "arrests", "arresting", "arrest"].map(stemWord)).size).toBe(1);
    expect(new Set(["investigation", "investigators", "investigate"].map(stemWord)).size).toBe(1);
    expect(stemWord("told")).toBe(stemWord("tell"));
    expect(stemWord("fled")).toBe(stemWord("flee"));
    expect(stemWord("died")).toBe(stemWord("dies"));
    expect(stemWord("three")).toBe("3");
    expect(stemWord("2013")).toBe("2013");
    expect(stemWord("police")).not.toBe(stemWord("policy"));
  });
});

describe("timestamps", () => {
  it("recognises datelines and times as non-claims", () => {
    for (const line of ["Published August 02, 2013", "8: 13 AM PDT 8 / 2 / 2013", "SATURDAY, SEPTEMBER 14, 2013, 9: 29 PM", "December 22nd, 2008 8: 55 am"])
      expect(isTimestamp(tokenize(line)), line).toBe(true);
    for (const line of ["The court met on August 2, 2013.", "She died on Friday at 9 pm.", "May 2013 was wet."])
      expect(isTimestamp(tokenize(line)), line).toBe(false);
  });

  it("never aligns two timestamps and does not list them as claims", () => {
    const result = compareArticles([
      article("a", "Published August 02, 2013\n\nThe mayor of Springfield resigned after a corruption inquiry on Friday."),
      article("b", "August 2, 2013\n\nSpringfield's mayor resigned on Friday following a corruption inquiry."),
    ]);
    const all = [...result.claims, ...result.onlyIn.flatMap((o) => o.claims)];
    expect(all.some((c) => c.sentences.some((s) => /August/.test(s.text)))).toBe(false);
    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]!.sentences.map((s) => s.articleId).sort()).toEqual(["a", "b"]);
  });
});

describe("embedded posts' signature lines", () => {
  // nj.com and TheHill on South Dakota's meth campaign embed different people's tweets; their signature lines
  // ("— Name (@handle) November 18, 2019") were one "shared claim" of two outlets.
  it("are no claims: never aligned, never listed", () => {
    const result = compareArticles([
      article("a", "The state launched a campaign against methamphetamine on Monday, officials said.\n\n— Mike Beauvais (@MikeBeauvais) November 18, 2019"),
      article("b", "South Dakota launched its anti-meth campaign on Monday, state officials said.\n\n— Robert Maguire (@RobertMaguire_) November 18, 2019"),
    ]);
    const all = [...result.claims, ...result.onlyIn.flatMap((o) => o.claims)];
    expect(all.some((c) => c.sentences.some((s) => /@/.test(s.text)))).toBe(false);
    expect(result.claims).toHaveLength(1);
    // A sentence that cites a handle is still a claim.
    expect(isPostSignature("The governor replied to @MikeBeauvais on November 18, 2019.")).toBe(false);
  });
});

describe("paraphrase", () => {
  const fillerA = [
    "Local schools will reopen next week after the summer holidays.",
    "The city council approved a new budget for road repairs.",
    "Weather forecasters expect heavy rain over the weekend.",
  ];
  const fillerB = [
    "A new bakery opened on the high street this morning.",
    "Tickets for the autumn festival went on sale online.",
    "The museum extended its opening hours for tourists.",
  ];

  it("scores a paraphrase above an unrelated sentence that shares a name", () => {
    // Names aside ("Chohan" is printed mid-sentence, so it is a name), the two sentences share only died/dead.
    const a = article("a", [...fillerA, "On Friday Chohan died at Jamaica Hospital."].join("\n\n"));
    const b = article("b", [...fillerB, "On Friday Chohan was pronounced dead at Jamaica Hospital.", "Chohan had lived in Queens for twenty years."].join("\n\n"));
    const f = sentenceFeatures([a, b], [bodySentences(a.body), bodySentences(b.body)]);
    const scorer = makeScorer(f, storyIdf(f), DEFAULT_ALIGN);
    const died = f.findIndex((x) => x.article === 0 && x.sentence.text.includes("Chohan died"));
    const dead = f.findIndex((x) => x.article === 1 && x.sentence.text.includes("pronounced dead"));
    const lived = f.findIndex((x) => x.article === 1 && x.sentence.text.includes("lived"));
    expect(scorer.score(died, dead)).toBeGreaterThan(DEFAULT_ALIGN.threshold);
    expect(scorer.score(died, lived)).toBeLessThan(DEFAULT_ALIGN.mergeThreshold);
  });
});

describe("WordNet relations", () => {
  const senses = (w: string) => wordSenses(w, w, 2)!;
  const shareSense = (x: string, y: string) => senses(x).synsets.some((s) => senses(y).synsets.includes(s));
  const isKindOf = (x: string, y: string) => senses(x).hypernyms.some((s) => senses(y).synsets.includes(s));

  it("reads senses, derivations and hypernyms from the installed database", () => {
    expect(shareSense("hit", "strike")).toBe(true);
    expect(shareSense("resignation", "resign")).toBe(true);
    expect(shareSense("death", "die")).toBe(true);
    expect(isKindOf("sedan", "car")).toBe(true);
    expect(isKindOf("car", "vehicle")).toBe(true);
    // Inflected forms find their lemma (here only the verb: "arrested" is no noun form).
    const arrested = wordSenses("arrested", undefined, 2)!.synsets;
    expect(arrested.length).toBeGreaterThan(0);
    expect(arrested.every((s) => senses("arrest").synsets.includes(s))).toBe(true);
    expect(wordSenses("xqzvw", undefined, 2)).toBeUndefined();
  });

  it("does not relate two kinds of one thing", () => {
    expect(shareSense("monday", "friday")).toBe(false);
    expect(isKindOf("monday", "friday") || isKindOf("friday", "monday")).toBe(false);
  });

  it("raises a paraphrase pair that shares no word for its verb", () => {
    const a = article("a", "A delivery truck struck the cyclist near the station on Tuesday evening.\n\nThe council will review the junction.");
    const b = article("b", "The cyclist was hit by a delivery lorry near the station on Tuesday evening.\n\nThe rider's family thanked the paramedics.");
    const f = sentenceFeatures([a, b], [bodySentences(a.body), bodySentences(b.body)]);
    const idf = storyIdf(f);
    const score = (credit: number) => makeScorer(f, idf, { ...DEFAULT_ALIGN, wordnetCredit: credit }).score(0, 2);
    expect(f[0]!.sentence.text).toContain("struck");
    expect(f[2]!.sentence.text).toContain("hit");
    expect(score(DEFAULT_ALIGN.wordnetCredit)).toBeGreaterThan(score(0));
  });
});

const corpus = readFileSync(join(process.cwd(), "fixtures/ecbplus/ecbplus-dev.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as { id: string; title: string; text: string; cluster_id: string });

/** One ECB+ cluster's articles, their title line taken off the body. */
function clusterStory(cluster: string): CompareArticle[] {
  return corpus
    .filter((r) => r.cluster_id === cluster)
    .map((r) => {
      const lines = r.text.split("\n");
      if (lines[0]!.trim() === r.title.trim()) lines.shift();
      return article(r.id, lines.join("\n\n"));
    });
}

describe("rows on a real multi-outlet story", () => {
  const story = clusterStory("24_ecbplus");
  const features = sentenceFeatures(story, story.map((a) => bodySentences(a.body)));
  const { rows } = alignSentences(features, storyIdf(features), DEFAULT_ALIGN);

  it("puts every sentence in exactly one row and never two sentences of one article in a row", () => {
    expect(story.length).toBeGreaterThan(5);
    expect(rows.flat().sort((x, y) => x - y)).toEqual(features.map((_, i) => i));
    for (const row of rows) expect(new Set(row.map((i) => features[i]!.article)).size).toBe(row.length);
    expect(rows.some((r) => r.length >= 3)).toBe(true);
  });

  it("is deterministic", () => {
    const again = alignSentences(features, storyIdf(features), DEFAULT_ALIGN);
    expect(again.rows).toEqual(rows);
  });
});

describe("one shared word is not one claim", () => {
  // Two short quotes in the Fred LaRue obituaries (ECB+ cluster 28) share only "think": containment and
  // cosine are near 1 for sentences this short, and the model scored the pair 0.98.
  const story = clusterStory("28_ecbplus");
  const features = sentenceFeatures(story, story.map((a) => bodySentences(a.body)));
  const idf = storyIdf(features);
  const find = (text: string) => features.findIndex((f) => f.sentence.text.startsWith(text));
  const magruder = find("I don't think it would have been Magruder");
  const noneAtAll = find("I don't think there was one");

  it("scores a pair sharing a single stem 0, which the model alone would accept", () => {
    expect(magruder).toBeGreaterThanOrEqual(0);
    expect(noneAtAll).toBeGreaterThanOrEqual(0);
    expect(makeScorer(features, idf, { ...DEFAULT_ALIGN, minShared: 1 }).score(magruder, noneAtAll)).toBeGreaterThan(DEFAULT_ALIGN.threshold);
    expect(makeScorer(features, idf, DEFAULT_ALIGN).score(magruder, noneAtAll)).toBe(0);
  });

  it("keeps them in different rows while the story's shared claims still align", () => {
    const { rows } = alignSentences(features, idf, DEFAULT_ALIGN);
    expect(rows.find((r) => r.includes(magruder))).not.toContain(noneAtAll);
    const assistant = rows.find((r) => r.includes(find("LaRue served as special assistant to John Mitchell")))!;
    expect(assistant.length).toBeGreaterThanOrEqual(5);
  });
});

describe("blocking in a story of short articles", () => {
  // Four two-sentence accounts: the grounding's words are in half the story's sentences, over the 35%
  // share that keeps story-wide stems from opening pairs, and the claim all four carry was never scored.
  const bodies = [
    "The Larsholm ferry ran aground off Vesterby island on Sunday morning with 212 passengers on board, the coast guard said. All passengers were taken off safely by lifeboats within three hours.",
    "All 212 passengers were rescued after the Larsholm ferry ran aground near Vesterby island on Sunday, the coast guard said. Lifeboats took the passengers ashore within three hours.",
    "A ferry carrying 212 passengers, the Larsholm, ran aground off Vesterby island on Sunday, according to the coast guard. The operator cancelled all crossings for Monday while divers inspect the hull.",
    "The Larsholm ferry ran aground on a sandbank off Vesterby island on Sunday, the coast guard said. The operator cancelled all crossings on Monday while divers inspect the hull.",
  ];
  it("still aligns the claim every article carries", () => {
    const { claims } = compareArticles(bodies.map((b, i) => article(`a${i + 1}`, b)));
    const aground = claims.find((c) => c.sentences.some((s) => s.text.startsWith("The Larsholm ferry ran aground off")));
    expect(aground?.sentences.map((s) => s.articleId).sort()).toEqual(["a1", "a2", "a3", "a4"]);
  });
});

describe("bodySentences: slogans", () => {
  const texts = (body: string) => bodySentences(body).map((s) => s.text);

  it("keeps a slogan printed with full stops as one sentence, in quotation marks or as a Title-Case headline", () => {
    // nj.com, USA Today and TheHill on South Dakota's meth campaign: the slogan was two or three "claims".
    expect(texts("“Meth. We’re on it.”")).toEqual(["“Meth. We’re on it.”"]);
    expect(texts('The "Meth. We\'re On It." campaign drew mockery. Montana ran "Meth. Not Even Once." for years.')).toEqual([
      'The "Meth. We\'re On It." campaign drew mockery.',
      'Montana ran "Meth. Not Even Once." for years.',
    ]);
    expect(texts("Meth. We're On It.\nThe campaign cost $449,000.")).toEqual(["Meth. We're On It.", "The campaign cost $449,000."]);
    const slogan = bodySentences("Gov. Noem spoke.\n“Meth. We’re on it.”")[1]!;
    expect([slogan.start, slogan.end, slogan.paragraph]).toEqual([17, 37, 1]);
  });

  it("splits ordinary sentences as the splitter does: quoted speech, short sentences, abbreviations", () => {
    const ordinary = [
      '"We are here. We will stay until the plant reopens," he said.',
      // The Vancouver Sun (ECB+ 18) quoting a witness: two short sentences of speech.
      '" Everything seemed under control. They did a great job. "',
      "Yes, that’s it. No joke. The governor of South Dakota would like us to know.",
      "TNN Nov 12, 2011, 05. 51AM IST MUMBAI:",
    ];
    for (const text of ordinary) expect(texts(text)).toEqual(splitSentences(text).map((s) => s.text));
    expect(texts("Dr. Collins met Gov. Noem on Sept. 17. They spoke.")).toEqual(["Dr. Collins met Gov. Noem on Sept. 17.", "They spoke."]);
  });
});

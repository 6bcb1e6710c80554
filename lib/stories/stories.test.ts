import { describe, expect, it } from "vitest";
import {
  indexedTerms,
  INDEXED_STORY_TERMS,
  withBackground,
  backgroundShare,
  articleVector,
  articleTf,
  assignStory,
  clusterAll,
  contentTerms,
  DEFAULT_SCORING_PARAMS,
  InMemoryStoryStore,
  placeArticle,
  timeFactor,
  updateSignature,
  storyVector,
  scoreCandidate,
  weigh,
  weightOf,
  DEFAULT_SIGNATURE_PARAMS,
  type ArticleFeatures,
  type Assignment,
} from "@/lib/stories";
import { readFileSync } from "node:fs";
import { tokenize, isStopWord } from "@/lib/text";
import { partsOf } from "./vector";

const DAY = 86_400_000;

function art(id: string, title: string, body: string, entities: string[] = [], publishedAt: Date | null = null): ArticleFeatures {
  return {
    id,
    publishedAt,
    title,
    body,
    entities: entities.map((key, i) => ({ key, type: "OTHER" as const, salience: 1 / (i + 1) })),
  };
}

// Two look-alike events (two quakes in one country) and an unrelated story, each told by several outlets.
const CORPUS: ArticleFeatures[] = [
  art("q1-a", "Magnitude 6.1 earthquake hits Sumatra, killing 12", "A magnitude 6.1 earthquake struck Aceh province on Sumatra on Tuesday, killing 12 people and damaging 300 homes in Bener Meriah.", ["place:aceh", "place:sumatra", "place:bener-meriah"]),
  art("q2-a", "Strong quake rocks Java; 3 dead", "A magnitude 5.6 earthquake shook West Java near Cianjur on Monday, killing three people and cracking schools in Cianjur.", ["place:west-java", "place:cianjur"]),
  art("f-a", "City council approves new tram line budget", "The city council voted 31 to 9 to fund the eastern tram line, the mayor said, with construction due next spring.", ["org:city-council"]),
  art("q1-b", "Aceh earthquake death toll rises to 12", "Rescuers in Bener Meriah, Aceh, pulled more bodies from rubble after Tuesday's magnitude 6.1 earthquake on Sumatra; 12 people died and 300 homes were damaged.", ["place:bener-meriah", "place:aceh", "place:sumatra"]),
  art("q2-b", "Cianjur quake: three killed in West Java", "Three people were killed when a magnitude 5.6 quake struck Cianjur in West Java on Monday, officials said; schools in Cianjur were cracked.", ["place:cianjur", "place:west-java"]),
  art("f-b", "Tram line wins council budget vote", "The eastern tram line was funded after the city council voted 31 to 9; construction is due to start next spring, according to the mayor.", ["org:city-council"]),
];

// contentTerms as first written, over tokenize's tokens (it now reads words with a scanner).
function referenceTerms(text: string): string[] {
  const fold = (word: string) => {
    if (word.length <= 4 || /\d/.test(word)) return word;
    if (word.endsWith("ies")) return word.slice(0, -3) + "y";
    if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
    if (word.endsWith("s")) return word.slice(0, -1);
    return word;
  };
  const toks = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    let norm = toks[i]!.norm;
    let end = toks[i]!.end;
    while (/^[\d.,]+$/.test(norm) && i + 1 < toks.length) {
      const next = toks[i + 1]!;
      const gap = text.slice(end, next.start);
      if ((gap === "." || gap === ",") && /^\d+$/.test(next.norm)) {
        norm = norm + gap + next.norm;
        end = next.end;
        i++;
      } else break;
    }
    if (isStopWord(norm)) continue;
    if (norm.length < 2 && !/\d/.test(norm)) continue;
    out.push(fold(norm.replace(/'s$/, "")));
  }
  return out;
}

describe("contentTerms", () => {
  it("keeps decimal numbers whole, folds plurals and drops function words", () => {
    expect(contentTerms("The 6.1 earthquakes of the cities")).toEqual(["6.1", "earthquake", "city"]);
  });

  it("gives the terms of tokenize's tokens", () => {
    const ecb = readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").split("\n").slice(0, 60);
    const awkward = [
      "1,200.50 and 3.5.7 but 4. 5 or 6 ,7 8,9,x 10.a 2.5s It's Kim's bus's 1.2.3.4 ٣.٤ 5.٣",
      "Kim’s week-long O’Neill’s ’tis rock’n’roll end- -start İstanbul STRASSE 𝐀𝐁𝐂s 😀a \ud800x e\u0301te",
    ];
    for (const text of [...awkward, ...ecb]) expect(contentTerms(text)).toEqual(referenceTerms(text));
  });
});

// The term frequencies as they were first written: string-keyed counts, log, pruned by TF-IDF with topK,
// normalised. articleTf builds them over interned ids and arrays; the records must be the same, key order
// included (signatures sum in that order, and array-index keys like "2013" enumerate first).
function referenceTf(article: ArticleFeatures, stats: ReturnType<InMemoryStoryStore["stats"]>): [Record<string, number>, Record<string, number>] {
  const p = DEFAULT_SCORING_PARAMS.vector;
  const titleWords = contentTerms(article.title);
  const bodyWords = contentTerms(article.body);
  const counts = new Map<string, number>();
  const titleCounts = new Map<string, number>();
  for (const t of titleWords) {
    counts.set(t, (counts.get(t) ?? 0) + p.titleBoost);
    titleCounts.set(t, (titleCounts.get(t) ?? 0) + 1);
  }
  for (const t of bodyWords) counts.set(t, (counts.get(t) ?? 0) + 1);
  const normalise = (v: Record<string, number>) => {
    let sq = 0;
    for (const k in v) sq += v[k]! * v[k]!;
    const n = Math.sqrt(sq);
    const out: Record<string, number> = {};
    if (n === 0) return out;
    for (const k in v) out[k] = v[k]! / n;
    return out;
  };
  const logTf = (c: Map<string, number>) => {
    const v: Record<string, number> = {};
    for (const [t, n] of c) v[t] = 1 + Math.log(n);
    if (c.size <= p.maxArticleTerms) return normalise(v);
    const rank = Object.keys(v).map((t) => [t, v[t]! * (Math.log((stats.articleCount + 1) / (stats.termDf(t) + 1)) + p.idfFloor)] as const);
    rank.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const top: Record<string, number> = {};
    for (const [t] of rank.slice(0, p.maxArticleTerms)) top[t] = 0;
    const out: Record<string, number> = {};
    for (const t in top) out[t] = v[t]!;
    return normalise(out);
  };
  return [logTf(counts), logTf(titleCounts)];
}

describe("articleTf", () => {
  it("gives the records of string-keyed counting, key order included", () => {
    const store = new InMemoryStoryStore();
    for (const a of CORPUS) store.add(a, articleVector(a, store.stats()), null);
    const words = Array.from({ length: 450 }, (_, i) => `w${i.toString(36)}x`);
    const texts = [
      art("n1", "2013 quake: 12 dead, 0 missing", "In 2013 the 6.1 quake killed 12; 4294967295 and 4294967294 and 007 and 10 and 2 were noted. 12 12 2013."),
      art("n2", "Big list 2013", `${words.join(" ")} ${words.slice(0, 40).join(" ")} 2013 5 5 17 earthquake earthquakes`),
      art("n3", "", ""),
      ...CORPUS,
    ];
    for (const a of texts) {
      const stats = withBackground(store.stats(), DEFAULT_SCORING_PARAMS.vector.backgroundDocs);
      const tf = articleTf(a, stats);
      const [terms, titleTerms] = referenceTf(a, stats);
      expect(Object.keys(tf.terms)).toEqual(Object.keys(terms));
      expect(tf.terms).toEqual(terms);
      expect(Object.keys(tf.titleTerms)).toEqual(Object.keys(titleTerms));
      expect(tf.titleTerms).toEqual(titleTerms);
      // What a signature sums and weighing reads: the parts kept with the record, in its key order.
      expect(partsOf(tf.terms).keys).toEqual(Object.keys(terms));
      expect(Array.from(partsOf(tf.terms).weights)).toEqual(Object.values(terms));
      expect(partsOf(tf.titleTerms).keys).toEqual(Object.keys(titleTerms));
    }
    expect(Object.keys(articleTf(texts[1]!, store.stats()).terms)).toHaveLength(DEFAULT_SCORING_PARAMS.vector.maxArticleTerms);
  });
});

describe("articleVector", () => {
  it("gives unit-length term and entity vectors that favour rare words", () => {
    const store = new InMemoryStoryStore();
    for (const a of CORPUS.slice(0, 3)) store.add(a, articleVector(a, store.stats()), null);
    const v = articleVector(CORPUS[3]!, store.stats());
    const len = (o: Record<string, number>) => Math.sqrt(Object.values(o).reduce((s, x) => s + x * x, 0));
    expect(len(v.terms)).toBeCloseTo(1, 6);
    expect(len(v.entities)).toBeCloseTo(1, 6);
    // "magnitude" is in two stored articles, "bodies" in none.
    expect(v.terms["body"]!).toBeGreaterThan(v.terms["magnitude"]!);
  });
});

describe("updateSignature", () => {
  it("counts articles, tracks the date range, stays bounded and leaves its input alone", () => {
    const a = art("a", "t", Array.from({ length: 700 }, (_, i) => `word${i}`).join(" "), [], new Date(5 * DAY));
    const b = art("b", "t", "word1 word2 other", [], new Date(2 * DAY));
    const stats = new InMemoryStoryStore().stats();
    const s1 = updateSignature(null, articleVector(a, stats));
    const frozen = JSON.stringify(s1);
    const s2 = updateSignature(s1, articleVector(b, stats));
    expect(JSON.stringify(s1)).toBe(frozen);
    expect(s2.articleCount).toBe(2);
    expect(Object.keys(s2.terms).length).toBeLessThanOrEqual(DEFAULT_SIGNATURE_PARAMS.maxStoryTerms);
    expect(Object.keys(s2.terms).length).toBeGreaterThan(0);
    expect([s2.firstPublished, s2.lastPublished]).toEqual([2 * DAY, 5 * DAY]);
  });

  it("reads as a plain signature while its parts are held unbuilt, and sums and weighs the same", () => {
    const store = new InMemoryStoryStore();
    for (const a of CORPUS) store.add(a, articleVector(a, store.stats()), null);
    const stats = withBackground(store.stats(), DEFAULT_SCORING_PARAMS.vector.backgroundDocs);
    const v1 = articleVector(art("h1", "Quake in 2013 kills 12", "The 2013 quake killed 12 in Aceh; 300 homes. On July 21, 2013.", ["place:aceh"], new Date(3 * DAY)), stats);
    const v2 = articleVector(art("h2", "Aceh quake toll 12", "Aceh quake: 12 dead, 2013, 7 missing.", ["place:aceh", "person:x"], new Date(DAY)), stats);
    const held = updateSignature(updateSignature(null, v1), v2);
    // A plain signature with the same records, assigned in the order the held parts keep them.
    const plainOf = (sig: typeof held) => JSON.parse(JSON.stringify(sig)) as typeof held;
    const weighedHeld = weigh(held, stats);
    const plain = { ...held };
    expect(Object.keys(held)).toEqual(["version", "articleCount", "terms", "titleTerms", "entities", "dates", "firstPublished", "lastPublished"]);
    expect(plain).toEqual(plainOf(held));
    expect(held).toEqual(plain);
    expect(weigh(plain, stats)).toEqual(weighedHeld);
    const next = articleVector(CORPUS[0]!, stats);
    expect(JSON.stringify(updateSignature(plain, next))).toBe(JSON.stringify(updateSignature(updateSignature(updateSignature(null, v1), v2), next)));
  });

  it("keeps at most maxStoryDates date keys, the most written first, and reads a signature without dates", () => {
    const stats = new InMemoryStoryStore().stats();
    const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => `in ${from + i}`).join(", ");
    let sig = updateSignature(null, articleVector(art("a", "t", `On July 21, 2013 it began. ${years(1960, 40)}`, [], null), stats));
    sig = updateSignature(sig, articleVector(art("b", "t", "It began on 21 July 2013.", [], null), stats));
    expect(Object.keys(sig.dates!).length).toBe(DEFAULT_SIGNATURE_PARAMS.maxStoryDates);
    for (const k of ["y2013", "m2013-07", "d2013-07-21"]) expect(Object.hasOwn(sig.dates!, k)).toBe(true);
    const { dates: _dropped, ...old } = sig;
    const next = updateSignature(old, articleVector(art("c", "t", "Since May 2005.", [], null), stats));
    expect(Object.keys(next.dates!).sort()).toEqual(["m2005-05", "y2005"]);
  });

  it("keeps term frequencies without IDF, so the scorer weighs a story with the statistics of the moment", () => {
    const a = art("a", "quake", "quake village toll quake", [], null);
    const young = new InMemoryStoryStore().stats();
    const grown = new InMemoryStoryStore();
    for (let i = 0; i < 20; i++) grown.add(art(`q${i}`, "x", `quake report ${i}`, [], null), articleVector(art(`q${i}`, "x", `quake report ${i}`, [], null), grown.stats()), null);
    const sig = updateSignature(null, articleVector(a, young));
    expect(updateSignature(null, articleVector(a, grown.stats())).terms).toEqual(sig.terms);
    // "quake" is in every article of the grown store, "village" in none: at scoring time it weighs less.
    // Live statistics only (no background), so the two IDFs differ by what the store has seen.
    const live = { ...DEFAULT_SCORING_PARAMS, vector: { ...DEFAULT_SCORING_PARAMS.vector, idfFloor: 1, backgroundDocs: 0 } };
    const then = storyVector(sig, young, live).terms;
    const now = storyVector(sig, grown.stats(), live).terms;
    expect(weightOf(then, "quake")).toBeGreaterThan(weightOf(then, "village"));
    expect(weightOf(now, "quake")).toBeLessThan(weightOf(now, "village"));
  });

  it("weighs a story lazily to the same parts as weighing at once, and scores it without building them", () => {
    const store = new InMemoryStoryStore();
    const a = art("a", "Quake hits village", "A quake hit the village of Ash on 21 July 2013; the toll rose to 12.", ["person:ash"], null);
    const sig = updateSignature(null, articleVector(a, store.stats()));
    const stats = withBackground(store.stats(), DEFAULT_SCORING_PARAMS.vector.backgroundDocs);
    const lazy = storyVector(sig, stats, DEFAULT_SCORING_PARAMS);
    const eager = weigh(sig, stats, DEFAULT_SCORING_PARAMS.vector);
    const v = articleVector(art("b", "Quake toll rises", "The village quake toll rose to 12.", ["person:ash"], null), stats);
    const lazyScore = scoreCandidate(v, lazy, sig, DEFAULT_SCORING_PARAMS);
    expect(lazyScore).toEqual(scoreCandidate(v, eager, sig, DEFAULT_SCORING_PARAMS));
    expect(lazyScore.total).toBeGreaterThan(0);
    for (const part of ["terms", "titleTerms", "entities", "dates"] as const) {
      expect(Object.keys(lazy[part]!)).toEqual(Object.keys(eager[part]!));
      expect(lazy[part]).toEqual(eager[part]);
    }
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect({ ...lazy }).toEqual(eager);
    // Read once built: the same records and scores as before.
    expect(scoreCandidate(v, lazy, sig, DEFAULT_SCORING_PARAMS)).toEqual(lazyScore);
  });
});

describe("indexedTerms", () => {
  it("keeps the heaviest story terms for the index, at most INDEXED_STORY_TERMS", () => {
    const terms = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`w${i}`, i + 1]));
    const kept = indexedTerms({ terms });
    expect(kept).toHaveLength(INDEXED_STORY_TERMS);
    expect(kept.map(([t]) => t)).toContain("w89");
    expect(kept.map(([t]) => t)).not.toContain("w0");
    expect(indexedTerms({ terms: { a: 1 } })).toEqual([["a", 1]]);
  });
});

describe("background document frequencies", () => {
  it("weigh common words below rare ones before the store has seen any article", () => {
    const empty = withBackground(new InMemoryStoryStore().stats(), DEFAULT_SCORING_PARAMS.vector.backgroundDocs);
    const v = articleVector(art("a", "t", "people waitrose people waitrose", [], null), empty);
    expect(weightOf(v.terms, "people")).toBeGreaterThan(0);
    expect(weightOf(v.terms, "waitrose")).toBeGreaterThan(2 * weightOf(v.terms, "people"));
  });

  it("give way to the live counts as the store grows", () => {
    const store = new InMemoryStoryStore();
    for (let i = 0; i < 50; i++) {
      const a = art(`w${i}`, "x", `waitrose report ${i}`, [], null);
      store.add(a, articleVector(a, store.stats()), null);
    }
    const docs = DEFAULT_SCORING_PARAMS.vector.backgroundDocs;
    const grown = withBackground(store.stats(), docs);
    expect(grown.termDf("waitrose")).toBe(50 + docs * backgroundShare("waitrose"));
    expect(grown.articleCount).toBe(50 + docs);
    const live = store.stats();
    expect(withBackground(live, 0)).toBe(live);
  });
});

describe("timeFactor", () => {
  const sig = { ...updateSignature(null, articleVector(art("x", "t", "b", [], new Date(10 * DAY)), new InMemoryStoryStore().stats())) };
  it("costs nothing for undated articles or within the grace days, and decays beyond", () => {
    expect(timeFactor(null, sig, DEFAULT_SCORING_PARAMS)).toBe(1);
    expect(timeFactor(11 * DAY, sig, DEFAULT_SCORING_PARAMS)).toBe(1);
    const week = timeFactor(20 * DAY, sig, DEFAULT_SCORING_PARAMS);
    const month = timeFactor(40 * DAY, sig, DEFAULT_SCORING_PARAMS);
    expect(week).toBeLessThan(1);
    expect(month).toBeLessThan(week);
    // Time is evidence, not a veto: far apart, the factor falls to the floor and no lower.
    const years = timeFactor(1000 * DAY, sig, DEFAULT_SCORING_PARAMS);
    expect(years).toBeCloseTo(DEFAULT_SCORING_PARAMS.timeFloor, 6);
    expect(timeFactor(1000 * DAY, sig, { ...DEFAULT_SCORING_PARAMS, timeFloor: 0 })).toBeLessThan(1e-6);
  });
});

describe("clusterAll", () => {
  it("separates two look-alike events and an unrelated story", async () => {
    const stories = await clusterAll(CORPUS);
    expect(stories.get("q1-b")).toBe(stories.get("q1-a"));
    expect(stories.get("q2-b")).toBe(stories.get("q2-a"));
    expect(stories.get("f-b")).toBe(stories.get("f-a"));
    expect(new Set(stories.values()).size).toBe(3);
  });

  it("is deterministic: the same articles in the same order give the same stories", async () => {
    const a = await clusterAll(CORPUS);
    const b = await clusterAll(CORPUS.map((x) => ({ ...x, entities: [...x.entities] })));
    expect([...b]).toEqual([...a]);
  });
});

describe("assignStory explanations", () => {
  it("records the score, its parts, the shared entities and the runner-up consistently", async () => {
    const store = new InMemoryStoryStore();
    const explained: Assignment[] = [];
    for (const a of CORPUS) {
      const { assignment, vector } = await placeArticle(a, store);
      explained.push(assignment);
      store.add(a, vector, assignment.storyId);
    }
    for (const e of explained) {
      expect(e.storyId === null).toBe(e.score < e.threshold);
      expect(e.scores.total).toBe(e.score);
      if (e.runnerUp) expect(e.runnerUp.score).toBeLessThanOrEqual(e.score);
    }
    const joined = explained[3]!;
    expect(joined.storyId).toBe("story:q1-a");
    expect(joined.sharedEntities.map((s) => s.key)).toEqual(expect.arrayContaining(["place:aceh", "place:bener-meriah"]));
    expect(joined.sharedTerms.map((s) => s.term)).toContain("6.1");
  });

  it("breaks exact ties by story id", async () => {
    const store = new InMemoryStoryStore();
    const twin = (id: string) => art(id, "Bridge collapses in Genoa", "The Morandi bridge in Genoa collapsed on Tuesday.", ["place:genoa"]);
    // Two identical stories, created through the store with a threshold nothing can reach.
    for (const id of ["b", "a"]) {
      const { vector } = await placeArticle(twin(id), store);
      store.add(twin(id), vector, null);
    }
    const e = await assignStory(twin("c"), store);
    expect(e.storyId).toBe("story:a");
    expect(e.runnerUp?.storyId).toBe("story:b");
  });
});

describe("InMemoryStoryStore", () => {
  it("retrieves only stories sharing a key, and no more per key than the posting cap", async () => {
    const store = new InMemoryStoryStore({ postingCap: 2 });
    for (const id of ["s1", "s2", "s3"]) {
      const a = art(id, "Harbour strike", `Dock workers strike at the harbour, day ${id}.`, ["org:dockers-union"]);
      store.add(a, articleVector(a, store.stats()), null);
    }
    const other = art("o", "Chess final", "A chess final in Oslo.", ["place:oslo"]);
    store.add(other, articleVector(other, store.stats()), null);
    const found = store.candidates({ entityKeys: ["org:dockers-union"], terms: [], limit: 10 }).map((c) => c.storyId);
    expect(found.sort()).toEqual(["story:s2", "story:s3"]);
    expect(store.candidates({ entityKeys: ["place:nowhere"], terms: ["zzz"], limit: 10 })).toEqual([]);
  });

  it("refuses to file an article twice or into an unknown story", () => {
    const store = new InMemoryStoryStore();
    const a = art("a", "t", "body");
    const v = articleVector(a, store.stats());
    store.add(a, v, null);
    expect(() => store.add(a, v, null)).toThrow();
    expect(() => store.add(art("b", "t", "body"), v, "story:none")).toThrow();
  });
});

describe("InMemoryStoryStore (session 12)", () => {
  it("indexRows and signatureJson give each story's indexedTerms, entities and signature, and ties among candidates go to the lower id", async () => {
    const { generateCorpus } = await import("@/bench/synthetic-corpus");
    const corpus = generateCorpus({ articles: 600, seed: 5 });
    const store = new InMemoryStoryStore();
    const ids = await clusterAll(corpus, { storeInstance: store });
    const sorted = (rows: [string, number][]) => rows.map(([k, w]) => `${k} ${w}`).sort();
    let long = 0;
    for (const id of new Set(ids.values())) {
      const sig = store.story(id)!.signature;
      const rows = store.indexRows(id)!;
      const terms = rows.terms.keys.map((k, i): [string, number] => [k, rows.terms.weights[i]!]);
      const entities = rows.entities.keys.map((k, i): [string, number] => [k, rows.entities.weights[i]!]);
      expect(sorted(terms)).toEqual(sorted(indexedTerms(sig)));
      expect(sorted(entities)).toEqual(sorted(Object.entries(sig.entities)));
      expect(JSON.parse(store.signatureJson(id)!)).toEqual(JSON.parse(JSON.stringify(sig)));
      if (Object.keys(sig.terms).length > INDEXED_STORY_TERMS) long++;
    }
    expect(long).toBeGreaterThan(0);
    // Candidates with equal hits come in id order: the ranks follow the ids, not the order stories were made.
    const q = { entityKeys: [], terms: ["the"], limit: 1000 };
    expect(store.candidates(q).length).toBe(0); // a stop word is no key
    const stories = [...new Set(ids.values())];
    const storiesOf = new Map<string, number>();
    for (const id of stories) for (const [k] of indexedTerms(store.story(id)!.signature)) storiesOf.set(k, (storiesOf.get(k) ?? 0) + 1);
    // The key in most stories' posting lists among those retrieval uses (in at most 25% of articles).
    const shared = [...storiesOf].filter(([k]) => store.stats().termDf(k) <= 0.25 * store.size).sort((a, b) => b[1] - a[1])[0]![0];
    const found = store.candidates({ entityKeys: [], terms: [shared], limit: 1000 }).map((c) => c.storyId);
    expect(found.length).toBeGreaterThan(1);
    expect(found).toEqual([...found].sort());
  });
});

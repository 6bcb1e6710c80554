import { describe, expect, it } from "vitest";
import { citableSpeaker, clauseSpeaker, findAttributions } from "./attribution";
import { compareArticles, type CompareArticle } from "./index";

const phrases = (text: string) => findAttributions(text).map((a) => ({ phrase: a.text, speaker: a.speaker.text }));

describe("attribution phrases", () => {
  it("takes a name with its appositive before the verb as the speaker", () => {
    expect(phrases("Ahmed Osama, deputy executive director of Telecom Egypt, said the cable passes through Egypt.")).toEqual([
      { phrase: "Ahmed Osama, deputy executive director of Telecom Egypt, said", speaker: "Ahmed Osama, deputy executive director of Telecom Egypt" },
    ]);
    expect(phrases("Dmitry Peskov, the Kremlin spokesman, told journalists that it was false.")[0]?.speaker).toBe("Dmitry Peskov, the Kremlin spokesman");
  });

  it("does not take an adverbial between commas for an appositive", () => {
    expect(phrases("Yesterday, in Cairo, said nothing.")).toEqual([]);
  });

  it("keeps an inverted speaker tag that closes its clause", () => {
    expect(phrases("The plane landed safely, said Gaskin.")).toEqual([{ phrase: "said Gaskin", speaker: "Gaskin" }]);
    expect(phrases("The climber was inexperienced, said the local police inspector, who led the search.")[0]?.speaker).toBe("the local police inspector");
  });

  it("marks an inverted tag that runs on into the claim, and never cites it", () => {
    // TheHill on South Dakota's meth campaign: "a methamphetamine use disorder in 2017" was a cited source.
    const text = "The survey estimated that 964,000 people, about 0.4 percent of the population, reported a methamphetamine use disorder in 2017, marking a significant increase.";
    expect(findAttributions(text).find((a) => a.verb === "reported")?.runsOn).toBe(true);
    expect(findAttributions("The climber was inexperienced, said the local police inspector, who led the search.")[0]?.runsOn).toBeUndefined();
    const body = (b: string): CompareArticle => ({ id: b.slice(0, 3), outlet: { id: b.slice(0, 3), name: b.slice(0, 3) }, title: "", titleDerived: false, body: b, publishedAt: null, entities: [] });
    const { citations } = compareArticles([body(text), body(`Officials said on Monday that ${text}`)]);
    expect(citations.map((r) => r.name).filter((n) => n && /disorder/.test(n))).toEqual([]);
  });

  it("does not take the claim after the verb for an inverted speaker when it runs on", () => {
    // Before: "said the cable passes through Egypt from Europe and" was taken as the attribution, and the
    // aligner dropped the claim's own words.
    const text = "Officials in Cairo, said the cable passes through Egypt from Europe and reaches Asia.";
    for (const a of findAttributions(text)) expect(a.text).not.toContain("cable");
  });

  it("does not take an adverbial for a speaker, nor \"added\" with an object for speech", () => {
    // Both from the Fred LaRue obituaries (ECB+ cluster 28), listed as sources before.
    expect(phrases('In particular, he helped develop a "Southern strategy" for the Republicans to recapture Southern states from the Democrats.')).toEqual([]);
    expect(phrases("LaRue guessed that the healthy regimen of his months in prison added 10 years to his life.")).toEqual([]);
    expect(phrases("The fee is waived, he added, for veterans.")).toEqual([{ phrase: "he added", speaker: "he" }]);
    expect(phrases("The mayor of Kyiv added that the bridge would reopen.")[0]?.speaker).toBe("The mayor of Kyiv");
  });

  it("takes no refusal for a statement, and no conjunction into the speaker", () => {
    // From Space.com's and SpaceNews' reports of NASA's lunar lander contracts.
    expect(phrases("He declined to say how much the task orders would be worth.")).toEqual([]);
    expect(phrases("It will interrupt any opportunity of 2024, or I would say even 2028.")[0]?.speaker).toBe("I");
    // Smithsonian: "As Emily Feng reports for NPR, the first cases came to light last week".
    expect(phrases("As Emily Feng reports for NPR, the first cases came to light last week.")[0]?.speaker).toBe("Emily Feng");
  });

  it("does not take a passive verb for an attribution", () => {
    expect(phrases("No further details were reported about the effects of the cuts.")).toEqual([]);
    expect(phrases("Further details were reported by the police on Monday, officials said.")).toEqual([{ phrase: "officials said", speaker: "officials" }]);
  });
});

describe("sources in the citations table", () => {
  const art = (id: string, body: string): CompareArticle => ({ id, outlet: { id: `o-${id}`, name: `Outlet ${id}` }, title: "Pinup model dies", titleDerived: false, body, publishedAt: null, entities: [] });

  it("are never a clause around the verb, though the span stays an attribution cue", () => {
    expect(clauseSpeaker("It was only decades")).toBe(true);
    expect(clauseSpeaker("The Congressional probe is")).toBe(true);
    expect(clauseSpeaker("Her agent Mark Roesler")).toBe(false);
    expect(clauseSpeaker("It")).toBe(false);
    const { citations } = compareArticles([
      art("a", "It was only decades later revealed that she moved to Florida. The Congressional probe is said to have ended her modelling career. Her agent Mark Roesler said she died on Thursday."),
      art("b", "Her agent Mark Roesler said she died in Los Angeles on Thursday at the age of 85."),
    ]);
    const sources = citations.map((r) => r.name);
    expect(sources).toContain("Her agent Mark Roesler");
    expect(sources.filter((s) => s && /decades|probe/.test(s))).toEqual([]);
  });

  it("are never a bare quantifier standing for people named elsewhere", () => {
    expect(citableSpeaker("All")).toBe(false);
    expect(citableSpeaker("Both")).toBe(false);
    expect(citableSpeaker("All three senators")).toBe(true);
    const { citations } = compareArticles([
      art("a", "Three aides were named as the source. All have denied it. Her agent Mark Roesler said she died on Thursday."),
      art("b", "Her agent Mark Roesler said she died in Los Angeles on Thursday at the age of 85."),
    ]);
    expect(citations.map((r) => r.name)).not.toContain("All");
  });
});

describe("a pronoun speaker", () => {
  /** The citations of a body (told twice, by two outlets) whose people are named once each. */
  function citationsOf(body: string, people: string[]) {
    const person = (name: string) => ({
      key: `person:${name.toLowerCase().replace(/\s+/g, "-")}`,
      name,
      type: "PERSON" as const,
      mentions: [{ field: "body" as const, start: body.indexOf(name), end: body.indexOf(name) + name.length, surface: name, descriptor: null }],
    });
    const article: CompareArticle = { id: "a", outlet: { id: "o", name: "Outlet" }, title: "Bettie Page", titleDerived: false, body, publishedAt: null, entities: people.map(person) };
    return compareArticles([article, { ...article, id: "b", outlet: { id: "p", name: "Other" } }]).citations;
  }

  it("is the last person named before it outside quotation marks", () => {
    const citations = citationsOf(`Bettie Page posed for Irving Klaw in the 1950s. "Adam and Eve in the Garden of Eden, they were naked as jaybirds," she said in 1998.`, ["Bettie Page", "Eve"]);
    const quote = citations.find((r) => r.cells.some((c) => c.citations.some((x) => x.kind === "quote" && x.text.startsWith("Adam and Eve"))));
    expect(quote?.name).toBe("Bettie Page");
  });

  it("is never a person whose first name is of the other gender", () => {
    const citations = citationsOf(`Bettie Page met the preacher Billy Graham in 1958. "I felt normal," she told Playboy.`, ["Bettie Page", "Billy Graham"]);
    const told = citations.find((r) => r.cells.some((c) => c.citations.some((x) => x.text === "she told Playboy")));
    expect(told?.name).toBe("Bettie Page");
  });
});

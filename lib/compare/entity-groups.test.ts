import { describe, expect, it } from "vitest";
import { groupEntities, samePerson, spellingVariants, type EntityGroup } from "./entity-groups";
import type { CompareArticle, CompareEntity, EntityType } from "./types";

describe("spellingVariants", () => {
  it("joins spellings of one name", () => {
    expect(spellingVariants("National Resistance Centre", "National Resistance Center")).toBe(true);
    expect(spellingVariants("Zelensky", "Zelenskyy")).toBe(true);
  });
  it("keeps apart one-word names two edits apart, and a name from its adjective", () => {
    expect(spellingVariants("Andriivka", "Avdiivka")).toBe(false);
    expect(spellingVariants("Russia", "Russian")).toBe(false);
    expect(spellingVariants("North Korea", "North Korean")).toBe(false);
    expect(spellingVariants("Germany", "German")).toBe(false);
  });
  // ECB+ 18, 33, 16: a sister and her brother were one row; "Dave" and "Jerry" were listed as misspellings.
  it("keeps apart a woman's and a man's given name, and does not call a name's other form a spelling", () => {
    expect(spellingVariants("Charlene Kafoury", "Charlie Kafoury")).toBe(false);
    expect(spellingVariants("David Rossi", "Dave Rossi")).toBe(false);
    expect(spellingVariants("Jeremy Ortiz", "Jerry Ortiz")).toBe(false);
    expect(samePerson("David Rossi", "Dave Rossi")).toBe(true);
    expect(samePerson("Jeremy Ortiz", "Jerry Ortiz")).toBe(true);
    // Two spellings of one woman's name stay variants.
    expect(spellingVariants("Latonya Brown", "Latoya Brown")).toBe(true);
  });
});

describe("samePerson", () => {
  it("joins the forms outlets give one name", () => {
    expect(samePerson("Fred LaRue", "Frederick C. LaRue")).toBe(true);
    expect(samePerson("Frederick C. LaRue", "Frederick Cheney LaRue")).toBe(true);
    expect(samePerson("Bob Woodward", "Robert Woodward")).toBe(true);
    expect(samePerson("Richard Nixon", "Richard M. Nixon")).toBe(true);
    expect(samePerson("Coroner Gary Hargrove", "Gary Hargrove")).toBe(true);
  });
  it("keeps apart relatives and namesakes", () => {
    expect(samePerson("Fred LaRue", "Ike Parsons LaRue")).toBe(false);
    expect(samePerson("Ike Parsons LaRue Sr.", "Ike LaRue III")).toBe(false);
    expect(samePerson("George W. Bush", "George H. W. Bush")).toBe(false);
    expect(samePerson("Barack Obama", "Michelle Obama")).toBe(false);
    expect(samePerson("Nixon", "Richard Nixon")).toBe(false);
  });
});

describe("groupEntities", () => {
  const person = (name: string): CompareEntity => ({
    key: `person:${name.toLowerCase()}`,
    name,
    type: "PERSON",
    mentions: [{ field: "body", start: 0, end: name.length, surface: name, descriptor: null }],
  });
  const story = (...people: string[][]): CompareArticle[] =>
    people.map((names, i) => ({ id: `a${i}`, outlet: null, title: "", titleDerived: false, body: "x".repeat(50), publishedAt: null, entities: names.map(person) }));
  const named = (groups: EntityGroup[]) => groups.map((g) => [g.name, g.perArticle.map((es) => es.length)]);

  it("makes one row of one person named differently by each outlet, named as most outlets name him", () => {
    const groups = groupEntities(
      story(
        ["Fred LaRue", "Nixon", "Coroner Gary Hargrove"],
        ["Frederick C. LaRue", "Nixon", "Coroner Gary Hargrove"],
        ["Fred LaRue", "Frederick Cheney LaRue", "Ike Parsons LaRue", "Richard M. Nixon", "Gary Hargrove"],
      ),
    );
    // A bare surname or a title in front never names the row, though more articles use it.
    expect(named(groups)).toEqual([
      ["Fred LaRue", [1, 1, 2]],
      ["Richard M. Nixon", [1, 1, 1]],
      ["Gary Hargrove", [1, 1, 1]],
      ["Ike Parsons LaRue", [0, 0, 1]],
    ]);
  });

  it("makes one row of a company named with and without its form, only when one longer name fits", () => {
    const org = (name: string): CompareEntity => ({ ...person(name), key: `organization:${name.toLowerCase()}`, type: "ORGANIZATION" });
    const articles = (...names: string[][]): CompareArticle[] =>
      story(...names.map(() => [])).map((a, i) => ({ ...a, entities: names[i]!.map(org) }));
    expect(named(groupEntities(articles(["Kraft"], ["Kraft Foods"], ["Kraft Foods", "Nabisco"])))).toEqual([
      ["Kraft Foods", [1, 1, 1]],
      ["Nabisco", [0, 0, 1]],
    ]);
    // Not a different body that starts with the name, nor one of two companies of that name.
    expect(named(groupEntities(articles(["Ford"], ["Ford Foundation"])))).toEqual([["Ford", [1, 0]], ["Ford Foundation", [0, 1]]]);
    expect(named(groupEntities(articles(["Acme"], ["Acme Foods"], ["Acme Motors"])))).toHaveLength(3);
  });

  it("joins a form of the name to a row that also holds the name with a title in front", () => {
    const groups = groupEntities(story(["Interior Secretary Dirk Kempthorne"], ["Dirk Kempthorne"], ["Dirk A. Kempthorne"], ["Dirk B. Kempthorne"]));
    // Named by the fuller name on a tie; the middle initials disagree, so the last is another man.
    expect(named(groups)).toEqual([["Dirk A. Kempthorne", [1, 1, 1, 0]], ["Dirk B. Kempthorne", [0, 0, 0, 1]]]);
  });

  it("makes one row of a team named with and without its place, and of a name's singular and plural", () => {
    const typed = (type: EntityType) => (name: string): CompareEntity => ({ ...person(name), key: `${type.toLowerCase()}:${name.toLowerCase()}`, type });
    const org = typed("ORGANIZATION");
    const place = typed("PLACE");
    const articles = (...names: CompareEntity[][]): CompareArticle[] => story(...names.map(() => [])).map((a, i) => ({ ...a, entities: names[i]! }));
    expect(named(groupEntities(articles([org("Saints"), place("New Orleans")], [org("New Orleans Saints")], [org("Seahawks")], [org("Seahawk")])))).toEqual([
      ["New Orleans Saints", [1, 1, 0, 0]],
      ["New Orleans", [1, 0, 0, 0]],
      ["Seahawks", [0, 0, 1, 1]],
    ]);
    // Not when the story does not name the place.
    expect(named(groupEntities(articles([org("Saints")], [org("New Orleans Saints")])))).toHaveLength(2);
    expect(spellingVariants("Seahawks", "Seahawk")).toBe(false);
  });

  it("keeps a sister and her brother of one surname in two rows", () => {
    const groups = groupEntities(story(["Charlene Kafoury"], ["Charlie Kafoury", "Charlene Kafoury"]));
    expect(named(groups)).toEqual([["Charlene Kafoury", [1, 1]], ["Charlie Kafoury", [0, 1]]]);
  });

  it("leaves a bare surname alone when two people in the story carry it", () => {
    const groups = groupEntities(story(["Fred LaRue"], ["Ike Parsons LaRue", "LaRue"]));
    expect(named(groups).map(([n]) => n)).toEqual(["Fred LaRue", "Ike Parsons LaRue", "LaRue"]);
  });

  it("never chains a father and a son through a name without a suffix", () => {
    const groups = groupEntities(story(["Ike Parsons LaRue Sr."], ["Ike LaRue III"], ["Ike LaRue"]));
    expect(groups).toHaveLength(2);
  });

  it("names a row as prose prints it, not as one outlet's dateline in capitals", () => {
    // Four reports of the Qeshm earthquake: the gaps said "DUBAI appears in ...".
    const place = (name: string): CompareEntity => ({ key: "place:dubai", name, type: "PLACE", mentions: [{ field: "body", start: 0, end: name.length, surface: name, descriptor: null }] });
    const articles = story([], [], []).map((a, i) => ({ ...a, entities: [place(i === 0 ? "DUBAI" : "Dubai")] }));
    expect(groupEntities(articles).map((g) => g.name)).toEqual(["Dubai"]);
    const acronym = story([], []).map((a) => ({ ...a, entities: [{ ...place("UAE"), key: "place:uae" }] }));
    expect(groupEntities(acronym).map((g) => g.name)).toEqual(["UAE"]);
  });

  it("makes one row of a name spelt with and without a space, and of a name one article could not type", () => {
    // ECB+ 33: "Vincent Del Giudice" / "Vincent DelGiudice" were two judges, "Unique Armstead" two sources.
    expect(spellingVariants("Vincent Del Giudice", "Vincent DelGiudice")).toBe(true);
    expect(spellingVariants("Li Na", "Lina")).toBe(false);
    const other = (name: string): CompareEntity => ({ ...person(name), key: `other:${name.toLowerCase()}`, type: "OTHER" });
    const articles = story(["Vincent Del Giudice", "Unique Armstead"], ["Vincent DelGiudice"], []);
    articles[2]!.entities = [other("Unique Armstead")];
    expect(named(groupEntities(articles))).toEqual([
      ["Vincent Del Giudice", [1, 1, 0]],
      ["Unique Armstead", [1, 0, 1]],
    ]);
    expect(groupEntities(articles).map((g) => g.type)).toEqual(["PERSON", "PERSON"]);
  });
});

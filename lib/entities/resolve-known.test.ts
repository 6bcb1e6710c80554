import { describe, expect, it } from "vitest";
import { entityKey, resolveAgainstKnown, type KnownEntity } from "./index";

const person = (name: string): KnownEntity => ({ key: entityKey(name, "PERSON"), name, type: "PERSON" });
const org = (name: string): KnownEntity => ({ key: entityKey(name, "ORGANIZATION"), name, type: "ORGANIZATION" });
const place = (name: string): KnownEntity => ({ key: entityKey(name, "PLACE"), name, type: "PLACE" });

describe("resolveAgainstKnown", () => {
  const known = [
    person("Vladimir Putin"), person("Kim Jong Un"), person("Volodymyr Zelenskyy"), person("Martin Luther King Jr."),
    person("George W. Bush"), person("Jeb Bush"),
    org("International Rescue Committee"), org("Federal Emergency Management Agency"), org("National Resistance Centre"),
    place("New York"), place("North Korea"),
  ];

  it("sends a lone surname to the one full name with that last word", () => {
    expect(resolveAgainstKnown(person("Putin"), known)).toBe("person:vladimir-putin");
    expect(resolveAgainstKnown(person("King"), known)).toBe(person("Martin Luther King Jr.").key);
  });
  it("folds spelling variants of the surname", () => {
    expect(resolveAgainstKnown(person("Zelenskiy"), known)).toBe(person("Volodymyr Zelenskyy").key);
  });
  it("refuses when several known people share the surname", () => {
    expect(resolveAgainstKnown(person("Bush"), known)).toBeNull();
  });
  it("refuses when nobody matches, when the types differ, and for full names", () => {
    expect(resolveAgainstKnown(person("Peskov"), known)).toBeNull();
    expect(resolveAgainstKnown({ key: "org:putin", name: "Putin", type: "ORGANIZATION" }, known)).toBeNull();
    expect(resolveAgainstKnown(person("Vladimir Putin"), known)).toBeNull();
    // A first name is not a surname.
    expect(resolveAgainstKnown(person("Vladimir"), known)).toBeNull();
  });
  it("does not return the entity's own key", () => {
    expect(resolveAgainstKnown(person("Putin"), [person("Putin")])).toBeNull();
    expect(resolveAgainstKnown(person("Putin"), [person("Putin"), person("Vladimir Putin")])).toBe("person:vladimir-putin");
  });
  it("counts distinct keys, not rows", () => {
    expect(resolveAgainstKnown(person("Putin"), [...known, person("Vladimir Putin")])).toBe("person:vladimir-putin");
  });
  it("sends an organisation acronym to the one name with those initials", () => {
    expect(resolveAgainstKnown(org("IRC"), known)).toBe(org("International Rescue Committee").key);
    expect(resolveAgainstKnown(org("F.E.M.A."), known)).toBe(org("Federal Emergency Management Agency").key);
    expect(resolveAgainstKnown(org("NRC"), known)).toBe(org("National Resistance Centre").key);
  });
  it("needs no resolving for a body whose acronym the gazetteer already files under its full name", () => {
    expect(org("NATO").key).toBe(org("North Atlantic Treaty Organization").key);
    expect(org("F.B.I.").key).toBe(org("Federal Bureau of Investigation").key);
    expect(resolveAgainstKnown(org("NATO"), [org("North Atlantic Treaty Organization")])).toBeNull();
  });
  it("refuses ambiguous, unknown or non-acronym organisation names", () => {
    expect(resolveAgainstKnown(org("NRC"), [...known, org("Nuclear Regulatory Commission")])).toBeNull();
    expect(resolveAgainstKnown(org("CIA"), known)).toBeNull();
    expect(resolveAgainstKnown(org("Centre"), known)).toBeNull();
  });
  it("never resolves places by a shared word", () => {
    expect(resolveAgainstKnown(place("York"), known)).toBeNull();
    expect(resolveAgainstKnown(place("Korea"), known)).toBeNull();
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { entityKey, extractEntities, slugForKey, type ArticleEntity, type EntityResult } from "./index";

// Seed bodies: only the article paragraphs (the extraction stage removes the rest); indexes are 0-based lines.
function seed(file: string, bodyLines: number[], titleLine?: number) {
  const lines = readFileSync(`fixtures/seeds/${file}`, "utf8").split("\n");
  return { title: titleLine === undefined ? null : lines[titleLine]!, body: bodyLines.map((i) => lines[i]!).join("\n\n") };
}
const seed000 = seed("000_2f28c85e07feee24.txt", [11, 12, 13, 14, 15, 16, 17, 18]);
const seed001 = seed("001_81a2cabcbd35f313.txt", [8, 10, 12, 14], 3);

const byKey = (r: EntityResult, key: string) => r.entities.find((e) => e.key === key);
function offsetsExact(input: { title: string | null; body: string }, r: EntityResult) {
  for (const e of r.entities) {
    for (const m of e.mentions) {
      const text = m.field === "title" ? input.title! : input.body;
      expect(text.slice(m.start, m.end)).toBe(m.surface);
    }
  }
}
const keys = (r: EntityResult) => r.entities.map((e) => e.key).sort();

describe("seed 000", () => {
  const r = extractEntities(seed000);
  it("finds the people with the outlet's descriptors", () => {
    expect(byKey(r, "person:vladimir-putin")?.descriptors).toEqual(["Russian President"]);
    expect(byKey(r, "person:kim-jong-un")?.descriptors).toEqual(["North Korean leader"]);
    expect(byKey(r, "person:kim-jong-un")?.surfaceForms).toContain("Kim");
    expect(byKey(r, "person:volodymyr-zelensky")?.descriptors).toEqual(["Ukrainian President"]);
    expect(byKey(r, "person:hanna-maliar")?.descriptors).toEqual(["Ukrainian Deputy Defence Minister"]);
  });
  it("finds organisations and places, each once, and nothing else", () => {
    expect(keys(r)).toEqual([
      "org:kremlin", "org:national-resistance-center", "org:special-operations-forces",
      "person:hanna-maliar", "person:kim-jong-un", "person:vladimir-putin", "person:volodymyr-zelensky",
      "place:andriivka", "place:avdiivka", "place:bakhmut", "place:donetsk", "place:klishchiivka", "place:kyiv",
      "place:luhansk", "place:maryinka", "place:moscow", "place:north-korea", "place:russia", "place:sea-of-azov",
      "place:south-korea", "place:ukraine",
    ]);
    expect(byKey(r, "org:kremlin")?.relatedKeys).toEqual(["place:russia"]);
    expect(byKey(r, "place:moscow")?.relatedKeys).toEqual(["place:russia"]);
    expect(byKey(r, "place:south-korea")?.surfaceForms).toEqual(["Republic of Korea"]);
    expect(byKey(r, "place:north-korea")?.surfaceForms).toEqual(expect.arrayContaining(["North Korea", "North Korean"]));
  });
  it("keeps offsets exact and strips possessives", () => {
    offsetsExact(seed000, r);
    expect(byKey(r, "place:ukraine")?.surfaceForms).not.toContain("Ukraine’s");
  });
});

describe("seed 001", () => {
  const r = extractEntities(seed001);
  it("shares keys with seed 000 across spellings", () => {
    const r0 = extractEntities(seed000);
    for (const k of ["org:national-resistance-center", "person:vladimir-putin", "person:kim-jong-un", "place:north-korea", "org:kremlin"]) {
      expect(byKey(r, k), k).toBeDefined();
      expect(byKey(r0, k), k).toBeDefined();
    }
    expect(byKey(r, "org:national-resistance-center")?.surfaceForms).toContain("National Resistance Center");
    expect(byKey(r0, "org:national-resistance-center")?.surfaceForms).toContain("National Resistance Centre");
  });
  it("reads DPRK as North Korea and the Russian Federation as Russia", () => {
    expect(byKey(r, "place:north-korea")?.surfaceForms).toEqual(expect.arrayContaining(["DPRK", "North Korean"]));
    expect(byKey(r, "place:russia")?.surfaceForms).toEqual(expect.arrayContaining(["Russia", "Russian Federation"]));
  });
  it("has the 001 descriptors and no junk", () => {
    expect(byKey(r, "person:vladimir-putin")?.descriptors).toEqual(["Russian dictator"]);
    expect(byKey(r, "person:dmitry-peskov")?.descriptors).toEqual(["Kremlin spokesperson"]);
    expect(keys(r)).toEqual([
      "org:kremlin", "org:national-resistance-center", "person:dmitry-peskov", "person:kim-jong-un",
      "person:vladimir-putin", "place:donetsk", "place:luhansk", "place:north-korea", "place:russia", "place:ukraine",
    ]);
    offsetsExact(seed001, r);
  });
  it("ranks the title's entities high", () => {
    const top = r.entities.slice(0, 4).map((e) => e.key);
    expect(top).toContain("org:national-resistance-center");
    for (const e of r.entities) expect(e.salience).toBeGreaterThanOrEqual(0);
    expect(Math.max(...r.entities.map((e) => e.salience))).toBe(1);
  });
});

describe("canonical keys", () => {
  it("folds spelling variants and aliases to one key", () => {
    expect(entityKey("Zelenskyy", "PERSON")).toBe(entityKey("Zelenskiy", "PERSON"));
    expect(entityKey("Zelensky", "PERSON")).toBe(entityKey("Zelenskyy", "PERSON"));
    expect(entityKey("Ministry of Defence", "ORGANIZATION")).toBe(entityKey("Ministry of Defense", "ORGANIZATION"));
    expect(entityKey("DPRK", "PLACE")).toBe("place:north-korea");
    expect(entityKey("Democratic People's Republic of Korea", "PLACE")).toBe("place:north-korea");
    expect(entityKey("Republic of Korea", "PLACE")).toBe("place:south-korea");
    expect(entityKey("U.S.", "PLACE")).toBe(entityKey("United States", "PLACE"));
  });
  it("does not merge different names", () => {
    expect(entityKey("North Korea", "PLACE")).not.toBe(entityKey("South Korea", "PLACE"));
    expect(entityKey("Kim Jong Un", "PERSON")).not.toBe(entityKey("Kim Jong Il", "PERSON"));
  });
  it("makes URL-safe slugs", () => {
    expect(slugForKey("person:vladimir-putin")).toBe("person-vladimir-putin");
    expect(slugForKey("org:at&t")).toMatch(/^[\w%-]+$/);
  });
});

describe("in-article resolution", () => {
  it("resolves acronyms defined in brackets and never splits on punctuation", () => {
    const body = "The Special Operations Forces (SOF) said on Monday that Russia, Belarus and Ukraine’s army met. SOF added that Russia’s plan failed.";
    const r = extractEntities({ title: null, body });
    const sof = byKey(r, "org:special-operations-forces");
    expect(sof?.surfaceForms.sort()).toEqual(["SOF", "Special Operations Forces"]);
    expect(r.entities.filter((e) => e.key === "place:russia")).toHaveLength(1);
    expect(byKey(r, "place:russia")?.surfaceForms).toEqual(["Russia"]);
  });
  it("appositive descriptors", () => {
    const r = extractEntities({ title: null, body: "Dmitry Peskov, the Kremlin spokesperson, denied the report on Friday." });
    expect(byKey(r, "person:dmitry-peskov")?.descriptors).toEqual(["Kremlin spokesperson"]);
  });
});

describe("junk and bad input", () => {
  const names = (r: EntityResult) => r.entities.map((e: ArticleEntity) => e.name);
  it("ignores sentence-initial capitals, months, days and UI words", () => {
    const body = "However, the talks failed. During March the army waited. This is not news. On Monday it rained.\nImage\nSubscribe\nAI is everywhere, said nobody.";
    expect(names(extractEntities({ title: null, body }))).toEqual([]);
  });
  it("returns nothing for text without capitals", () => {
    expect(extractEntities({ title: null, body: "the minister said the talks in the capital had failed again." }).entities).toEqual([]);
  });
  it("handles all-capital text with the gazetteer only", () => {
    const r = extractEntities({ title: null, body: "BREAKING: RUSSIA AND UKRAINE TALKS FAIL IN GENEVA AS THE WAR GOES ON" });
    for (const e of r.entities) expect(["place:russia", "place:ukraine", "place:geneva"]).toContain(e.key);
  });
  it("refuses other languages and scripts", () => {
    const de = extractEntities({ title: null, body: "Der Bundeskanzler hat am Montag in Berlin gesagt, dass die Regierung nicht mit der Opposition sprechen wird." });
    expect(de).toMatchObject({ language: "de", supported: false, reason: "language de is not supported", entities: [] });
    const es = extractEntities({ title: null, body: "El presidente dijo que la reunión con los ministros de la Unión Europea fue un éxito para el país." });
    expect(es).toMatchObject({ language: "es", supported: false });
    const ar = extractEntities({ title: null, body: "قال الرئيس إن المحادثات في موسكو كانت ناجحة" });
    expect(ar.supported).toBe(false);
    const ru = extractEntities({ title: null, body: "Президент России Владимир Путин встретился с Ким Чен Ыном" });
    expect(ru.supported).toBe(false);
  });
  it("survives emoji and huge inputs with a bounded, sensible result", () => {
    const para = "Vladimir Putin met Kim Jong Un in Vladivostok 🚀🔥 on Wednesday, the Kremlin said. ";
    const huge = para.repeat(7_000); // ~100k words
    const r = extractEntities({ title: null, body: huge });
    expect(r.entities.map((e) => e.key).sort()).toEqual(["org:kremlin", "person:kim-jong-un", "person:vladimir-putin", "place:vladivostok"]);
    offsetsExact({ title: null, body: huge }, r);
  });
  it("rejects malformed input with a typed error", () => {
    expect(() => extractEntities({ title: null, body: 42 as unknown as string })).toThrow(/title, body/);
  });
});

describe("descriptors", () => {
  const descriptorsOf = (body: string, name: string) =>
    extractEntities({ title: null, body }).entities.find((e) => e.name === name)?.descriptors ?? null;

  it("keep the epithets outlets differ on, not only the role", () => {
    expect(descriptorsOf("The embattled president Jacob Zuma denied the claims on Monday.", "Jacob Zuma")).toEqual(["embattled president"]);
    expect(descriptorsOf("The late singer Amy Winehouse was remembered by fans on Sunday.", "Amy Winehouse")).toEqual(["late singer"]);
    expect(descriptorsOf("Disgraced former prime minister Imran Khan was jailed on Saturday.", "Imran Khan")).toEqual(["Disgraced former prime minister"]);
    expect(descriptorsOf("Her longtime lawyer Shawn Holley spoke to reporters.", "Shawn Holley")).toEqual(["longtime lawyer"]);
  });

  it("leave out the verb or preposition in front of a title, and the tail of a hyphenated age", () => {
    expect(descriptorsOf("Obama named Treasury Secretary Timothy Geithner to lead the effort.", "Timothy Geithner")).toEqual(["Treasury Secretary"]);
    expect(descriptorsOf("He argued against President Barack Obama in the debate.", "Barack Obama")).toEqual(["President"]);
    expect(descriptorsOf("The 37-year-old champion Wladimir Klitschko won again.", "Wladimir Klitschko")).toEqual(["champion"]);
  });

  it("are not a bare honorific: Mr and Ms are a house style, not a description", () => {
    expect(descriptorsOf("Tara Reid checked in on Tuesday. Ms Reid's friends were relieved, her rep said.", "Tara Reid")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { containsPattern, searchParamsSchema, searchWords } from "./query";

describe("searchWords", () => {
  it("splits on spaces and punctuation but keeps apostrophes, hyphens and decimals inside a word", () => {
    expect(searchWords("  O'Brien,  al-Assad: 6.1 quake ")).toEqual(["O'Brien", "al-Assad", "6.1", "quake"]);
  });
  it("drops a lone letter left by a possessive when a longer word exists", () => {
    expect(searchWords("Kyiv’ s centre")).toEqual(["Kyiv", "centre"]);
    expect(searchWords("X")).toEqual(["X"]);
    expect(searchWords("Ukraine's Zelensky’s")).toEqual(["Ukraine", "Zelensky"]);
  });
  it("removes repeated words case-insensitively and keeps at most eight", () => {
    expect(searchWords("Putin putin PUTIN Kim")).toEqual(["Putin", "Kim"]);
    expect(searchWords("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10")).toHaveLength(8);
  });
  it("finds no words in punctuation or emoji alone", () => {
    expect(searchWords("!!! 🙂 ...")).toEqual([]);
  });
  it("keeps non-Latin words", () => {
    expect(searchWords("Зеленский 金正恩")).toEqual(["Зеленский", "金正恩"]);
  });
});

describe("containsPattern", () => {
  it("escapes ILIKE wildcards so they match themselves", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});

describe("searchParamsSchema", () => {
  it("rejects an empty or blank query with a specific message", () => {
    const r = searchParamsSchema.safeParse({ q: "   " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/at least one character/);
    expect(searchParamsSchema.safeParse({}).success).toBe(false);
  });
  it("rejects an overlong query and trims a good one", () => {
    expect(searchParamsSchema.safeParse({ q: "x".repeat(201) }).success).toBe(false);
    expect(searchParamsSchema.parse({ q: "  Putin " }).q).toBe("Putin");
  });
});

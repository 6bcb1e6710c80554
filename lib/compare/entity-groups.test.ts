import { describe, expect, it } from "vitest";
import { spellingVariants } from "./entity-groups";

describe("spellingVariants", () => {
  it("joins spellings of one name", () => {
    expect(spellingVariants("National Resistance Centre", "National Resistance Center")).toBe(true);
    expect(spellingVariants("Zelensky", "Zelenskyy")).toBe(true);
  });
  it("keeps apart one-word names two edits apart, and a name from its adjective", () => {
    expect(spellingVariants("Andriivka", "Avdiivka")).toBe(false);
    expect(spellingVariants("Russia", "Russian")).toBe(false);
    expect(spellingVariants("North Korea", "North Korean")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { entityGaps } from "./gaps";
import { groupEntities } from "./entity-groups";
import type { CompareArticle } from "./types";

describe("gap sentences", () => {
  // ECB+ 18 (the Troy shooting): "Anthony LaCalamita III appears in ..., voices.yahoo.com, ..., not in
  // voices.yahoo.com", and usatoday30.usatoday.com named twice in one list.
  it("name an outlet once, with its count of articles", () => {
    const article = (id: string, outlet: string, named: boolean): CompareArticle => {
      const body = named ? "Anthony LaCalamita was arrested." : "A man was arrested.";
      return {
        id, outlet: { id: outlet, name: outlet }, title: "", titleDerived: false, body, publishedAt: null,
        entities: named ? [{ key: "person:lacalamita", name: "Anthony LaCalamita", type: "PERSON", mentions: [{ field: "body", start: 0, end: 18, surface: "Anthony LaCalamita", descriptor: null }] }] : [],
      };
    };
    const articles = [article("a", "usatoday.com", true), article("b", "usatoday.com", true), article("c", "yahoo.com", true), article("d", "yahoo.com", false), article("e", "cnn.com", false)];
    const [gap] = entityGaps(articles, groupEntities(articles));
    expect(gap?.label.text).toBe("Anthony LaCalamita appears in usatoday.com (2 articles) and yahoo.com (1 of 2 articles), not in yahoo.com (1 of 2 articles) and cnn.com");
  });
});

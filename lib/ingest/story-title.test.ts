import { describe, expect, it } from "vitest";
import { storyTitle } from "./story-title";

const d = (s: string) => new Date(s);

describe("storyTitle", () => {
  it("picks the printed headline closest to the others", () => {
    const t = storyTitle(
      [
        { title: "Earthquake of magnitude 6.1 hits northern Chile", titleDerived: false, publishedAt: d("2024-01-02") },
        { title: "Chile earthquake: magnitude 6.1 quake hits north", titleDerived: false, publishedAt: d("2024-01-02") },
        { title: "Residents flee buildings", titleDerived: false, publishedAt: d("2024-01-01") },
      ],
      [],
    );
    expect(t).toEqual({ title: "Earthquake of magnitude 6.1 hits northern Chile", generated: false });
  });
  it("prefers a printed headline over one derived from a lead", () => {
    const t = storyTitle(
      [
        { title: "Kyiv’s National Resistance Centre has claimed that the Kremlin is orchestrating a plan", titleDerived: true, publishedAt: null },
        { title: "National Resistance Center: Russia plans to bring North Korean workers to occupied Ukraine", titleDerived: false, publishedAt: d("2023-09-18") },
      ],
      [],
    );
    expect(t.title).toMatch(/^National Resistance Center/);
    expect(t.generated).toBe(false);
  });
  it("marks a derived-only title as generated, and falls back to entity names", () => {
    expect(storyTitle([{ title: "A derived lead", titleDerived: true, publishedAt: null }], []).generated).toBe(true);
    expect(storyTitle([{ title: "  ", titleDerived: true, publishedAt: null }], [{ name: "Chile" }, { name: "USGS" }])).toEqual({
      title: "Chile, USGS",
      generated: true,
    });
  });
});

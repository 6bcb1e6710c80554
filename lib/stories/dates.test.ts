import { describe, expect, it } from "vitest";
import { dateKeys } from "./dates";
import { articleVector, cosine, InMemoryStoryStore, placeArticle, type ArticleFeatures } from "@/lib/stories";

describe("dateKeys", () => {
  it("reads written dates at the precision they are written", () => {
    expect(dateKeys("July 21, 2013, 2: 21 pm BST")).toEqual({ y2013: 1, "m2013-07": 1, "d2013-07-21": 1 });
    expect(dateKeys("10: 24 AM, MON 22 JUL 2013")).toEqual({ y2013: 1, "m2013-07": 1, "d2013-07-22": 1 });
    expect(dateKeys("Posted Dec. 23 2012")).toEqual({ y2012: 1, "m2012-12": 1, "d2012-12-23": 1 });
    expect(dateKeys("on 2013-07-21")).toEqual({ y2013: 1, "m2013-07": 1, "d2013-07-21": 1 });
    expect(dateKeys("revealed in May 2005, and again in 2005")).toEqual({ y2005: 2, "m2005-05": 1 });
  });

  it("does not read counts, ages or dates without a year", () => {
    expect(dateKeys("2,008 people, a 2013 - year plan, 20.08 seconds, on Tuesday, Dec.14")).toEqual({});
    expect(dateKeys("the 36 - year - old won 58 - 3")).toEqual({});
  });
});

function art(id: string, title: string, body: string): ArticleFeatures {
  return { id, publishedAt: null, title, body, entities: [] };
}

describe("dates in placement", () => {
  it("compares the dates an article and a story write, and says which they share", async () => {
    const stats = new InMemoryStoryStore().stats();
    const a = articleVector(art("a", "Quake hits island", "The quake struck on July 21, 2013."), stats);
    const b = articleVector(art("b", "Quake hits island", "The quake struck on 21 July 2013."), stats);
    const c = articleVector(art("c", "Quake hits island", "The quake struck in March 2005."), stats);
    expect(cosine(a.dates!, b.dates!)).toBeCloseTo(1, 6);
    expect(cosine(a.dates!, c.dates!)).toBe(0);

    const store = new InMemoryStoryStore();
    const first = art("q1", "Earthquake shakes Qeshm island", "An earthquake of magnitude 5.9 shook Qeshm island on November 27, 2005, killing ten people in villages.");
    const p1 = await placeArticle(first, store);
    const story = store.add(first, p1.vector, null);
    const second = art("q2", "Qeshm island earthquake kills ten", "Ten people died when an earthquake of magnitude 5.9 hit Qeshm island on November 27, 2005.");
    const { assignment } = await placeArticle(second, store);
    expect(assignment.storyId).toBe(story);
    expect(assignment.scores.dates).toBeCloseTo(1, 3);
    expect(assignment.sharedDates).toContain("2005-11-27");

    const undated = art("q3", "Qeshm island earthquake kills ten", "Ten people died when an earthquake hit Qeshm island.");
    const u = await placeArticle(undated, store);
    // Nothing to compare: no score part, and its weight goes to the others.
    expect(u.assignment.scores.dates).toBeNull();
    expect(u.assignment.sharedDates).toEqual([]);
  });
});

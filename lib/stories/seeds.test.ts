import { describe, expect, it } from "vitest";
import { extractEntities } from "@/lib/entities";
import { InMemoryStoryStore, placeArticle, type ArticleFeatures } from "@/lib/stories";
import {
  BAKHMUT_COUNTEROFFENSIVE,
  KIM_VISIT_TO_RUSSIA,
  SEED_KYIV_INDEPENDENT,
  SEED_REPUBLIC,
  THIRD_OUTLET_SAME_CLAIM,
  type StoryTestArticle,
} from "./fixtures-seeds";

function features(a: StoryTestArticle): ArticleFeatures {
  const { entities } = extractEntities({ title: a.titleDerived ? null : a.title, body: a.body });
  return {
    id: a.id,
    publishedAt: a.publishedAt,
    title: a.title,
    body: a.body,
    entities: entities.map((e) => ({ key: e.key, type: e.type, salience: e.salience })),
  };
}

async function place(store: InMemoryStoryStore, a: StoryTestArticle) {
  const f = features(a);
  const { assignment, vector } = await placeArticle(f, store);
  const storyId = store.add(f, vector, assignment.storyId);
  return { assignment, storyId };
}

describe("the seed story", () => {
  it("groups both seeds and a third outlet on the same claim, and keeps neighbouring events apart", async () => {
    const store = new InMemoryStoryStore();
    const first = await place(store, SEED_REPUBLIC);
    expect(first.assignment.storyId).toBeNull();

    const second = await place(store, SEED_KYIV_INDEPENDENT);
    expect(second.assignment.storyId).toBe(first.storyId);
    expect(second.assignment.score).toBeGreaterThanOrEqual(second.assignment.threshold);
    // The explanation names who the two articles share.
    expect(second.assignment.sharedEntities.length).toBeGreaterThan(0);

    const third = await place(store, THIRD_OUTLET_SAME_CLAIM);
    expect(third.assignment.storyId).toBe(first.storyId);

    const bakhmut = await place(store, BAKHMUT_COUNTEROFFENSIVE);
    expect(bakhmut.assignment.storyId).toBeNull();
    expect(bakhmut.assignment.score).toBeLessThan(bakhmut.assignment.threshold);

    const kim = await place(store, KIM_VISIT_TO_RUSSIA);
    expect(kim.assignment.storyId).toBeNull();

    expect(store.story(first.storyId)?.articleIds).toEqual(["seed-000", "seed-001", "written-same-claim"]);
  });

  it("keeps the Kim visit and the Bakhmut fighting out of the seed story when they arrive first", async () => {
    const store = new InMemoryStoryStore();
    const kim = await place(store, KIM_VISIT_TO_RUSSIA);
    const bakhmut = await place(store, BAKHMUT_COUNTEROFFENSIVE);
    expect(bakhmut.assignment.storyId).toBeNull();
    const b = await place(store, SEED_KYIV_INDEPENDENT);
    expect(b.storyId).not.toBe(kim.storyId);
    expect(b.storyId).not.toBe(bakhmut.storyId);
    const third = await place(store, THIRD_OUTLET_SAME_CLAIM);
    expect(third.storyId).toBe(b.storyId);
  });
});

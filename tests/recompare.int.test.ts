// Stories compared by an older comparison engine are compared again (what a starting server runs in the
// background, instrumentation.ts), and stories already current are left alone.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "./integration-db";
import { COMPARISON_VERSION, type StoryComparison } from "@/lib/compare";
import { db, type Prisma } from "@/lib/db/client";
import { loadDemoData } from "@/lib/demo/load-demo-data";
import { recompareStale } from "@/lib/ingest/recompare";

withTestDatabase();

describe("recompareStale", () => {
  it("computes again a comparison an older engine stored, keeping the story's claim anchors", async () => {
    await loadDemoData();
    const story = await db().story.findFirstOrThrow({ where: { articleCount: 2 } });
    const current = story.comparison as unknown as StoryComparison;
    expect(current.version).toBe(COMPARISON_VERSION);
    expect(await recompareStale()).toEqual({ stories: 0, failed: 0 });

    // What an older engine left: its version, and results that differ from the current engine's.
    const old = { ...current, version: COMPARISON_VERSION - 1, gaps: [], citations: [] };
    await db().story.update({ where: { id: story.id }, data: { comparison: old as unknown as Prisma.InputJsonValue } });
    const before = await db().story.findUniqueOrThrow({ where: { id: story.id } });

    expect(await recompareStale()).toEqual({ stories: 1, failed: 0 });
    const after = await db().story.findUniqueOrThrow({ where: { id: story.id } });
    const redone = after.comparison as unknown as StoryComparison;
    expect(redone.version).toBe(COMPARISON_VERSION);
    expect(redone.citations.length).toBeGreaterThan(0);
    expect(redone.gaps.length).toBe(current.gaps.length);
    expect(redone.claims.map((c) => c.anchor)).toEqual(current.claims.map((c) => c.anchor));
    expect(after.comparedAt!.getTime()).toBeGreaterThan(before.comparedAt!.getTime());
    expect(await recompareStale()).toEqual({ stories: 0, failed: 0 });
  });
});

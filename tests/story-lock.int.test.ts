// Every story write takes the story lock (lib/ingest/story-lock.ts): uploads, re-clustering and the
// editor's move, merge and split. Each test holds the lock from a connection of its own and checks that
// the write waits for it (a backend of this database queued on that advisory lock) and changes nothing
// until it is released, then completes. A write without the lock finishes while the lock is held.
import { describe, expect, it } from "vitest";
import pg from "pg";
import { withTestDatabase } from "./integration-db";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/ingest/ingest-articles";
import { STORY_LOCK } from "@/lib/ingest/story-lock";
import { mergeStories, moveArticle, splitStory } from "@/lib/editor/story-edits";
import { mergeEntities, splitAlias } from "@/lib/editor/entity-edits";

withTestDatabase();

const enc = (s: string) => new TextEncoder().encode(s);

const quake = (town: string, extra: string) =>
  `Earthquake shakes ${town} overnight\n\n` +
  `A magnitude 6.1 earthquake struck near ${town} shortly after midnight on Tuesday, damaging dozens of buildings, ` +
  `the regional governor Marta Lindqvist said.\n\n` +
  `Rescue teams searched collapsed houses in ${town} through the night as aftershocks continued. ${extra}\n\n` +
  `Seismologists said further tremors were likely over the coming days.`;

async function upload(name: string, text: string, outlet: string): Promise<string> {
  const [r] = await ingest([{ kind: "file", filename: name, bytes: enc(text) }], { source: "API", hints: { outlet } });
  expect(r!.status).toBe("created");
  return r!.articleId!;
}

const storyOf = async (articleId: string) =>
  (await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { storyId: true } })).storyId;

/** Backends of this database waiting (not granted) for the story lock, seen from `c`. */
async function lockWaiters(c: pg.Client): Promise<number> {
  // A bigint advisory key is stored as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
  const r = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
     WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid = $1 AND objsubid = 1
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [STORY_LOCK],
  );
  return r.rows[0]!.n;
}

/**
 * Runs `write` while another connection holds the story lock. Asserts that `write` queues on the lock and
 * has not finished (nor, per `unchanged`, written anything visible) before the lock is released; returns
 * its result once the holder commits.
 */
async function whileLockHeld<T>(write: () => Promise<T>, unchanged: () => Promise<void>): Promise<T> {
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query("SELECT pg_advisory_xact_lock($1::bigint)", [STORY_LOCK]);
    let finished = false;
    const outcome = write().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    void outcome.finally(() => (finished = true));
    // Until the write queues on the lock, or finishes without it (a defect), or 20 s pass.
    let waiting = 0;
    for (const t0 = Date.now(); !finished && Date.now() - t0 < 20_000; ) {
      waiting = await lockWaiters(holder);
      if (waiting) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(finished, "the write finished while another transaction held the story lock").toBe(false);
    expect(waiting).toBe(1);
    // Still queued a moment later, and nothing it writes is visible.
    await new Promise((r) => setTimeout(r, 200));
    expect(finished).toBe(false);
    await unchanged();
    await holder.query("COMMIT");
    const r = await outcome;
    if (!r.ok) throw r.error;
    return r.value;
  } finally {
    await holder.end();
  }
}

describe("the story lock", () => {
  it("an upload waits for it (the method sees a write that takes it)", async () => {
    const before = await db().article.count();
    await whileLockHeld(
      () => upload("q0.txt", quake("Kiruna", "Schools were closed."), "Outlet Q"),
      async () => expect(await db().article.count()).toBe(before),
    );
    expect(await db().article.count()).toBe(before + 1);
  });

  it("moving an article, merging and splitting stories each wait for it and change nothing meanwhile", async () => {
    const a = await upload("q1.txt", quake("Gällivare", "Power was cut to 4,000 homes."), "Outlet A");
    const b = await upload("q2.txt", quake("Gällivare", "The army sent field kitchens."), "Outlet B");
    const story = await storyOf(a);
    expect(await storyOf(b)).toBe(story);
    const members = await db().article.count({ where: { storyId: story } });
    const slugOf = async (id: string | null) => (await db().story.findUniqueOrThrow({ where: { id: id! }, select: { slug: true } })).slug;
    const count = (id: string) => db().article.count({ where: { storyId: id } });

    // Split b off.
    const splitResult = await whileLockHeld(
      async () => splitStory(await slugOf(story), [b]),
      async () => {
        expect(await storyOf(b)).toBe(story);
        expect(await db().storyDecision.count()).toBe(0);
      },
    );
    const splitId = (await db().story.findUniqueOrThrow({ where: { slug: splitResult.slug } })).id;
    expect(await storyOf(b)).toBe(splitId);

    // Merge the split story back.
    const mergedSlug = await whileLockHeld(
      async () => (await mergeStories(splitResult.slug, await slugOf(story))).slug,
      async () => {
        expect(await storyOf(b)).toBe(splitId);
        expect(await db().storyDecision.count()).toBe(1);
      },
    );
    expect(mergedSlug).toBe(await slugOf(story));
    expect(await count(story!)).toBe(members);

    // Move a to a story of its own.
    const moved = await whileLockHeld(
      () => moveArticle(a, null),
      async () => {
        expect(await storyOf(a)).toBe(story);
        expect(await db().storyDecision.count()).toBe(2);
      },
    );
    expect(await storyOf(a)).toBe((await db().story.findUniqueOrThrow({ where: { slug: moved.slug } })).id);
    expect(await count(story!)).toBe(members - 1);
  });

  it("merging entities and splitting an alias off each wait for it and change nothing meanwhile", async () => {
    // Two towns (places) in two stories' index rows: merging one into the other deletes the source's rows.
    await upload("q3.txt", quake("Kiruna", "The iron ore mine was evacuated."), "Outlet C");
    await upload("q4.txt", quake("Gällivare", "Trains to Luleå were halted."), "Outlet D");
    const town = (name: string) => db().entity.findFirstOrThrow({ where: { name, mergedIntoId: null } });
    const from = await town("Gällivare");
    const into = await town("Kiruna");
    expect(from.type).toBe(into.type);
    const indexRows = (entityId: string) => db().storyEntity.count({ where: { entityId } });
    const fromRows = await indexRows(from.id);
    expect(fromRows).toBeGreaterThan(0);

    const merged = await whileLockHeld(
      () => mergeEntities(from.slug, into.slug),
      async () => {
        expect(await indexRows(from.id)).toBe(fromRows);
        expect((await db().entity.findUniqueOrThrow({ where: { id: from.id } })).mergedIntoId).toBeNull();
        expect(await db().entityDecision.count()).toBe(0);
      },
    );
    expect(merged.slug).toBe(into.slug);
    expect(await indexRows(from.id)).toBe(0);

    const alias = (await db().entity.findUniqueOrThrow({ where: { id: into.id } })).aliases.find((a) => a === "Gällivare")!;
    expect(alias).toBeTruthy();
    const split = await whileLockHeld(
      () => splitAlias(into.slug, alias),
      async () => expect(await db().entityDecision.count()).toBe(1),
    );
    expect(await db().entity.count({ where: { slug: split.slug } })).toBe(1);
    expect(await db().entityDecision.count()).toBe(2);
  });
});

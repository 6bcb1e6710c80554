// Search against a real PostgreSQL: the demo story and two unrelated ones, found by headline words, by
// the entities their articles name (including aliases), by outlet; every word must match.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "./integration-db";
import { db } from "@/lib/db/client";
import { loadDemoData } from "@/lib/demo/load-demo-data";
import { listEntities } from "@/lib/db/entity-queries";
import { searchEverything } from "@/lib/db/search-queries";
import { listStories } from "@/lib/db/story-queries";
import { ingest } from "@/lib/ingest/ingest-articles";

withTestDatabase();

const enc = (s: string) => new TextEncoder().encode(s);

async function add(name: string, text: string, outlet: string) {
  const [r] = await ingest([{ kind: "file", filename: name, bytes: enc(text) }], { source: "API", hints: { outlet } });
  expect(r!.status).toBe("created");
}

beforeAll(async () => {
  await loadDemoData();
  await add(
    "flood.txt",
    "Vistula floods Sandomierz after record rainfall\n\nThe Vistula burst its banks in Sandomierz on Thursday, forcing hundreds of residents from their homes, Mayor Anna Kowalczyk said.\n\nEmergency crews evacuated two care homes and closed the main bridge as the water kept rising 50% faster than forecast.",
    "Gazeta Testowa",
  );
  await add(
    "strike.txt",
    "Dock workers strike at the port of Gdansk over 5% pay offer\n\nDock workers walked out at the port of Gdansk on Monday over pay, union leader Piotr Nowak said, halting container traffic.\n\nThe port authority said talks would resume next week.",
    "Baltic Wire",
  );
});

const titles = (r: Awaited<ReturnType<typeof searchEverything>>) => r.stories.map((s) => s.title);

describe("searchEverything", () => {
  it("finds a story through an entity its headline does not name", async () => {
    const r = await searchEverything("Peskov");
    expect(r.entities.map((e) => e.name)).toContain("Dmitry Peskov");
    expect(titles(r)).toHaveLength(1);
    expect(titles(r)[0]).toMatch(/North Korean workers/);
  });

  it("needs every word to match, in any order, ignoring case and possessives", async () => {
    expect(titles(await searchEverything("workers KOREAN"))).toHaveLength(1);
    expect(titles(await searchEverything("Ukraine's workers"))).toHaveLength(1);
    // "workers" alone matches the demo story and the dock strike; with "Gdansk" only the strike.
    expect(titles(await searchEverything("workers"))).toHaveLength(2);
    expect(titles(await searchEverything("workers Gdansk"))).toEqual(["Dock workers strike at the port of Gdansk over 5% pay offer"]);
    expect(titles(await searchEverything("Gdansk Peskov"))).toEqual([]);
  });

  it("finds entities by alias and outlets by name", async () => {
    const demo = await db().entity.findFirstOrThrow({ where: { name: "North Korea" } });
    expect(demo.aliases.length).toBeGreaterThan(0);
    const alias = demo.aliases.find((a) => a !== demo.name)!;
    expect((await searchEverything(alias)).entities.map((e) => e.id)).toContain(demo.id);
    const outlets = (await searchEverything("kyiv independent")).outlets;
    expect(outlets.map((o) => o.name)).toEqual(["The Kyiv Independent"]);
    expect(outlets[0]!.articleCount).toBe(1);
  });

  it("reads wildcard characters as separators (a lone % matches nothing) and returns nothing for words that match nothing", async () => {
    expect(titles(await searchEverything("%"))).toEqual([]);
    expect(titles(await searchEverything("5%"))).toEqual(["Dock workers strike at the port of Gdansk over 5% pay offer"]);
    const none = await searchEverything("zzqxv");
    expect([none.stories, none.entities, none.outlets]).toEqual([[], [], []]);
    expect((await searchEverything("!!!")).words).toEqual([]);
  });
});

describe("listEntities", () => {
  it("lists the most mentioned first, filters by type and pages without overlap", async () => {
    const all = await listEntities({ limit: 500 });
    const counts = all.entities.map((e) => e.articleCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const people = await listEntities({ type: "PERSON", limit: 500 });
    expect(people.entities.length).toBeGreaterThan(2);
    expect(new Set(people.entities.map((e) => e.type))).toEqual(new Set(["PERSON"]));
    const first = await listEntities({ limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const second = await listEntities({ limit: 3, cursor: first.nextCursor });
    const ids = [...first.entities, ...second.entities].map((e) => e.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toEqual(all.entities.slice(0, 6).map((e) => e.id));
  });
});

describe("listStories", () => {
  it("orders by outlets covered, pages through every story once, and refuses a cursor of the other order", async () => {
    const all = await db().story.findMany({ where: { mergedIntoId: null, articleCount: { gt: 0 } }, select: { id: true, outletCount: true } });
    expect(all.length).toBe(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r = await listStories({ limit: 1, cursor, sort: "coverage" });
      seen.push(...r.stories.map((s) => s.id));
      cursor = r.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    // The demo story (two outlets) comes before the one-outlet stories.
    const outlets = seen.map((id) => all.find((s) => s.id === id)!.outletCount);
    expect(outlets).toEqual([...outlets].sort((x, y) => y - x));
    expect(outlets[0]).toBe(2);
    const recent = await listStories({ limit: 1, sort: "recent" });
    await expect(listStories({ limit: 1, cursor: recent.nextCursor, sort: "coverage" })).rejects.toThrow(/cursor belongs to the "recent" order/);
  });
});

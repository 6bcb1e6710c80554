// Re-extraction against a real PostgreSQL: articles stored by an "older extraction" (rows rewritten by hand
// with a wrong body, title and entities, version 0) are derived again from their original bytes and then
// hold what a fresh upload of those bytes stores; entity counts stay right, orphans go, editors' pins and
// corrections hold, a file that fails or collides is left as it was, and a failure mid-article writes nothing.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "./integration-db";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/ingest/ingest-articles";
import { correctArticle } from "@/lib/ingest/correct-article";
import { refreshStory } from "@/lib/ingest/refresh-story";
import { sha256Hex } from "@/lib/ingest/fingerprint";
import { moveArticle } from "@/lib/editor/story-edits";
import { EXTRACTION_VERSION } from "@/lib/ingest/extraction-version";
import { countStaleArticles, reextractAndRecluster, reextractArticle } from "@/lib/ingest/reextract";

withTestDatabase();

const enc = (s: string) => new TextEncoder().encode(s);

const bridgeA =
  `Harbour bridge in Kelso reopens after storm repairs\n\n` +
  `The Kelso harbour bridge reopened to traffic on Monday after three weeks of repairs to storm damage, the city council said.\n\n` +
  `Engineers replaced two damaged support cables and resurfaced the deck, council engineer Maria Lindqvist told reporters.\n\n` +
  `Local businesses on the eastern shore said the closure had cut their trade by half during the busiest weeks of autumn.`;
const bridgeB =
  `Kelso bridge open again after three weeks\n\n` +
  `Traffic returned to the Kelso harbour bridge on Monday, ending three weeks of storm repairs, the city council announced.\n\n` +
  `Council engineer Maria Lindqvist said crews had replaced two support cables and laid a new road surface on the deck.\n\n` +
  `Shop owners on the eastern shore said the closure halved their trade in the busiest weeks of the autumn season.`;
const orchard = (town: string, grower: string) =>
  `Apple harvest in ${town} breaks a record\n\n` +
  `Growers around ${town} picked more apples this autumn than in any year since records began, the regional farmers' union said on Friday.\n\n` +
  `Orchard owner ${grower} said a warm spring and a wet summer had given the trees their heaviest crop in decades.\n\n` +
  `The union warned that prices paid to growers had fallen as supermarkets filled their shelves with the surplus.`;

async function upload(filename: string, text: string, hints = {}) {
  const [r] = await ingest([{ kind: "file", filename, bytes: enc(text) }], { source: "API", hints });
  expect(r!.status).toBe("created");
  return r!.articleId!;
}

/** What re-extraction must reproduce: the article's extracted columns, entities and mentions, by entity key. */
async function extracted(id: string) {
  const a = await db().article.findUniqueOrThrow({
    where: { id },
    select: {
      title: true, titleDerived: true, body: true, lead: true, caption: true, byline: true, publishedAt: true,
      publishedAtText: true, url: true, language: true, wordCount: true, contentHash: true, removed: true,
      extractionVersion: true, outletId: true, fileHash: true, sourceFormat: true,
    },
  });
  const entities = (
    await db().articleEntity.findMany({
      where: { articleId: id },
      select: { salience: true, mentionCount: true, surfaceForms: true, descriptors: true, entity: { select: { key: true } } },
    })
  ).sort((x, y) => (x.entity.key < y.entity.key ? -1 : 1));
  const mentions = (
    await db().mention.findMany({
      where: { articleId: id },
      select: { field: true, start: true, end: true, surface: true, descriptor: true, entity: { select: { key: true } } },
    })
  ).sort((x, y) => x.field.localeCompare(y.field) || x.start - y.start || x.end - y.end || (x.entity.key < y.entity.key ? -1 : 1));
  return { ...a, entities, mentions };
}

/** Everything a re-extraction could write, for "nothing changed". */
async function whole(id: string) {
  const article = await db().article.findUniqueOrThrow({ where: { id } });
  return {
    article: { ...article, updatedAt: null },
    entities: await db().articleEntity.findMany({ where: { articleId: id }, orderBy: { entityId: "asc" } }),
    mentions: await db().mention.findMany({ where: { articleId: id }, orderBy: { id: "asc" } }),
    allEntities: await db().entity.findMany({ select: { id: true, key: true, articleCount: true, aliases: true }, orderBy: { id: "asc" } }),
    story: article.storyId ? await db().story.findUniqueOrThrow({ where: { id: article.storyId }, select: { comparison: true, comparedAt: true, title: true } }) : null,
  };
}

/**
 * What an older extraction left: boilerplate in the body, another headline, a stale hash, and entities that
 * the current code does not find ("Ghost Writer"), one of them named by an editor's decision; the entities
 * it does find are missing. Stored as an older version, with the story's comparison made from that text.
 */
async function makeOld(id: string, opts: { decided?: boolean } = {}) {
  const a = await db().article.findUniqueOrThrow({ where: { id } });
  const body = `${a.body}\n\nShare this article on Facebook Twitter Email`;
  await db().$transaction(async (tx) => {
    const old = await tx.articleEntity.findMany({ where: { articleId: id }, select: { entityId: true } });
    await tx.mention.deleteMany({ where: { articleId: id } });
    await tx.articleEntity.deleteMany({ where: { articleId: id } });
    await tx.entity.updateMany({ where: { id: { in: old.map((o) => o.entityId) } }, data: { articleCount: { decrement: 1 } } });
    await tx.article.update({
      where: { id },
      data: { body, ...(a.editedFields.includes("title") ? {} : { title: "Old headline from the menu" }), wordCount: a.wordCount + 7, contentHash: `old-${id}`, lead: "Share this", removed: [], extractionVersion: 0 },
    });
    const keys = [`person:ghost-writer-${id}`, ...(opts.decided ? [`person:decided-${id}`] : [])];
    for (const key of keys) {
      const e = await tx.entity.create({ data: { key, slug: key.replace(":", "-"), name: "Ghost Writer", type: "PERSON", aliases: [], relatedKeys: [], articleCount: 1 } });
      await tx.articleEntity.create({ data: { articleId: id, entityId: e.id, salience: 0.5, mentionCount: 1, surfaceForms: ["Ghost Writer"], descriptors: ["columnist"] } });
      await tx.mention.create({ data: { articleId: id, entityId: e.id, field: "BODY", start: 0, end: 5, surface: "Ghost Writer" } });
    }
    if (opts.decided) await tx.entityDecision.create({ data: { kind: "SPLIT", fromKey: `person:someone-${id}`, toKey: `person:decided-${id}`, alias: "Ghost Writer" } });
    if (a.storyId) await refreshStory(tx, a.storyId);
  });
}

async function articleCountsRight() {
  const rows = await db().$queryRaw<{ key: string; stored: number; actual: bigint }[]>`
    SELECT e.key, e."articleCount" AS stored, (SELECT count(*) FROM "ArticleEntity" ae WHERE ae."entityId" = e.id) AS actual FROM "Entity" e`;
  return rows.filter((r) => r.stored !== Number(r.actual));
}

describe("re-extraction", () => {
  it("brings older articles back to what a fresh upload stores, keeps pins, and reports failures and collisions", async () => {
    const a = await upload("kelso-a.txt", bridgeA, { outlet: "Kelso Gazette" });
    const b = await upload("kelso-b.txt", bridgeB, { outlet: "Border Telegraph" });
    const c = await upload("orchard.txt", orchard("Hereford", "Thomas Ashdown"), { outlet: "Hereford Times" });
    const d = await upload("orchard-2.txt", orchard("Ledbury", "Eleanor Pryce"), { outlet: "Ledbury Reporter" });
    const f = await upload("orchard-3.txt", orchard("Pershore", "Samuel Whitlock"), { outlet: "Evesham Journal" });
    const fresh = new Map(await Promise.all([a, b, c].map(async (id) => [id, await extracted(id)] as const)));
    const storyA = (await db().article.findUniqueOrThrow({ where: { id: a } })).storyId!;
    expect((await db().article.findUniqueOrThrow({ where: { id: b } })).storyId).toBe(storyA);
    // An editor moved B into a story of its own (pinned): the re-cluster afterwards must keep it there.
    await moveArticle(b, null);
    const storyB = (await db().article.findUniqueOrThrow({ where: { id: b } })).storyId!;
    expect(storyB).not.toBe(storyA);

    await makeOld(a, { decided: true });
    await db().article.updateMany({ data: { extractionVersion: 0 } });
    // D was stored from a file that the old extraction read as other text and the current one reads as A's
    // (A's text with Windows line ends); F from a file that the current extraction refuses.
    const asStored = async (id: string, bytes: Uint8Array) =>
      db().article.update({ where: { id }, data: { original: Buffer.from(bytes), fileHash: sha256Hex(bytes) } });
    await asStored(d, enc(bridgeA.replace(/\n/g, "\r\n")));
    await asStored(f, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    const oldComparison = JSON.stringify((await db().story.findUniqueOrThrow({ where: { id: storyA } })).comparison);
    expect(oldComparison).toContain("Share this article");
    const dBefore = await extracted(d);
    const fBefore = await extracted(f);
    expect(await countStaleArticles()).toBe(5);

    const { reextract: r, recluster: rc } = await reextractAndRecluster();
    expect({ total: r.total, reextracted: r.reextracted, unchanged: r.unchanged, failed: r.failed }).toEqual({ total: 5, reextracted: 1, unchanged: 2, failed: 2 });
    expect(r.failures.find((x) => x.articleId === d)).toMatchObject({ duplicateOfId: a, error: { code: "DUPLICATE_CONTENT" } });
    expect(r.failures.find((x) => x.articleId === f)).toMatchObject({ error: { code: "UNSUPPORTED_TYPE" } });
    expect(rc).not.toBeNull();

    // A holds what its upload stored: columns, entities, mentions, descriptors; B and C were already current.
    for (const id of [a, b, c]) expect(await extracted(id)).toEqual({ ...fresh.get(id)!, extractionVersion: EXTRACTION_VERSION });
    expect(await articleCountsRight()).toEqual([]);
    expect(await db().entity.findUnique({ where: { key: `person:ghost-writer-${a}` } })).toBeNull();
    // An entity an editor's decision names is kept, though no article names it now.
    expect(await db().entity.findUnique({ where: { key: `person:decided-${a}` } })).toMatchObject({ articleCount: 0 });
    // The story's stored comparison was made again from the new text.
    const after = await db().article.findUniqueOrThrow({ where: { id: a } });
    expect(JSON.stringify((await db().story.findUniqueOrThrow({ where: { id: after.storyId! } })).comparison)).not.toContain("Share this article");
    // Pinned placement held through the re-cluster.
    expect(await db().article.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ storyId: storyB, storyPinned: true });
    // The colliding and the failing article are as they were, still at the old version.
    expect(await extracted(d)).toEqual(dBefore);
    expect(await extracted(f)).toEqual(fBefore);
    expect(await countStaleArticles()).toBe(2);

    // A second run over everything finds nothing to change and does not re-cluster.
    const again = await reextractAndRecluster({ all: true });
    expect(again.reextract).toMatchObject({ total: 5, reextracted: 0, unchanged: 3, failed: 2 });
    expect(again.recluster).toBeNull();
  });

  it("keeps what the uploader or an editor gave: a JSON article's fields, a corrected headline and byline, a given date", async () => {
    const [g] = await ingest(
      [{ kind: "fields", fields: { text: orchard("Tenbury", "Ruth Caldwell"), title: "Tenbury's record apples", outlet: "Tenbury Advertiser", url: "https://tenbury.example/apples", publishedAt: "2024-10-04T09:00:00Z" } }],
      { source: "API" },
    );
    const h = await upload("bromyard.txt", orchard("Bromyard", "Harold Finch"), { outlet: "Bromyard News" });
    const i = await upload("malvern.txt", orchard("Malvern", "Agnes Moreton"), { publishedAt: new Date("2024-10-05T07:30:00Z") });
    await correctArticle(h, { title: "An editor's headline", byline: "Jane Roe" });
    const json = JSON.stringify([
      { title: "Leominster pears", text: orchard("Leominster", "Walter Price"), outlet: "Leominster News" },
      { title: "Kington plums", text: orchard("Kington", "Mabel Vaughan"), outlet: "Kington Times" },
    ]);
    const records = await ingest([{ kind: "file", filename: "batch.json", bytes: enc(json), mediaType: "application/json" }], { source: "API" });
    expect(records.map((r) => r.status)).toEqual(["created", "created"]);
    const ids = [g!.articleId!, h, i, ...records.map((r) => r.articleId!)];
    const fresh = await Promise.all(ids.map(extracted));
    for (const id of ids) await makeOld(id);
    for (const id of ids) expect(await reextractArticle(id)).toMatchObject({ status: "reextracted" });
    const now = await Promise.all(ids.map(extracted));
    expect(now).toEqual(fresh.map((x) => ({ ...x, extractionVersion: EXTRACTION_VERSION })));
    expect(now[0]).toMatchObject({ url: "https://tenbury.example/apples", publishedAt: new Date("2024-10-04T09:00:00Z"), title: "Tenbury's record apples" });
    expect(now[1]).toMatchObject({ title: "An editor's headline", byline: "Jane Roe" });
    expect(now[2]).toMatchObject({ publishedAt: new Date("2024-10-05T07:30:00Z"), publishedAtText: null });
    expect(now[3]!.body).toContain("Leominster");
    expect(now[4]!.body).toContain("Kington");
    expect(await articleCountsRight()).toEqual([]);
  });

  it("writes nothing of an article when its transaction fails midway", async () => {
    const t = await upload("droitwich.txt", orchard("Droitwich", "Cecil Hartley"), { outlet: "Droitwich Standard" });
    await makeOld(t);
    // The article row, its old entities and mentions are rewritten before its new mentions are inserted:
    // the insert fails, after those writes.
    await db().$executeRawUnsafe(`
      CREATE FUNCTION fail_mentions() RETURNS trigger AS $$
      BEGIN IF NEW."articleId" = '${t}' THEN RAISE EXCEPTION 'mention insert refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER fail_mentions BEFORE INSERT ON "Mention" FOR EACH ROW EXECUTE FUNCTION fail_mentions()`);
    const before = await whole(t);
    try {
      await expect(reextractArticle(t)).rejects.toThrow(/mention insert refused/);
      expect(await whole(t)).toEqual(before);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER fail_mentions ON "Mention"`);
    }
    expect(await reextractArticle(t)).toMatchObject({ status: "reextracted" });
    expect((await extracted(t)).body).not.toContain("Share this article");
  });

  it("the command: exit 2 on bad arguments, 1 with a message for an unreachable database, 1 and a summary when an article failed", async () => {
    const run = (args: string[], env: Record<string, string>) =>
      promisify(execFile)("npx", ["tsx", "scripts/reextract.ts", ...args], { env: { ...process.env, ...env } }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    const bad = await run(["--bogus"], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/usage: npm run articles:reextract/);
    const down = await run([], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/Cannot reach the PostgreSQL server/);
    // The first test's colliding and failing articles are still at the old version.
    const real = await run(["--no-recluster"], { DATABASE_URL: process.env.DATABASE_URL! });
    expect(real.code).toBe(1);
    expect(real.stdout).toMatch(/^2 article\(s\): 0 re-extracted, 0 unchanged, 2 failed/m);
    expect(real.stdout).toMatch(/DUPLICATE_CONTENT/);
    expect(real.stdout).toMatch(/UNSUPPORTED_TYPE/);
  });
});

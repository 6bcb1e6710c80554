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
import { renameOutlet } from "@/lib/editor/outlet-edits";
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

const ferryA =
  `Tweed ferry service resumes after engine fire\n\n` +
  `The Berwick ferry across the Tweed carried passengers again on Tuesday, a month after an engine fire halted the service, its operator said.\n\n` +
  `Harbour master Colin Dunbar said the new engine had passed its safety trials and the crossing would run every hour.\n\n` +
  `Commuters from Tweedmouth said the detour by road had added forty minutes to their journeys each morning.`;
const ferryB =
  `Berwick ferry back on the water a month after fire\n\n` +
  `Passengers returned to the Berwick ferry on Tuesday, ending a month without the Tweed crossing after an engine fire, the operator announced.\n\n` +
  `Colin Dunbar, the harbour master, said the replacement engine had passed its trials and hourly crossings would restart.\n\n` +
  `Tweedmouth commuters said driving round by the bridge had cost them forty extra minutes every morning.`;

/** A saved page: its site name, own address and canonical link (a syndicated copy's differ). */
function savedPage(o: { site: string; ogUrl: string; canonical?: string; text: string }) {
  const [title, ...paras] = o.text.split("\n\n");
  return enc(
    `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="${o.site}">` +
      `<meta property="og:url" content="${o.ogUrl}"><link rel="canonical" href="${o.canonical ?? o.ogUrl}"></head>` +
      `<body><article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`,
  );
}

async function uploadPage(filename: string, bytes: Uint8Array, hints = {}) {
  const [r] = await ingest([{ kind: "file", filename, bytes, mediaType: "text/html" }], { source: "API", hints });
  expect(r!.status).toBe("created");
  return r!.articleId!;
}

const outletOf = async (id: string) => (await db().article.findUniqueOrThrow({ where: { id }, select: { outlet: true } })).outlet;

/** Stories whose stored outlet or article count is not what their articles say. */
async function storyCountsWrong() {
  return db().$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Story" s
    WHERE s."outletCount" <> (SELECT count(DISTINCT a."outletId") FROM "Article" a WHERE a."storyId" = s.id)
       OR s."articleCount" <> (SELECT count(*) FROM "Article" a WHERE a."storyId" = s.id)`;
}

/** As an older extraction left an article: an older version, its outlet not recorded as named or derived. */
const asOlder = (ids: string[]) => db().article.updateMany({ where: { id: { in: ids } }, data: { extractionVersion: 0, outletDeclared: null } });

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

  it("derives an outlet an older rule made again, as an upload now does, and keeps an editor's and an uploader's", async () => {
    // Stored by today's code: msn.com's copy of a CNN story (canonical on cnn.com) goes to cnn.com's outlet,
    // which CNN's own page names "CNN"; msn.com's own page to "MSN"; a hosted.ap.org page to "ap.org".
    const copy = await uploadPage("msn-copy.html", savedPage({ site: "MSN", ogUrl: "https://www.msn.com/en-us/news/ar-1", canonical: "https://www.cnn.com/2024/10/07/kelso-bridge", text: ferryA }));
    const cnn = await uploadPage("cnn.html", savedPage({ site: "CNN", ogUrl: "https://www.cnn.com/2024/10/08/kelso-bridge-open", text: ferryB }));
    const msn = await uploadPage("msn.html", savedPage({ site: "MSN", ogUrl: "https://www.msn.com/en-us/news/ar-2", text: orchard("Kelso", "Fiona Baird") }));
    const hosted = await uploadPage("ap.html", savedPage({ site: "Hosted", ogUrl: "https://hosted.ap.org/article/1", text: orchard("Hawick", "Iain Rutherford") }));
    // An editor set one hosted.ap.org page's outlet to "Hosted"; another page's outlet "Blog" (older code's)
    // is the one an editor renamed so; the uploader named the outlet of two more (a form's field, recorded;
    // a JSON article's own field, from before it was recorded).
    const edited = await uploadPage("ap-2.html", savedPage({ site: "Hosted", ogUrl: "https://hosted.ap.org/article/2", text: orchard("Jedburgh", "Alison Kerr") }));
    await correctArticle(edited, { outlet: "Hosted" });
    const renamed = await uploadPage("blog.html", savedPage({ site: "Blog", ogUrl: "https://blog.example.com/p/1", text: orchard("Selkirk", "Rory Grant") }));
    const named = await uploadPage("wire.html", savedPage({ site: "Wire", ogUrl: "https://wire.example.net/1", text: orchard("Melrose", "Kirsty Hall") }), { outlet: "Wire" });
    const [j] = await ingest(
      [{ kind: "fields", fields: { html: new TextDecoder().decode(savedPage({ site: "Feed", ogUrl: "https://feed.example.org/1", text: orchard("Peebles", "Donald Muir") })), outlet: "Feed" } }],
      { source: "API" },
    );
    const json = j!.articleId!;
    const fresh = { copy: (await outletOf(copy))!, cnn: (await outletOf(cnn))!, msn: (await outletOf(msn))!, hosted: (await outletOf(hosted))! };
    expect(fresh.copy).toMatchObject({ name: "CNN", id: fresh.cnn.id });
    expect(fresh.msn.name).toBe("MSN");
    expect(fresh.hosted.name).toBe("ap.org");
    expect(await db().article.findUniqueOrThrow({ where: { id: named } })).toMatchObject({ outletDeclared: true });
    expect(await db().article.findUniqueOrThrow({ where: { id: hosted } })).toMatchObject({ outletDeclared: false });

    // What older code stored: one "MSN" outlet holding cnn.com and msn.com with all three pages (the copy
    // named it, CNN's page found it by cnn.com), a "Hosted" outlet of hosted.ap.org, and "blog.example.com"
    // renamed "Blog" by an editor.
    await db().$transaction(async (tx) => {
      await tx.article.updateMany({ where: { id: { in: [copy, cnn] } }, data: { outletId: fresh.msn.id } });
      await tx.outlet.update({ where: { id: fresh.msn.id }, data: { domains: ["cnn.com", "msn.com"] } });
      await tx.outlet.delete({ where: { id: fresh.cnn.id } });
      const hostedOutlet = (await outletOf(edited))!;
      await tx.article.update({ where: { id: hosted }, data: { outletId: hostedOutlet.id } });
      await tx.outlet.update({ where: { id: hostedOutlet.id }, data: { domains: ["hosted.ap.org"] } });
      await tx.outlet.delete({ where: { id: fresh.hosted.id } });
    });
    const blog = (await outletOf(renamed))!;
    await db().outlet.update({ where: { id: blog.id }, data: { name: "blog.example.com", slug: "blog-example-com" } });
    await renameOutlet("blog-example-com", "Blog");
    const ids = [copy, cnn, msn, hosted, edited, renamed, named, json];
    await asOlder(ids.filter((id) => id !== named));
    await db().article.update({ where: { id: named }, data: { extractionVersion: 0 } });
    await db().$transaction(async (tx) => {
      for (const s of await tx.story.findMany({ select: { id: true } })) await refreshStory(tx, s.id);
    });
    const storyOfCopy = (await db().article.findUniqueOrThrow({ where: { id: copy } })).storyId!;
    const kept = Object.fromEntries(await Promise.all([edited, renamed, named, json].map(async (id) => [id, (await outletOf(id))!.id] as const)));

    const { reextract: r } = await reextractAndRecluster({ recluster: false });
    // And the first test's colliding and failing articles, still at the old version.
    expect(r).toMatchObject({ total: ids.length + 2, failed: 2, outletsChanged: 3 });

    // The copy and CNN's page are cnn.com's again (named "CNN" by CNN's page), msn.com's page stays MSN's,
    // the hosted.ap.org page is ap.org's; MSN and Hosted no longer hold the domains older code gave them.
    const now = { copy: (await outletOf(copy))!, cnn: (await outletOf(cnn))!, msn: (await outletOf(msn))!, hosted: (await outletOf(hosted))! };
    expect(now.copy).toMatchObject({ name: "CNN", domains: ["cnn.com"], id: now.cnn.id });
    expect(now.msn).toMatchObject({ id: fresh.msn.id, domains: ["msn.com"] });
    expect(now.hosted).toMatchObject({ name: "ap.org", domains: ["hosted.ap.org"] });
    expect((await outletOf(edited))!.domains).toEqual([]);
    // What an editor or the uploader gave stays.
    for (const id of [edited, renamed, named, json]) expect((await outletOf(id))!.id).toBe(kept[id]);
    expect((await outletOf(renamed))!.name).toBe("Blog");
    // Every story counts its outlets as its articles say (the copy's story has CNN and MSN again).
    expect(await storyCountsWrong()).toEqual([]);
    const story = await db().story.findUniqueOrThrow({ where: { id: storyOfCopy }, include: { articles: { select: { outletId: true } } } });
    expect(story.outletCount).toBe(new Set(story.articles.map((a) => a.outletId)).size);
    expect(JSON.stringify(story.comparison)).toContain("CNN");

    // Nothing left to change: a second run moves no article.
    expect((await reextractAndRecluster({ all: true, recluster: false })).reextract).toMatchObject({ reextracted: 0, outletsChanged: 0 });
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

  it("writes no outlet change of an article whose transaction fails midway", async () => {
    const t = await uploadPage("digest.html", savedPage({ site: "Digest", ogUrl: "https://digest.example.org/1", text: orchard("Galashiels", "Moira Scott") }));
    // Older code named the outlet by the subdomain's word: "Digest", holding digest.example.org.
    await db().outlet.update({ where: { id: (await outletOf(t))!.id }, data: { name: "Digest", slug: "digest" } });
    await asOlder([t]);
    await db().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_mentions() RETURNS trigger AS $$
      BEGIN IF NEW."articleId" = '${t}' THEN RAISE EXCEPTION 'mention insert refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER fail_mentions BEFORE INSERT ON "Mention" FOR EACH ROW EXECUTE FUNCTION fail_mentions()`);
    const outlets = () => db().outlet.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true } });
    const before = { article: await whole(t), outlets: await outlets() };
    try {
      await expect(reextractArticle(t)).rejects.toThrow(/mention insert refused/);
      expect({ article: await whole(t), outlets: await outlets() }).toEqual(before);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER fail_mentions ON "Mention"`);
      await db().$executeRawUnsafe(`DROP FUNCTION fail_mentions()`);
    }
    expect(await reextractArticle(t)).toMatchObject({ status: "reextracted", outletChanged: { from: before.article.article.outletId } });
    expect(await outletOf(t)).toMatchObject({ name: "example.org", domains: ["digest.example.org"] });
    expect(await storyCountsWrong()).toEqual([]);
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
    expect(real.stdout).toMatch(/^2 article\(s\): 0 re-extracted, 0 unchanged, 2 failed; 0 moved to another outlet/m);
    expect(real.stdout).toMatch(/DUPLICATE_CONTENT/);
    expect(real.stdout).toMatch(/UNSUPPORTED_TYPE/);
  });
});

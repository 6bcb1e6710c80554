// Re-extraction: stored articles derived again from the original bytes every row keeps, through the upload
// path's own code (extractInput, deriveArticle, storeEntities), when extraction or entity finding improved
// after they were stored (EXTRACTION_VERSION). `npm run articles:reextract` runs `reextractAndRecluster`.
//
// Each article is rewritten in a transaction of its own, under the story lock uploads take: its columns, its
// entities and mentions (Entity.articleCount kept right, entities no article names any more deleted unless an
// editor's decision names them), and its story's stored comparison, so a reader never sees a new body with
// the old mentions or comparison. What the uploader or an editor gave is kept: a corrected outlet, headline,
// byline or date (Article.editedFields), an outlet the uploader named (Article.outletDeclared) or an editor
// renamed, a date given with the upload (a date without its printed text), the URL stored, a JSON article's
// own fields. Any other outlet is derived again as an upload derives it now, in the same transaction, when
// the row records it as derived or the original shows an older rule made it ("MSN" for msn.com's copy of a
// CNN story, "Hosted" for hosted.ap.org: rederiveOutlet); the outlet left, even with no article, stays, as
// outlets an editor's correction leaves do. The story placement is not changed here: the
// re-cluster afterwards (reclusterAll, which keeps editors' pinned placements) places every article by its
// new entities and rebuilds signatures and corpus statistics.
import { bindTxSql, db, Prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import type { EntityResult } from "@/lib/entities";
import type { ExtractedArticle } from "@/lib/extract";
import { extractedEntities } from "./article-features";
import { deriveArticle, extractInput, recordFileHash, type DerivedArticle, type ExtractableInput, type ExtractedColumns } from "./ingest-articles";
import { contentHash as contentHashOf, sha256Hex } from "./fingerprint";
import { countStaleArticles, EXTRACTION_VERSION } from "./extraction-version";
import { reclusterAll, type ReclusterReport } from "./recluster";
import { learnSignature, rederiveOutlet } from "./resolve-outlet";
import { refreshStory } from "./refresh-story";
import { articleFieldsSchema } from "./schemas";
import { storeEntities } from "./store-entities";
import { STORY_LOCK } from "./story-lock";

type Tx = Prisma.TransactionClient;

export type ReextractStatus = "reextracted" | "unchanged" | "failed";

export interface ReextractOutcome {
  articleId: string;
  status: ReextractStatus;
  /** The story holding the article (refreshed when the article changed). */
  storyId?: string | null;
  /** Why the article was left as it was. */
  error?: { code: string; message: string };
  /** For DUPLICATE_CONTENT: the stored article whose text the new extraction equals. */
  duplicateOfId?: string;
  /** The article moved to the outlet today's rules derive (its old outlet, its new one). */
  outletChanged?: { from: string | null; to: string };
}

export interface ReextractReport {
  /** Articles considered (older than EXTRACTION_VERSION, or all). */
  total: number;
  reextracted: number;
  unchanged: number;
  failed: number;
  /** Re-extracted articles that moved to another outlet (outletChanged). */
  outletsChanged: number;
  /** Every failure, with its reason. */
  failures: ReextractOutcome[];
  seconds: number;
}

export interface ReextractOptions {
  /** Every article, not only those an older extraction made. */
  all?: boolean;
  /** After each article (progress output). */
  onArticle?: (outcome: ReextractOutcome, done: number, total: number) => void;
}

/** Re-extract the stale articles (or all), oldest upload first. Database failures abort (what is done stays done). */
export async function reextractArticles(options: ReextractOptions = {}): Promise<ReextractReport> {
  const t0 = Date.now();
  const ids = await db().article.findMany({
    where: options.all ? {} : { extractionVersion: { lt: EXTRACTION_VERSION } },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const report: ReextractReport = { total: ids.length, reextracted: 0, unchanged: 0, failed: 0, outletsChanged: 0, failures: [], seconds: 0 };
  let done = 0;
  for (const { id } of ids) {
    const outcome = await reextractArticle(id);
    report[outcome.status]++;
    if (outcome.status === "failed") report.failures.push(outcome);
    if (outcome.outletChanged) report.outletsChanged++;
    options.onArticle?.(outcome, ++done, ids.length);
  }
  report.seconds = (Date.now() - t0) / 1000;
  return report;
}

export interface ReextractAndReclusterReport {
  reextract: ReextractReport;
  /** The re-cluster's report; null when it was skipped (asked to, or no article changed) or failed. */
  recluster: ReclusterReport | null;
  /** Why the re-cluster failed (it wrote nothing; the re-extracted articles stay re-extracted). */
  reclusterError?: string;
}

/**
 * What `npm run articles:reextract` does: re-extract, then (unless `recluster: false`, or nothing changed)
 * re-cluster every story, since the stories' signatures, index rows and corpus statistics were computed
 * from the old entities and text.
 */
export async function reextractAndRecluster(
  options: ReextractOptions & { recluster?: boolean; onReclusterProgress?: (placed: number) => void } = {},
): Promise<ReextractAndReclusterReport> {
  const reextract = await reextractArticles(options);
  if (options.recluster === false || reextract.reextracted === 0) return { reextract, recluster: null };
  try {
    return { reextract, recluster: await reclusterAll(options.onReclusterProgress) };
  } catch (e) {
    return { reextract, recluster: null, reclusterError: e instanceof Error ? e.message : String(e) };
  }
}

const ORIGINAL_SELECT = { id: true, original: true, sourceFormat: true, sourceMediaType: true, sourceFilename: true, fileHash: true } as const;

type OriginalRow = Prisma.ArticleGetPayload<{ select: typeof ORIGINAL_SELECT }>;

/** What the original reads as now: the article's record of it and its entities, or why there is none. */
type Reading =
  | { ok: true; x: ExtractedArticle; found: EntityResult; input: ExtractableInput }
  | { ok: false; error: { code: string; message: string } };

/** Re-extract one stored article. Failures of the file are outcomes; database failures throw (nothing written). */
export async function reextractArticle(id: string): Promise<ReextractOutcome> {
  const row = await db().article.findUnique({ where: { id }, select: ORIGINAL_SELECT });
  if (!row) return { articleId: id, status: "failed", error: { code: "NOT_FOUND", message: "the article no longer exists" } };
  const reading = readOriginal(row);
  if (!reading.ok) return { articleId: id, status: "failed", error: reading.error };
  const own = reading.input.kind === "fields" ? reading.input.fields : null;
  try {
    return await db().$transaction((tx) => rewrite(tx, id, reading, own), { timeout: 60_000, maxWait: 60_000 });
  } catch (e) {
    // Another article took the same text between the check and the write: the same report as the check's.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const outcome = await collisionOutcome(db(), id, reading.x.body);
      if (outcome) return outcome;
    }
    throw e;
  }
}

/**
 * The stored original as the upload read it: an article's JSON fields (stored as JSON, with no file name),
 * or the file; of a file holding several articles, the record this row was stored from (its fileHash says
 * which). Extraction errors are the file's: reported, never thrown.
 */
function readOriginal(row: OriginalRow): Reading {
  const bytes = new Uint8Array(row.original);
  const input = storedInput(row, bytes);
  try {
    // The file was accepted once: a lower size limit set since does not refuse it now.
    const extracted = extractInput(input, Math.max(bytes.byteLength * 2, 1));
    const x = storedRecord(row, bytes, input, extracted);
    if (typeof x === "string") return { ok: false, error: { code: "RECORD_NOT_FOUND", message: x } };
    // Entities are found here too, outside the transaction: a failure of the finder is the file's as well.
    return { ok: true, x, found: extractedEntities(x), input };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.reason, message: e.message } };
    return { ok: false, error: { code: "EXTRACTION_ERROR", message: e instanceof Error ? e.message : String(e) } };
  }
}

/** The article this row was stored from, or why none of the file's is. */
function storedRecord(row: OriginalRow, bytes: Uint8Array, input: ExtractableInput, extracted: ExtractedArticle[]): ExtractedArticle | string {
  if (row.fileHash === sha256Hex(bytes) || input.kind === "fields") {
    return extracted.length === 1 ? extracted[0]! : `the file now reads as ${extracted.length} articles; it was stored as one`;
  }
  const index = extracted.findIndex((_, i) => recordFileHash(bytes, Math.max(2, extracted.length), i) === row.fileHash);
  return index >= 0 && extracted.length > 1
    ? extracted[index]!
    : `the file now reads as ${extracted.length} article(s), and none is the record this article was stored from`;
}

function storedInput(row: OriginalRow, bytes: Uint8Array): ExtractableInput {
  // An article sent as JSON fields (POST /api/articles {text, title, ...}) is stored as those fields, with no
  // file name and the format its text was read as; a .json file is stored as "json".
  if (row.sourceFilename === null && row.sourceMediaType === "application/json" && row.sourceFormat !== "json") {
    try {
      const fields = articleFieldsSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
      if (fields.success) return { kind: "fields", fields: fields.data };
    } catch {
      // Not fields after all: read as the file it is.
    }
  }
  // A file's several articles are stored as "name.json#2": the file's own name has no "#n".
  const filename = row.sourceFilename && row.fileHash !== sha256Hex(bytes) ? row.sourceFilename.replace(/#\d+$/, "") : row.sourceFilename;
  return { kind: "file", filename, bytes, mediaType: row.sourceMediaType };
}

const MUTABLE_SELECT = {
  storyId: true,
  title: true,
  titleDerived: true,
  body: true,
  lead: true,
  caption: true,
  byline: true,
  publishedAt: true,
  publishedAtText: true,
  url: true,
  language: true,
  wordCount: true,
  contentHash: true,
  removed: true,
  extractionVersion: true,
  editedFields: true,
  sourceFormat: true,
  outletId: true,
  outletDeclared: true,
} as const;

type StoredRow = Prisma.ArticleGetPayload<{ select: typeof MUTABLE_SELECT }>;

/**
 * The new columns, keeping what the uploader or an editor gave: a JSON article's own URL and date, an
 * edited headline, byline or date, a date given with the upload (stored without printed text), the URL.
 */
function newColumns(stored: StoredRow, x: ExtractedArticle, found: EntityResult, own: OwnFields): DerivedArticle {
  const edited = new Set(stored.editedFields);
  const givenDate = own?.publishedAt ? new Date(own.publishedAt) : stored.publishedAt && !stored.publishedAtText ? stored.publishedAt : null;
  const derived = deriveArticle(x, { url: own?.url ?? stored.url ?? null, publishedAt: givenDate }, found);
  const c: ExtractedColumns = { ...derived.columns };
  if (edited.has("title")) Object.assign(c, { title: stored.title, titleDerived: stored.titleDerived });
  if (edited.has("byline")) c.byline = stored.byline;
  if (edited.has("publishedAt")) Object.assign(c, { publishedAt: stored.publishedAt, publishedAtText: stored.publishedAtText });
  return { columns: c, entities: derived.entities };
}

async function collisionOutcome(client: Tx, id: string, body: string): Promise<ReextractOutcome | null> {
  const contentHash = contentHashOf(body);
  const other = await client.article.findFirst({ where: { contentHash, id: { not: id } }, select: { id: true } });
  if (!other) return null;
  return {
    articleId: id,
    status: "failed",
    duplicateOfId: other.id,
    error: { code: "DUPLICATE_CONTENT", message: `the current extraction reads it as the same text as article ${other.id} (a duplicate); left as it was` },
  };
}

/** A JSON article's own fields (they win over the file's, as at upload). */
type OwnFields = { url?: string | null; publishedAt?: string | null; outlet?: string | null } | null;

async function rewrite(tx: Tx, id: string, reading: { x: ExtractedArticle; found: EntityResult }, own: OwnFields): Promise<ReextractOutcome> {
  // The story lock, as uploads and editors' entity edits take it: entity counts, mentions and the story's
  // comparison are never written by two of them at once. Then the row itself, against an editor's correction.
  await bindTxSql(tx, STORY_LOCK);
  const [stored] = await tx.$queryRaw<StoredRow[]>`
    SELECT ${Prisma.raw(Object.keys(MUTABLE_SELECT).map((c) => `"${c}"`).join(", "))} FROM "Article" WHERE id = ${id} FOR UPDATE`;
  if (!stored) return { articleId: id, status: "failed", error: { code: "NOT_FOUND", message: "the article no longer exists" } };
  const { columns, entities } = newColumns(stored, reading.x, reading.found, own);
  if (columns.contentHash !== stored.contentHash) {
    const collision = await collisionOutcome(tx, id, reading.x.body);
    if (collision) return collision;
  }

  const outlet = await newOutlet(tx, stored, reading.x, columns.url, own);

  // The old entity rows and mentions go, read back as they went, and their entities count the article no
  // more (storeEntities counts it again for every entity it names now): one statement.
  const [before] = await tx.$queryRaw<EntityRows[]>`
    WITH m AS (DELETE FROM "Mention" WHERE "articleId" = ${id} RETURNING ${MENTION_COLUMNS}),
         ae AS (DELETE FROM "ArticleEntity" WHERE "articleId" = ${id} RETURNING ${ENTITY_COLUMNS}),
         counted AS (UPDATE "Entity" SET "articleCount" = "articleCount" - 1 WHERE id IN (SELECT "entityId" FROM ae))
    SELECT ${AGGREGATED}`;
  const oldEntityIds = before!.entities.map((e) => e.entityId);
  // The format too: a reader may now see a page where it saw plain text (sourceFormat is what extraction read).
  await tx.article.update({ where: { id }, data: { ...columns, sourceFormat: reading.x.format, ...(outlet ? { outletId: outlet.outletId } : {}) } });
  // As an upload learns the boilerplate of a page whose outlet it knows, for pages that do not name it.
  if (outlet && outlet.source !== "signature") await learnSignature(tx, outlet.outletId, reading.x.removed);
  await storeEntities(tx, id, entities);
  const [after] = await tx.$queryRaw<EntityRows[]>`
    WITH m AS (SELECT ${MENTION_COLUMNS} FROM "Mention" WHERE "articleId" = ${id}),
         ae AS (SELECT ${ENTITY_COLUMNS} FROM "ArticleEntity" WHERE "articleId" = ${id})
    SELECT ${AGGREGATED}`;
  const kept = new Set(after!.entities.map((e) => e.entityId));
  await deleteOrphans(tx, oldEntityIds.filter((e) => !kept.has(e)));

  const entitiesChanged = JSON.stringify(before) !== JSON.stringify(after);
  const changed = entitiesChanged || outlet !== null || !sameColumns(stored, columns) || stored.sourceFormat !== reading.x.format;
  // The story shows (and compares) the outlets, headline, text, date, entities and mentions: only their
  // change makes it stale (a caption or removed line alone does not); its outlet count follows.
  const shown =
    entitiesChanged ||
    outlet !== null ||
    stored.title !== columns.title ||
    stored.titleDerived !== columns.titleDerived ||
    stored.body !== columns.body ||
    (stored.publishedAt?.getTime() ?? null) !== (columns.publishedAt?.getTime() ?? null);
  if (shown && stored.storyId) await refreshStory(tx, stored.storyId);
  return {
    articleId: id,
    status: changed ? "reextracted" : "unchanged",
    storyId: stored.storyId,
    ...(outlet ? { outletChanged: { from: stored.outletId, to: outlet.outletId } } : {}),
  };
}

/**
 * The outlet the article moves to, or null to keep its own: derived again as an upload derives it now
 * (rederiveOutlet says when an older rule made the stored one), unless an editor set it (editedFields) or the
 * uploader named it (recorded in outletDeclared; a JSON article's own "outlet" field, for rows stored before).
 */
async function newOutlet(tx: Tx, stored: StoredRow, x: ExtractedArticle, url: string | null, own: OwnFields) {
  if (stored.editedFields.includes("outlet") || stored.outletDeclared === true || own?.outlet?.trim()) return null;
  const current = stored.outletId
    ? await tx.outlet.findUnique({ where: { id: stored.outletId }, select: { id: true, name: true, domains: true, aliases: true } })
    : null;
  const clues = { declared: null, url, siteName: x.siteName, removedLines: x.removed, copiedBy: x.copiedBy, storedUrl: stored.url };
  return rederiveOutlet(tx, current, clues, stored.outletDeclared === false);
}

/** An article's entity rows and mentions, in a fixed order (as JSON), for telling whether anything changed. */
interface EntityRows {
  entities: { entityId: string }[];
  mentions: unknown[];
}

const ENTITY_COLUMNS = Prisma.sql`"entityId", salience, "mentionCount", "surfaceForms", descriptors`;
const MENTION_COLUMNS = Prisma.sql`"entityId", field::text AS field, start, "end", surface, descriptor`;

/** Over the statement's `ae` and `m` rows. */
const AGGREGATED = Prisma.sql`
  (SELECT COALESCE(json_agg(ae ORDER BY ae."entityId"), '[]') FROM ae) AS entities,
  (SELECT COALESCE(json_agg(m ORDER BY m.field, m.start, m."end", m."entityId", m.surface), '[]') FROM m) AS mentions`;

const COLUMNS = [
  "title",
  "titleDerived",
  "body",
  "lead",
  "caption",
  "byline",
  "publishedAtText",
  "url",
  "language",
  "wordCount",
  "contentHash",
] as const satisfies readonly (keyof ExtractedColumns & keyof StoredRow)[];

function sameColumns(stored: StoredRow, c: ExtractedColumns): boolean {
  return (
    COLUMNS.every((k) => stored[k] === c[k]) &&
    (stored.publishedAt?.getTime() ?? null) === (c.publishedAt?.getTime() ?? null) &&
    JSON.stringify(stored.removed) === JSON.stringify(c.removed)
  );
}

/**
 * Entities this article alone named, now named by none: deleted (their story index rows go with them), as
 * the entities index never lists an entity without articles. Kept when an editor's decision names their key
 * (a merge or split is replayed by key on later uploads, and a split-off entity is its decision's target),
 * when another entity was merged into them or they into another (the merge is followed through that row).
 */
async function deleteOrphans(tx: Tx, entityIds: string[]): Promise<void> {
  if (!entityIds.length) return;
  await tx.$executeRaw`
    DELETE FROM "Entity" e
    WHERE e.id = ANY(${entityIds}::text[])
      AND e."mergedIntoId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "ArticleEntity" ae WHERE ae."entityId" = e.id)
      AND NOT EXISTS (SELECT 1 FROM "Mention" m WHERE m."entityId" = e.id)
      AND NOT EXISTS (SELECT 1 FROM "Entity" f WHERE f."mergedIntoId" = e.id)
      AND NOT EXISTS (SELECT 1 FROM "EntityDecision" d WHERE d."fromKey" = e.key OR d."toKey" = e.key)`;
}

export { countStaleArticles, EXTRACTION_VERSION };

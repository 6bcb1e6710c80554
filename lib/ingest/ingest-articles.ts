// The one ingestion path. API uploads, the web page, the CLI and the demo loader all call `ingest`:
// extract -> find duplicates -> entities -> (one transaction) outlet, article, entities, story placement,
// reprint link, story refresh, upload record. A file that fails leaves nothing behind but its rejected
// upload record, and never stops the other files of the same upload.
import { bindTxSql, db, Prisma } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { extractFile, extractFromFields, type ExtractedArticle } from "@/lib/extract";
import type { ArticleEntity, EntityResult } from "@/lib/entities";
import { placeArticle, updateSignature, type ArticleFeatures, type Placement, type StoryVectorCache } from "@/lib/stories";
import { log } from "@/lib/log";
import { containment, contentHash as contentHashOf, REPRINT_MIN_CONTAINMENT, sha256Hex, shingles } from "./fingerprint";
import { learnSignature, resolveOutlet } from "./resolve-outlet";
import { commitPlacement, PgStoryStore, warmStatistics } from "./pg-story-store";
import { refreshStory } from "./refresh-story";
import { shortId, storySlug } from "./slug";
import { storeEntities } from "./store-entities";
import { extractedEntities, storedTitle, uploadFeatures } from "./article-features";
import { STORY_LOCK } from "./story-lock";
import { EXTRACTION_VERSION } from "./extraction-version";
import { applyTermStatQueue } from "./term-stats";
import type { ArticleFields } from "./schemas";

export type IngestSource = "API" | "WEB" | "CLI" | "SEED";

export type IngestInput =
  | { kind: "file"; filename: string | null; bytes: Uint8Array; mediaType?: string | null }
  | { kind: "fields"; fields: ArticleFields }
  /** A record that failed validation at the edge: reported (and recorded) as rejected like any other. */
  | { kind: "invalid"; error: AppError };

/** What the uploader says about every file of the upload. */
export interface IngestHints {
  outlet?: string | null;
  url?: string | null;
  publishedAt?: Date | null;
}

export interface IngestResult {
  filename?: string;
  status: "created" | "duplicate" | "rejected";
  articleId?: string;
  /** For duplicates: the article already stored. */
  duplicateOfId?: string;
  error?: { code: string; message: string };
}

export interface IngestOptions {
  source: IngestSource;
  hints?: IngestHints;
  maxBytes?: number;
  onResult?: (result: IngestResult, index: number) => void;
}


export async function ingest(inputs: IngestInput[], options: IngestOptions): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  let index = 0;
  for (const input of inputs) {
    for (const r of await ingestOne(input, options)) {
      results.push(r);
      options.onResult?.(r, index++);
    }
  }
  return results;
}

/** A readable input: a file's bytes or an article's fields. */
export type ExtractableInput = Exclude<IngestInput, { kind: "invalid" }>;

/**
 * The articles extraction reads from an input (a JSON file can hold several). The upload path and the
 * re-extraction of a stored original (reextract.ts) both read through here. Throws AppErrors.
 */
export function extractInput(input: ExtractableInput, maxBytes?: number): ExtractedArticle[] {
  return input.kind === "file"
    ? extractFile({ bytes: input.bytes, filename: input.filename, mediaType: input.mediaType }, { maxBytes })
    : [extractFromFields(input.fields, { maxBytes })];
}

/** The bytes stored as the article's original: the file, or the fields as JSON. */
export function originalBytes(input: ExtractableInput): Uint8Array {
  return input.kind === "file" ? input.bytes : new TextEncoder().encode(JSON.stringify(input.fields));
}

/** Article.fileHash of the `index`-th of `count` articles read from one original. */
export function recordFileHash(bytes: Uint8Array, count: number, index: number): string {
  return sha256Hex(count > 1 ? `${sha256Hex(bytes)}#${index}` : bytes);
}

/** What the uploader said about one article: a JSON article's own outlet/url/date win over the upload-wide hints. */
export function articleHints(input: IngestInput, hints: IngestHints | undefined): IngestHints {
  const own = input.kind === "fields" ? input.fields : null;
  return {
    outlet: own?.outlet ?? hints?.outlet ?? null,
    url: own?.url ?? hints?.url ?? null,
    publishedAt: own?.publishedAt ? new Date(own.publishedAt) : (hints?.publishedAt ?? null),
  };
}

/**
 * The Article columns that extraction determines (everything a re-extraction writes again): fields of the
 * extracted article, and what storing them adds.
 */
export type ExtractedColumns = Pick<
  ExtractedArticle,
  "titleDerived" | "body" | "lead" | "caption" | "byline" | "publishedAt" | "publishedAtText" | "url" | "language" | "removed"
> & {
  /** Never null: without a headline or lead, the body's start (storedTitle). */
  title: string;
  wordCount: number;
  contentHash: string;
  extractionVersion: number;
};

/** An extracted article as it is stored: its columns and its entities, before resolution against stored ones. */
export interface DerivedArticle {
  columns: ExtractedColumns;
  entities: ArticleEntity[];
}

/**
 * The stored form of an extracted article, given what the uploader said (a given date or URL wins over the
 * file's). One function for uploads and re-extraction (reextract.ts), so both store the same rows;
 * `entityResult` is the article's entities when they were already found (extractedEntities).
 */
export function deriveArticle(
  x: ExtractedArticle,
  given: { url: string | null; publishedAt: Date | null },
  entityResult: EntityResult = extractedEntities(x),
): DerivedArticle {
  return {
    columns: {
      title: storedTitle(x),
      titleDerived: x.titleDerived || !x.title,
      body: x.body,
      lead: x.lead,
      caption: x.caption,
      byline: x.byline,
      publishedAt: given.publishedAt ?? x.publishedAt,
      publishedAtText: given.publishedAt ? null : x.publishedAtText,
      url: given.url ?? x.url,
      language: x.language ?? entityResult.language,
      wordCount: x.body.split(/\s+/).filter(Boolean).length,
      contentHash: contentHashOf(x.body),
      removed: x.removed,
      extractionVersion: EXTRACTION_VERSION,
    },
    entities: entityResult.entities,
  };
}

async function ingestOne(input: IngestInput, options: IngestOptions): Promise<IngestResult[]> {
  const filename = input.kind === "file" ? (input.filename ?? undefined) : undefined;
  if (input.kind === "invalid") return [await reject(undefined, 0, input, options, input.error)];
  const bytes = originalBytes(input);
  let extracted: ExtractedArticle[];
  try {
    extracted = extractInput(input, options.maxBytes);
  } catch (e) {
    return [await reject(filename, bytes.byteLength, input, options, e)];
  }
  const out: IngestResult[] = [];
  for (let i = 0; i < extracted.length; i++) {
    const label = extracted.length > 1 && filename ? `${filename}#${i + 1}` : filename;
    const fileHash = recordFileHash(bytes, extracted.length, i);
    try {
      out.push(await storeArticle(extracted[i]!, { filename: label, fileHash, bytes, input, options }));
    } catch (e) {
      out.push(await reject(label, bytes.byteLength, input, options, e));
    }
  }
  return out;
}

async function reject(
  filename: string | undefined,
  byteSize: number,
  input: IngestInput,
  options: IngestOptions,
  e: unknown,
): Promise<IngestResult> {
  if (!isAppError(e)) {
    log.error("ingest failed", { filename, error: e instanceof Error ? e.stack : String(e) });
    // Infrastructure failures (database down) are not the file's fault: let the caller answer 503/500.
    throw e;
  }
  await db().upload.create({
    data: {
      filename: filename ?? null,
      source: options.source,
      status: "REJECTED",
      byteSize,
      mediaType: input.kind === "file" ? (input.mediaType ?? null) : "application/json",
      errorCode: e.reason,
      errorMessage: e.message,
    },
  });
  return { filename, status: "rejected", error: { code: e.reason, message: e.message } };
}

interface StoreContext {
  filename: string | undefined;
  fileHash: string;
  bytes: Uint8Array;
  input: IngestInput;
  options: IngestOptions;
}

async function findDuplicate(contentHash: string, fileHash: string): Promise<string | null> {
  const dup = await db().article.findFirst({
    where: { OR: [{ contentHash }, { fileHash }] },
    select: { id: true },
  });
  return dup?.id ?? null;
}

async function storeArticle(x: ExtractedArticle, ctx: StoreContext): Promise<IngestResult> {
  const { options, filename } = ctx;
  const hints = articleHints(ctx.input, options.hints);
  const contentHash = contentHashOf(x.body);
  const existing = await findDuplicate(contentHash, ctx.fileHash);
  if (existing) return recordDuplicate(ctx, existing);

  const { columns, entities } = deriveArticle(x, { url: hints.url ?? null, publishedAt: hints.publishedAt ?? null });
  const { publishedAt, url } = columns;

  try {
    const { articleId, placed } = await db().$transaction(
      async (tx) => {
        // Story placements are serialised through one advisory lock (story-lock.ts; a few milliseconds each, so
        // not a bottleneck). The lock's statement also finds the transaction's own connection for the
        // placement's statements.
        await bindTxSql(tx, STORY_LOCK);
        const outlet = await resolveOutlet(tx, {
          declared: hints.outlet ?? null,
          url,
          siteName: x.siteName,
          removedLines: x.removed,
        });
        const article = await tx.article.create({
          data: {
            ...columns,
            fileHash: ctx.fileHash,
            sourceFilename: filename ?? null,
            sourceFormat: x.format,
            sourceMediaType: ctx.input.kind === "file" ? (ctx.input.mediaType ?? null) : "application/json",
            original: Buffer.from(ctx.bytes),
            outletId: outlet.outletId,
            // Recorded, so that a re-extraction (reextract.ts) never derives again an outlet the uploader named.
            outletDeclared: outlet.source === "declared",
          },
          select: { id: true },
        });
        if (outlet.outletId && outlet.source !== "signature") await learnSignature(tx, outlet.outletId, x.removed);
        const stored = await storeEntities(tx, article.id, entities);

        // The same features a re-cluster reads back from the stored rows (toArticleFeatures): the entities
        // as stored, after resolution and editors' decisions, not as extracted.
        const features = uploadFeatures(article.id, x, publishedAt, stored);
        const placed = await placeInStory(tx, features);
        const storyId = placed.storyId;
        await linkReprint(tx, article.id, storyId, outlet.outletId, x.body);
        await refreshStory(tx, storyId);
        await tx.upload.create({
          data: {
            filename: filename ?? null,
            source: options.source,
            status: "CREATED",
            byteSize: ctx.bytes.byteLength,
            mediaType: ctx.input.kind === "file" ? (ctx.input.mediaType ?? null) : "application/json",
            articleId: article.id,
          },
        });
        return { articleId: article.id, placed };
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    // After the commit, outside the story lock: the story as written is cached for its next upload, and this
    // upload's corpus keys join TermStat with the next batch.
    placed.cacheWritten();
    await applyTermStatQueue();
    // Every TermStat count into the process's cache when it was never read or the corpus has grown since
    // (the corpus size read after every upload, the rows once per 2.5% of growth), so that the next placements meeting a story do not read them.
    await warmStatistics(db());
    return { filename, status: "created", articleId };
  } catch (e) {
    // Two uploads of the same text raced: the unique content hash let one through; this one is a duplicate.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const winner = await findDuplicate(contentHash, ctx.fileHash);
      if (winner) return recordDuplicate(ctx, winner);
    }
    throw e;
  }
}

async function recordDuplicate(ctx: StoreContext, articleId: string): Promise<IngestResult> {
  await db().upload.create({
    data: {
      filename: ctx.filename ?? null,
      source: ctx.options.source,
      status: "DUPLICATE",
      byteSize: ctx.bytes.byteLength,
      articleId,
    },
  });
  return { filename: ctx.filename, status: "duplicate", articleId, duplicateOfId: articleId };
}

type Tx = Prisma.TransactionClient;

/**
 * Put the article in the best-matching story or a new one, and record why: the decision, then its
 * write-back (signature, index rows, corpus statistics, the article's story and explanation).
 */
export async function placeInStory(tx: Tx, features: ArticleFeatures, vectorCache?: StoryVectorCache | null): Promise<RecordedPlacement> {
  return recordPlacement(tx, features, await decideStory(tx, features, vectorCache));
}

/**
 * Which story the article joins, read-only. `vectorCache` defaults to the process's cache of weighted story
 * vectors (null: weigh every candidate afresh, as the bench's cold column does).
 */
export async function decideStory(tx: Tx, features: ArticleFeatures, vectorCache?: StoryVectorCache | null): Promise<StoryDecision> {
  const store = new PgStoryStore(tx, vectorCache);
  return { ...(await placeArticle(features, store)), store };
}

/** A placement and the store that decided it (its statistics weigh the story written back). */
export interface StoryDecision extends Placement {
  store: PgStoryStore;
}

/**
 * A placement written back: the story, and `cacheWritten` to call once the transaction has committed (it
 * caches the written story's weighted vector under its committed version, PgStoryStore.cacheWritten).
 */
export interface RecordedPlacement {
  storyId: string;
  cacheWritten: () => void;
}

export async function recordPlacement(tx: Tx, features: ArticleFeatures, placement: StoryDecision): Promise<RecordedPlacement> {
  const { assignment, vector, storySignature } = placement;
  let storyId = assignment.storyId;
  let newStory: { slug: string; title: string } | null = null;
  if (!storyId) {
    storyId = shortId();
    const title = features.title || "Untitled story";
    newStory = { slug: storySlug(title, storyId), title };
  }
  const signature = updateSignature(storySignature, vector);
  const version = await commitPlacement(tx, { storyId, signature, article: features, assignment, newStory });
  return { storyId, cacheWritten: () => void (version && placement.store.cacheWritten(storyId!, version, signature)) };
}

/** Link the article to an earlier one from another outlet that it reprints nearly verbatim. */
async function linkReprint(tx: Tx, articleId: string, storyId: string, outletId: string | null, body: string): Promise<void> {
  const others = await tx.article.findMany({
    where: { storyId, id: { not: articleId }, copyOfId: null, ...(outletId ? { NOT: { outletId } } : {}) },
    select: { id: true, body: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  const mine = shingles(body);
  for (const o of others) {
    if (containment(mine, shingles(o.body)) >= REPRINT_MIN_CONTAINMENT) {
      await tx.article.update({ where: { id: articleId }, data: { copyOfId: o.id } });
      return;
    }
  }
}

export { AppError };

// The one ingestion path. API uploads, the web page, the CLI and the demo loader all call `ingest`:
// extract -> find duplicates -> entities -> (one transaction) outlet, article, entities, story placement,
// reprint link, story refresh, upload record. A file that fails leaves nothing behind but its rejected
// upload record, and never stops the other files of the same upload.
import { bindTxSql, db, Prisma } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { extractFile, extractFromFields, type ExtractedArticle } from "@/lib/extract";
import type { ArticleEntity } from "@/lib/entities";
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

async function ingestOne(input: IngestInput, options: IngestOptions): Promise<IngestResult[]> {
  const filename = input.kind === "file" ? (input.filename ?? undefined) : undefined;
  if (input.kind === "invalid") return [await reject(undefined, 0, input, options, input.error)];
  const bytes = input.kind === "file" ? input.bytes : new TextEncoder().encode(JSON.stringify(input.fields));
  let extracted: ExtractedArticle[];
  try {
    extracted =
      input.kind === "file"
        ? extractFile({ bytes: input.bytes, filename: input.filename, mediaType: input.mediaType }, { maxBytes: options.maxBytes })
        : [extractFromFields(input.fields, { maxBytes: options.maxBytes })];
  } catch (e) {
    return [await reject(filename, bytes.byteLength, input, options, e)];
  }
  const out: IngestResult[] = [];
  for (let i = 0; i < extracted.length; i++) {
    const label = extracted.length > 1 && filename ? `${filename}#${i + 1}` : filename;
    const fileHash = sha256Hex(extracted.length > 1 ? `${sha256Hex(bytes)}#${i}` : bytes);
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
  // A JSON article's own outlet/url/date win over the upload-wide hints.
  const own = ctx.input.kind === "fields" ? ctx.input.fields : null;
  const hints: IngestHints = {
    outlet: own?.outlet ?? options.hints?.outlet ?? null,
    url: own?.url ?? options.hints?.url ?? null,
    publishedAt: own?.publishedAt ? new Date(own.publishedAt) : (options.hints?.publishedAt ?? null),
  };
  const contentHash = contentHashOf(x.body);
  const existing = await findDuplicate(contentHash, ctx.fileHash);
  if (existing) return recordDuplicate(ctx, existing);

  const publishedAt = hints.publishedAt ?? x.publishedAt;
  const url = hints.url ?? x.url;
  const entityResult = extractedEntities(x);
  const entities: ArticleEntity[] = entityResult.entities;
  const title = storedTitle(x);

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
            title,
            titleDerived: x.titleDerived || !x.title,
            body: x.body,
            lead: x.lead,
            caption: x.caption,
            byline: x.byline,
            publishedAt,
            publishedAtText: hints.publishedAt ? null : x.publishedAtText,
            url,
            language: x.language ?? entityResult.language,
            wordCount: x.body.split(/\s+/).filter(Boolean).length,
            contentHash,
            fileHash: ctx.fileHash,
            sourceFilename: filename ?? null,
            sourceFormat: x.format,
            sourceMediaType: ctx.input.kind === "file" ? (ctx.input.mediaType ?? null) : "application/json",
            original: Buffer.from(ctx.bytes),
            removed: x.removed,
            outletId: outlet.outletId,
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

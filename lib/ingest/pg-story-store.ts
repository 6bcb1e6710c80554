// The PostgreSQL side of lib/stories' StoryStore: candidate stories come from the inverted indexes
// StoryEntity (entity -> stories) and StoryTerm (term -> stories), each posting list read through its
// (key, weight) index and capped, so assignment cost does not grow with the number of stories.
import { db, sqlIn, type Prisma } from "@/lib/db/client";
import {
  articleTermSet,
  indexedTerms,
  statsKeys,
  storyVector,
  withBackground,
  DEFAULT_SCORING_PARAMS,
  type ArticleFeatures,
  type CandidateQuery,
  type CorpusStats,
  type StatsQuery,
  type StoryCandidate,
  type StorySignature,
  type StoryStore,
  StoryVectorCache,
  DEFAULT_STORY_VECTOR_CACHE_OPTIONS,
} from "@/lib/stories";

type Tx = Prisma.TransactionClient;

// TermStat holds three kinds of rows, told apart by a prefix no word can start with: plain terms,
// "@<entity key>" for entity document frequencies, and "#articles" for the corpus size.
const ARTICLES_KEY = "#articles";
export const entityStatKey = (key: string) => `@${key}`;

// Weighted story vectors survive across transactions: a cached entry is only used for the exact stored row
// it was weighed from (the candidate's version is the Story row's xmin, the transaction that last wrote
// it: any write, signature or not, gives a new one), so a story changed by another process, an editor or
// re-clustering is simply weighed again. Hashing the signature instead (md5 of its text) cost about 1 ms
// per placement for 20 candidates.
const processVectorCache = new StoryVectorCache();

// Document frequencies change by one per article; the IDF they give moves only as the corpus grows. Like
// the weighted vectors, a key's count is reused while the corpus is within DRIFT of its size when the count
// was read, which saves reading the statistics of every candidate's few hundred keys on each placement.
const DRIFT = DEFAULT_STORY_VECTOR_CACHE_OPTIONS.drift;
const DF_CACHE_CAPACITY = 500_000;

class DfCache {
  private readonly entries = new Map<string, { df: number; corpus: number }>();
  /** The corpus size this process read last. */
  corpus = 0;
  /** The corpus size at the last `warmStatistics` (0: never warmed). */
  warmedAt = 0;
  clear(): void {
    this.entries.clear();
  }

  get(key: string, corpus: number): number | undefined {
    const e = this.entries.get(key);
    return e && Math.abs(corpus - e.corpus) <= DRIFT * e.corpus ? e.df : undefined;
  }

  set(key: string, df: number, corpus: number): void {
    // Bounded by starting over: a cold cache costs one read per key, never a wrong count.
    if (this.entries.size >= DF_CACHE_CAPACITY) this.clear();
    this.entries.set(key, { df, corpus });
  }
}

const processDfCache = new DfCache();

/**
 * Reads every TermStat row (the most frequent first, up to the cache's capacity) into the process's cache of
 * document frequencies, when it was never read or the corpus has moved by half the drift since (so warmed
 * counts stay within the drift rule): one query for the corpus size, and the rows when stale. Called after
 * an upload's commit (ingest-articles.ts), outside the story lock. Without it a server meeting a story for
 * the first time reads its few hundred keys' counts under the lock, one of the two reads a first meeting
 * adds. A key not held (absent from TermStat, or beyond the capacity) is still read when needed. Returns
 * the keys read (0 when the cache was fresh enough).
 */
export async function warmStatistics(client: Tx, opts: { force?: boolean } = {}): Promise<number> {
  const [now] = await client.$queryRaw<{ df: number }[]>`SELECT df FROM "TermStat" WHERE term = ${ARTICLES_KEY}`;
  const current = Number(now?.df ?? 0);
  const { warmedAt } = processDfCache;
  if (!opts.force && warmedAt > 0 && Math.abs(current - warmedAt) <= (DRIFT / 2) * warmedAt) return 0;
  const rows = await client.$queryRaw<{ term: string; df: number }[]>`
    SELECT term, df FROM "TermStat" ORDER BY df DESC, term LIMIT ${DF_CACHE_CAPACITY - 1}`;
  const corpus = Number(rows.find((r) => r.term === ARTICLES_KEY)?.df ?? 0);
  processDfCache.clear();
  for (const r of rows) if (r.term !== ARTICLES_KEY) processDfCache.set(r.term, Number(r.df), corpus);
  processDfCache.corpus = corpus;
  processDfCache.warmedAt = Math.max(1, corpus);
  return rows.length;
}

/** Stories a server weighs into its vector cache when it starts (`warmPlacementCaches`). */
export const STARTUP_STORIES = 20_000;

/**
 * What a server does once at start, in the background (instrumentation.ts): the statistics read as after an
 * upload (`warmStatistics`), then the most recently active stories' signatures read and weighed into the
 * process's vector cache, as `cacheWritten` weighs a story just written. A fresh server's first uploads then
 * meet those stories warm, and the weighing code has run (JIT) before the first upload does. Stories are
 * read in pages outside any lock; one changed meanwhile is cached under the version read and simply weighed
 * again when met. Returns the stories cached.
 */
export async function warmPlacementCaches(opts: { stories?: number; cache?: StoryVectorCache } = {}): Promise<{ keys: number; stories: number }> {
  const limit = opts.stories ?? STARTUP_STORIES;
  const keys = await warmStatistics(db());
  let cached = 0;
  const PAGE = 500;
  for (let offset = 0; offset < limit; offset += PAGE) {
    const page = await db().$transaction(async (tx) => {
      const store = new PgStoryStore(tx, opts.cache ?? processVectorCache);
      await store.statsFor({ terms: [], entityKeys: [] });
      // Parsed as `signatures` parses them (the same driver), so the same key order and the same vectors.
      const rows = await (await sqlIn(tx)).query<{ id: string; version: string; signature: StorySignature }>(
        `SELECT id, xmin::text AS version, signature FROM "Story"
         WHERE "mergedIntoId" IS NULL AND signature IS NOT NULL
         ORDER BY "rankAt" DESC, id LIMIT $1 OFFSET $2`,
        [Math.min(PAGE, limit - offset), offset],
      );
      for (const r of rows) if (store.cacheStored(r.id, r.version, r.signature)) cached++;
      return rows.length;
    });
    if (page < PAGE) break;
  }
  return { keys, stories: cached };
}

// Stories read per posting list: enough for the heaviest matches of a common name, bounded for speed.
const POSTING_CAP = 200;

export class PgStoryStore implements StoryStore {
  private readonly df = new Map<string, number>();
  /** Stat keys already read by this store (absent from `df` when no article has them yet). */
  private readonly loaded = new Set<string>();
  private articleCount = 0;

  private readonly dfCache: DfCache | null;

  /**
   * `vectorCache` defaults to one per process, shared by every placement (uploads, command-line ingest);
   * null turns both process caches (vectors and document frequencies) off.
   */
  constructor(
    private readonly tx: Tx,
    readonly vectorCache: StoryVectorCache | null = processVectorCache,
  ) {
    this.dfCache = vectorCache ? processDfCache : null;
  }

  /**
   * The corpus size and the statistics of keys not read yet, in one query. The corpus size is read once per
   * store, so an article and its candidates are weighed with one IDF.
   */
  async statsFor(query: StatsQuery): Promise<CorpusStats> {
    await this.load([...query.terms, ...query.entityKeys.map(entityStatKey)]);
    return this.stats();
  }

  private async load(keys: string[]): Promise<void> {
    const missing: string[] = [];
    for (const k of new Set([ARTICLES_KEY, ...keys])) {
      if (this.loaded.has(k)) continue;
      this.loaded.add(k);
      // The corpus size is always read; a key's count is reused while the corpus (as last read by this
      // process, at most one placement old) is close to its size when the count was read.
      const df = k === ARTICLES_KEY ? undefined : this.dfCache?.get(k, this.articleCount || this.dfCache.corpus);
      if (df === undefined) missing.push(k);
      else if (df > 0) this.df.set(k, df);
    }
    if (!missing.length) return;
    const rows = await (await sqlIn(this.tx)).query<{ term: string; df: number }>(
      `SELECT term, df FROM "TermStat" WHERE term = ANY($1::text[])`,
      [missing],
      "parallax_stats",
    );
    const found = new Map(rows.map((r) => [r.term, Number(r.df)]));
    if (missing.includes(ARTICLES_KEY)) {
      this.articleCount = found.get(ARTICLES_KEY) ?? 0;
      if (this.dfCache) this.dfCache.corpus = this.articleCount;
    }
    const corpus = this.articleCount;
    for (const k of missing) {
      const df = found.get(k) ?? 0;
      if (df > 0) this.df.set(k, df);
      if (k !== ARTICLES_KEY) this.dfCache?.set(k, df, corpus);
    }
  }

  stats(): CorpusStats {
    const df = this.df;
    return {
      articleCount: this.articleCount,
      termDf: (term) => df.get(term) ?? 0,
      entityDf: (key) => df.get(entityStatKey(key)) ?? 0,
    };
  }

  async candidates(query: CandidateQuery): Promise<StoryCandidate[]> {
    if (!query.entityKeys.length && !query.terms.length) return [];
    // Ranked story ids and their versions only: a candidate whose weighted vector is cached for this exact
    // row version (xmin) needs nothing more; the others are read by `signatures`.
    const sql = await sqlIn(this.tx);
    return sql.query<StoryCandidate>(
      `
      WITH hits AS (
        SELECT p."storyId", p.weight
        FROM "Entity" e
        CROSS JOIN LATERAL (
          SELECT se."storyId", se.weight FROM "StoryEntity" se
          WHERE se."entityId" = e.id ORDER BY se.weight DESC LIMIT $3
        ) p
        WHERE e.key = ANY($1::text[])
        UNION ALL
        SELECT p."storyId", p.weight
        FROM unnest($2::text[]) AS q(term)
        CROSS JOIN LATERAL (
          SELECT st."storyId", st.weight FROM "StoryTerm" st
          WHERE st.term = q.term ORDER BY st.weight DESC LIMIT $3
        ) p
      ), ranked AS (
        SELECT "storyId", sum(weight) AS w FROM hits GROUP BY "storyId" ORDER BY w DESC, "storyId" LIMIT $4
      )
      -- One primary-key lookup per ranked story (a hash join would read every live story).
      SELECT s.id AS "storyId", s.version
      FROM ranked r CROSS JOIN LATERAL (
        SELECT id, xmin::text AS version FROM "Story"
        WHERE id = r."storyId" AND "mergedIntoId" IS NULL AND signature IS NOT NULL
      ) s
      ORDER BY r.w DESC, s.id`,
      [query.entityKeys, query.terms, POSTING_CAP, query.limit],
      "parallax_candidates",
    );
  }

  /** The signatures only: `statsFor` then reads the document frequencies the process has not cached. */
  async signatures(storyIds: string[]): Promise<Map<string, StorySignature>> {
    const rows = await (await sqlIn(this.tx)).query<{ id: string; signature: StorySignature }>(
      `SELECT id, signature FROM "Story" WHERE id = ANY($1::text[]) AND signature IS NOT NULL`,
      [storyIds],
      "parallax_signatures",
    );
    return new Map(rows.map((r) => [r.id, r.signature]));
  }

  /**
   * Once the write-back has committed: the story just written goes into the vector cache under its new
   * version (the write's xmin, returned by `commitPlacement`), weighed as a later placement reading the row
   * back would weigh it, so an active story's next upload is a warm one. Called after the commit (outside
   * the story lock, and never for a write that rolled back) and without a query: the keys' statistics are
   * those this placement read (the article's own and, when the story was weighed, the story's) or the
   * process cache's; a key in neither leaves the story uncached, to be read and weighed when next met.
   */
  cacheWritten(storyId: string, version: string, signature: StorySignature, params = DEFAULT_SCORING_PARAMS): boolean {
    // Key order as jsonb gives it back: weighing sums in key order, so this equals weighing the stored row.
    return this.cacheStored(storyId, version, inJsonbOrder(signature), params);
  }

  /** `cacheWritten` for a signature as read from its row (already in jsonb's key order). */
  cacheStored(storyId: string, version: string, sig: StorySignature, params = DEFAULT_SCORING_PARAMS): boolean {
    const cache = this.vectorCache;
    if (!cache || !this.loaded.has(ARTICLES_KEY)) return false;
    const keys = statsKeys(sig);
    for (const k of [...keys.terms, ...keys.entityKeys.map(entityStatKey)]) {
      if (this.loaded.has(k)) continue;
      const df = this.dfCache?.get(k, this.articleCount);
      if (df === undefined) return false;
      this.loaded.add(k);
      if (df > 0) this.df.set(k, df);
    }
    const stats = withBackground(this.stats(), params.vector.backgroundDocs);
    cache.set(storyId, version, stats.articleCount, { signature: sig, weighted: storyVector(sig, stats, params) });
    return true;
  }
}

/**
 * A copy of `value` with every object's keys in the order PostgreSQL's jsonb stores them (shorter UTF-8
 * byte length first, then bytewise), i.e. the order `JSON.parse` of a jsonb value yields (JavaScript still
 * puts integer-like keys first, in both cases).
 */
export function inJsonbOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(inJsonbOrder) as T;
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).map((k) => ({ k, b: Buffer.from(k) }));
  keys.sort((x, y) => x.b.length - y.b.length || Buffer.compare(x.b, y.b));
  const out: Record<string, unknown> = {};
  for (const { k } of keys) out[k] = inJsonbOrder((value as Record<string, unknown>)[k]);
  return out as T;
}

/** What an article adds to the corpus statistics: the corpus size, its distinct terms and entity keys. */
export function corpusKeys(article: ArticleFeatures): string[] {
  return [ARTICLES_KEY, ...articleTermSet(article), ...new Set(article.entities.map((e) => entityStatKey(e.key)))];
}

// An index row is rewritten only when its weight moved by more than this fraction: the weights only rank
// a posting list's stories and a candidate's hits, and an article joining a story of a few articles moves
// most of its weights far less, so most of the story's rows are left alone (no new row versions to write,
// index and vacuum). Rows that enter or leave the story's index are always written.
export const INDEX_WEIGHT_TOLERANCE = 0.1;

// One statement for everything a placement writes, sent as a prepared statement on the transaction's own
// connection (planned once per connection: planning it was ~0.55 ms of every placement). Index rows are
// compared with what is stored before anything is written: a row whose weight moved by the tolerance or less
// is not touched at all. (An upsert's ON CONFLICT DO UPDATE ... WHERE locks every conflicting row even when
// its WHERE is false: one more WAL record per kept row.) A new story is inserted by the same statement.
// $1 story, $2 signature, $3/$4 indexed terms and weights, $5/$6 entity keys and weights, $7 tolerance,
// $8 article, $9 its corpus keys, $10 its explanation, $11 new story or not, $12/$13 a new story's slug and title.
const COMMIT_PLACEMENT = `
  WITH new_story AS (
    INSERT INTO "Story" (id, slug, title, signature, "updatedAt")
    SELECT $1, $12, $13, $2::jsonb, now() WHERE $11::boolean
    RETURNING xmin::text AS version
  ), sig AS (
    UPDATE "Story" SET signature = $2::jsonb, "updatedAt" = now() WHERE id = $1 AND NOT $11::boolean
    RETURNING xmin::text AS version
  ), want_t AS (
    SELECT t, w FROM unnest($3::text[], $4::float8[]) AS v(t, w)
  ), del_t AS (
    DELETE FROM "StoryTerm" WHERE "storyId" = $1 AND NOT (term = ANY($3::text[]))
  ), moved_t AS (
    UPDATE "StoryTerm" st SET weight = v.w FROM want_t v
    WHERE st."storyId" = $1 AND st.term = v.t AND abs(st.weight - v.w) > $7::float8 * st.weight
  ), new_t AS (
    INSERT INTO "StoryTerm" ("storyId", term, weight)
    SELECT $1, v.t, v.w FROM want_t v
    WHERE NOT EXISTS (SELECT 1 FROM "StoryTerm" st WHERE st."storyId" = $1 AND st.term = v.t)
    -- Only a writer outside the story lock (an editor) can have added the row since this statement's snapshot.
    ON CONFLICT ("storyId", term) DO UPDATE SET weight = EXCLUDED.weight
    WHERE abs("StoryTerm".weight - EXCLUDED.weight) > $7::float8 * "StoryTerm".weight
  ), ents AS (
    SELECT e.id, v.w FROM unnest($5::text[], $6::float8[]) AS v(k, w) JOIN "Entity" e ON e.key = v.k
  ), del_e AS (
    DELETE FROM "StoryEntity" WHERE "storyId" = $1 AND "entityId" NOT IN (SELECT id FROM ents)
  ), moved_e AS (
    UPDATE "StoryEntity" se SET weight = v.w FROM ents v
    WHERE se."storyId" = $1 AND se."entityId" = v.id AND abs(se.weight - v.w) > $7::float8 * se.weight
  ), new_e AS (
    INSERT INTO "StoryEntity" ("storyId", "entityId", weight)
    SELECT $1, v.id, v.w FROM ents v
    WHERE NOT EXISTS (SELECT 1 FROM "StoryEntity" se WHERE se."storyId" = $1 AND se."entityId" = v.id)
    ON CONFLICT ("storyId", "entityId") DO UPDATE SET weight = EXCLUDED.weight
    WHERE abs("StoryEntity".weight - EXCLUDED.weight) > $7::float8 * "StoryEntity".weight
  ), stats AS (
    INSERT INTO "TermStatQueue" ("articleId", keys) VALUES ($8, $9::text[])
    ON CONFLICT ("articleId") DO NOTHING
  ), why AS (
    INSERT INTO "ArticleAssignment" ("articleId", assignment) SELECT id, $10::jsonb FROM "Article" WHERE id = $8
    ON CONFLICT ("articleId") DO UPDATE SET assignment = EXCLUDED.assignment
  )
  UPDATE "Article" SET "storyId" = $1, "updatedAt" = now()
  WHERE id = $8
  RETURNING (SELECT version FROM new_story UNION ALL SELECT version FROM sig) AS version`;

/**
 * One round trip for everything a placement writes: the story (new, or its new signature), its rows in
 * both inverted indexes (rows that left the signature deleted, new rows inserted, rows whose weight moved
 * more than INDEX_WEIGHT_TOLERANCE updated), the article's corpus keys queued for TermStat (term-stats.ts)
 * and the article's story and explanation. Assignment latency is dominated by round trips, not by work.
 * `newStory`: the story does not exist yet and is created with this slug and title. Returns the story's
 * new version (the xmin its candidates are read with), or null when the article row was not there.
 */
export async function commitPlacement(
  tx: Tx,
  p: {
    storyId: string;
    signature: StorySignature;
    article: ArticleFeatures;
    assignment: unknown;
    newStory?: { slug: string; title: string } | null;
  },
): Promise<string | null> {
  const terms = indexedTerms(p.signature);
  const ents = Object.entries(p.signature.entities);
  const sql = await sqlIn(tx);
  const rows = await sql.query<{ version: string | null }>(
    COMMIT_PLACEMENT,
    [
      p.storyId,
      JSON.stringify(p.signature),
      terms.map((t) => t[0]),
      terms.map((t) => t[1]),
      ents.map((e) => e[0]),
      ents.map((e) => e[1]),
      INDEX_WEIGHT_TOLERANCE,
      p.article.id,
      corpusKeys(p.article),
      JSON.stringify(p.assignment),
      !!p.newStory,
      p.newStory?.slug ?? null,
      p.newStory?.title ?? null,
    ],
    "parallax_commit_placement",
  );
  return rows[0]?.version ?? null;
}

/** Rewrite a story's rows in the inverted indexes from its (bounded) signature. */
export async function indexStory(tx: Tx, storyId: string, sig: StorySignature): Promise<void> {
  const terms = indexedTerms(sig);
  const ents = Object.entries(sig.entities);
  await tx.$executeRaw`
    WITH del_t AS (
      DELETE FROM "StoryTerm" WHERE "storyId" = ${storyId} AND NOT (term = ANY(${terms.map((t) => t[0])}::text[]))
    ), up_t AS (
      INSERT INTO "StoryTerm" ("storyId", term, weight)
      SELECT ${storyId}, t, w FROM unnest(${terms.map((t) => t[0])}::text[], ${terms.map((t) => t[1])}::float8[]) AS v(t, w)
      ON CONFLICT ("storyId", term) DO UPDATE SET weight = EXCLUDED.weight
    ), ents AS (
      SELECT e.id, v.w FROM unnest(${ents.map((e) => e[0])}::text[], ${ents.map((e) => e[1])}::float8[]) AS v(k, w) JOIN "Entity" e ON e.key = v.k
    ), del_e AS (
      DELETE FROM "StoryEntity" WHERE "storyId" = ${storyId} AND "entityId" NOT IN (SELECT id FROM ents)
    )
    INSERT INTO "StoryEntity" ("storyId", "entityId", weight) SELECT ${storyId}, id, w FROM ents
    ON CONFLICT ("storyId", "entityId") DO UPDATE SET weight = EXCLUDED.weight`;
}

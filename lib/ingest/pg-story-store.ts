// The PostgreSQL side of lib/stories' StoryStore: candidate stories come from the inverted indexes
// StoryEntity (entity -> stories) and StoryTerm (term -> stories), each posting list read through its
// (key, weight) index and capped, so assignment cost does not grow with the number of stories.
import type { Prisma } from "@/lib/db/client";
import {
  articleTermSet,
  statsKeys,
  type ArticleFeatures,
  type CandidateQuery,
  type CorpusStats,
  type StatsQuery,
  type StoryCandidate,
  type StorySignature,
  type StoryStore,
} from "@/lib/stories";

type Tx = Prisma.TransactionClient;

// TermStat holds three kinds of rows, told apart by a prefix no word can start with: plain terms,
// "@<entity key>" for entity document frequencies, and "#articles" for the corpus size.
const ARTICLES_KEY = "#articles";
const entityStatKey = (key: string) => `@${key}`;

// Stories read per posting list: enough for the heaviest matches of a common name, bounded for speed.
const POSTING_CAP = 200;

export class PgStoryStore implements StoryStore {
  private df = new Map<string, number>();
  /** Stat keys already read in this placement (absent from `df` when no article has them yet). */
  private loaded = new Set<string>();
  private articleCount = 0;
  /** Signatures of the last candidates, so the chosen story's need not be read again. */
  private seen = new Map<string, StorySignature>();

  constructor(private readonly tx: Tx) {}

  /** Load the document frequencies this article's vector needs (the scorer reads them synchronously). */
  async prepare(article: ArticleFeatures): Promise<void> {
    this.df = new Map();
    this.loaded = new Set();
    await this.load([ARTICLES_KEY, ...articleTermSet(article), ...article.entities.map((e) => entityStatKey(e.key))]);
    this.articleCount = this.df.get(ARTICLES_KEY) ?? 0;
  }

  /**
   * Adds the statistics of keys not read yet (the candidates' signature keys, whose IDF the scorer
   * applies now) in one query; the corpus size stays the one read by `prepare`, so the article and its
   * candidates are weighed with one IDF.
   */
  async statsFor(query: StatsQuery): Promise<CorpusStats> {
    if (!this.loaded.has(ARTICLES_KEY)) {
      await this.load([ARTICLES_KEY]);
      this.articleCount = this.df.get(ARTICLES_KEY) ?? 0;
    }
    await this.load([...query.terms, ...query.entityKeys.map(entityStatKey)]);
    return this.stats();
  }

  private async load(keys: string[]): Promise<void> {
    const missing = [...new Set(keys)].filter((k) => !this.loaded.has(k));
    if (!missing.length) return;
    for (const k of missing) this.loaded.add(k);
    const rows = await this.tx.$queryRaw<{ term: string; df: number }[]>`
      SELECT term, df FROM "TermStat" WHERE term = ANY(${missing}::text[])`;
    for (const r of rows) this.df.set(r.term, Number(r.df));
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
    // One round trip: the candidate stories and the document frequencies of every key in their
    // signatures (the scorer re-weighs each signature with the current IDF).
    const [result] = await this.tx.$queryRaw<{ stories: { id: string; signature: StorySignature }[]; dfs: Record<string, number> }[]>`
      WITH hits AS (
        SELECT p."storyId", p.weight
        FROM "Entity" e
        CROSS JOIN LATERAL (
          SELECT se."storyId", se.weight FROM "StoryEntity" se
          WHERE se."entityId" = e.id ORDER BY se.weight DESC LIMIT ${POSTING_CAP}
        ) p
        WHERE e.key = ANY(${query.entityKeys}::text[])
        UNION ALL
        SELECT p."storyId", p.weight
        FROM unnest(${query.terms}::text[]) AS q(term)
        CROSS JOIN LATERAL (
          SELECT st."storyId", st.weight FROM "StoryTerm" st
          WHERE st.term = q.term ORDER BY st.weight DESC LIMIT ${POSTING_CAP}
        ) p
      ), ranked AS (
        SELECT "storyId", sum(weight) AS w FROM hits GROUP BY "storyId" ORDER BY w DESC, "storyId" LIMIT ${query.limit}
      ), cand AS (
        SELECT s.id, s.signature, r.w FROM ranked r JOIN "Story" s ON s.id = r."storyId"
        WHERE s."mergedIntoId" IS NULL AND s.signature IS NOT NULL
      ), keys AS (
        SELECT jsonb_object_keys(signature->'terms') AS k FROM cand
        UNION SELECT jsonb_object_keys(signature->'titleTerms') FROM cand
        UNION SELECT '@' || jsonb_object_keys(signature->'entities') FROM cand
      )
      SELECT
        (SELECT coalesce(json_agg(json_build_object('id', id, 'signature', signature) ORDER BY w DESC, id), '[]'::json) FROM cand) AS stories,
        (SELECT coalesce(json_object_agg(t.term, t.df), '{}'::json) FROM "TermStat" t WHERE t.term IN (SELECT k FROM keys)) AS dfs`;
    const rows = result?.stories ?? [];
    for (const r of rows) {
      const keys = statsKeys(r.signature);
      for (const k of [...keys.terms, ...keys.entityKeys.map(entityStatKey)]) {
        if (this.loaded.has(k)) continue;
        this.loaded.add(k);
        const df = result!.dfs[k];
        if (df !== undefined) this.df.set(k, Number(df));
      }
    }
    this.seen = new Map(rows.map((r) => [r.id, r.signature]));
    return rows.map((r) => ({ storyId: r.id, signature: r.signature }));
  }

  signatureOf(storyId: string): StorySignature | null {
    return this.seen.get(storyId) ?? null;
  }
}

function corpusKeys(article: ArticleFeatures): string[] {
  return [ARTICLES_KEY, ...articleTermSet(article), ...new Set(article.entities.map((e) => entityStatKey(e.key)))];
}

/**
 * One round trip for everything a placement writes: the story's new signature, its rows in both
 * inverted indexes (rows that left the signature deleted, the rest upserted), the corpus statistics and
 * the article's story and explanation. Assignment latency is dominated by round trips, not by work.
 */
export async function commitPlacement(
  tx: Tx,
  p: { storyId: string; signature: StorySignature; article: ArticleFeatures; assignment: unknown },
): Promise<void> {
  const terms = Object.entries(p.signature.terms);
  const ents = Object.entries(p.signature.entities);
  await tx.$executeRaw`
    WITH sig AS (
      UPDATE "Story" SET signature = ${JSON.stringify(p.signature)}::jsonb, "updatedAt" = now() WHERE id = ${p.storyId}
    ), del_t AS (
      DELETE FROM "StoryTerm" WHERE "storyId" = ${p.storyId} AND NOT (term = ANY(${terms.map((t) => t[0])}::text[]))
    ), up_t AS (
      INSERT INTO "StoryTerm" ("storyId", term, weight)
      SELECT ${p.storyId}, t, w FROM unnest(${terms.map((t) => t[0])}::text[], ${terms.map((t) => t[1])}::float8[]) AS v(t, w)
      ON CONFLICT ("storyId", term) DO UPDATE SET weight = EXCLUDED.weight
    ), ents AS (
      SELECT e.id, v.w FROM unnest(${ents.map((e) => e[0])}::text[], ${ents.map((e) => e[1])}::float8[]) AS v(k, w) JOIN "Entity" e ON e.key = v.k
    ), del_e AS (
      DELETE FROM "StoryEntity" WHERE "storyId" = ${p.storyId} AND "entityId" NOT IN (SELECT id FROM ents)
    ), up_e AS (
      INSERT INTO "StoryEntity" ("storyId", "entityId", weight) SELECT ${p.storyId}, id, w FROM ents
      ON CONFLICT ("storyId", "entityId") DO UPDATE SET weight = EXCLUDED.weight
    ), stats AS (
      INSERT INTO "TermStat" (term, df) SELECT t, 1 FROM unnest(${corpusKeys(p.article)}::text[]) AS t
      ON CONFLICT (term) DO UPDATE SET df = "TermStat".df + 1
    )
    UPDATE "Article" SET "storyId" = ${p.storyId}, assignment = ${JSON.stringify(p.assignment)}::jsonb, "updatedAt" = now()
    WHERE id = ${p.article.id}`;
}

/** Rewrite a story's rows in the inverted indexes from its (bounded) signature. */
export async function indexStory(tx: Tx, storyId: string, sig: StorySignature): Promise<void> {
  const terms = Object.entries(sig.terms);
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

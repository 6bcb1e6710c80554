// The PostgreSQL side of lib/stories' StoryStore: candidate stories come from the inverted indexes
// StoryEntity (entity -> stories) and StoryTerm (term -> stories), each posting list read through its
// (key, weight) index and capped, so assignment cost does not grow with the number of stories.
import type { Prisma } from "@/lib/db/client";
import {
  articleTermSet,
  type ArticleFeatures,
  type CandidateQuery,
  type CorpusStats,
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
  private articleCount = 0;

  constructor(private readonly tx: Tx) {}

  /** Load the document frequencies this article's vector needs (the scorer reads them synchronously). */
  async prepare(article: ArticleFeatures): Promise<void> {
    const keys = [
      ARTICLES_KEY,
      ...articleTermSet(article),
      ...article.entities.map((e) => entityStatKey(e.key)),
    ];
    const rows = await this.tx.termStat.findMany({ where: { term: { in: keys } } });
    this.df = new Map(rows.map((r) => [r.term, r.df]));
    this.articleCount = this.df.get(ARTICLES_KEY) ?? 0;
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
    const rows = await this.tx.$queryRaw<{ id: string; signature: StorySignature }[]>`
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
      )
      SELECT s.id, s.signature FROM ranked r JOIN "Story" s ON s.id = r."storyId"
      WHERE s."mergedIntoId" IS NULL AND s.signature IS NOT NULL
      ORDER BY r.w DESC, s.id`;
    return rows.map((r) => ({ storyId: r.id, signature: r.signature }));
  }
}

/** Count the article into the corpus statistics (document frequencies of its terms and entities). */
export async function countIntoCorpus(tx: Tx, article: ArticleFeatures): Promise<void> {
  const keys = [
    ARTICLES_KEY,
    ...articleTermSet(article),
    ...new Set(article.entities.map((e) => entityStatKey(e.key))),
  ];
  await tx.$executeRaw`
    INSERT INTO "TermStat" (term, df) SELECT t, 1 FROM unnest(${keys}::text[]) AS t
    ON CONFLICT (term) DO UPDATE SET df = "TermStat".df + 1`;
}

/** Rewrite a story's rows in the inverted indexes from its (bounded) signature. */
export async function indexStory(tx: Tx, storyId: string, sig: StorySignature): Promise<void> {
  await tx.storyEntity.deleteMany({ where: { storyId } });
  await tx.storyTerm.deleteMany({ where: { storyId } });
  const entityKeys = Object.keys(sig.entities);
  if (entityKeys.length) {
    const entities = await tx.entity.findMany({ where: { key: { in: entityKeys } }, select: { id: true, key: true } });
    await tx.storyEntity.createMany({
      data: entities.map((e) => ({ storyId, entityId: e.id, weight: sig.entities[e.key] ?? 0 })),
      skipDuplicates: true,
    });
  }
  const terms = Object.entries(sig.terms);
  if (terms.length) {
    await tx.storyTerm.createMany({ data: terms.map(([term, weight]) => ({ storyId, term, weight })) });
  }
}

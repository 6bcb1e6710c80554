// Rebuild every story from scratch, in publication order, through the same scorer uploads use.
// Editors' decisions hold: pinned articles stay together in their story. Permalinks survive: each new
// cluster takes over the old story that holds most of its articles, and an old story left without
// articles redirects (308) to the cluster that took most of them.
import { db, type EntityType, type Prisma } from "@/lib/db/client";
import { InMemoryStoryStore, placeArticle, type ArticleFeatures } from "@/lib/stories";
import { toArticleFeatures } from "./article-features";
import { computeRefreshRound, readRefreshRound, refreshRounds, writeRefreshRound } from "./refresh-story";
import { shortId, storySlug } from "./slug";
import { STORY_LOCK } from "./story-lock";

export interface ReclusterReport {
  articles: number;
  storiesBefore: number;
  storiesAfter: number;
  kept: number;
  created: number;
  mergedAway: number;
  changedArticles: number;
  seconds: number;
  /** Wall seconds of each step, in order (placing, building rows, each write), for benchmarks. */
  phases: [string, number][];
}

const BATCH = 2000;
const PINNED = JSON.stringify({ editor: "pinned" });

interface OrderedArticle {
  features: ArticleFeatures;
  /** The stored headline (features.title is empty when Parallax derived it): a new story's first title. */
  title: string;
  storyId: string | null;
  pinned: boolean;
}

async function* articlesInOrder(): AsyncGenerator<OrderedArticle> {
  // Publication order; undated articles by when they arrived. The ordered ids are read first (small),
  // then the rows in batches, so memory holds two batches of bodies at a time (the one placed, the next). One query per batch with
  // the entities aggregated per article (what toArticleFeatures reads, without the relation round trip).
  const order = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM "Article" ORDER BY COALESCE("publishedAt", "createdAt"), "createdAt", id`;
  const batch = (i: number) => {
    const ids = order.slice(i, i + BATCH).map((r) => r.id);
    const rows = db().$queryRaw<
      {
        id: string;
        title: string;
        titleDerived: boolean;
        body: string;
        publishedAt: Date | null;
        storyId: string | null;
        storyPinned: boolean;
        entities: [string, EntityType, number][];
      }[]
    >`
      SELECT a.id, a.title, a."titleDerived", a.body, a."publishedAt", a."storyId", a."storyPinned",
        COALESCE((SELECT json_agg(json_build_array(e.key, e.type, ae.salience) ORDER BY ae."entityId")
                  FROM "ArticleEntity" ae JOIN "Entity" e ON e.id = ae."entityId" WHERE ae."articleId" = a.id), '[]') AS entities
      FROM unnest(${ids}::text[]) WITH ORDINALITY AS o(id, n) JOIN "Article" a ON a.id = o.id
      ORDER BY o.n`;
    // Prisma's queries are lazy: this starts it now (and keeps a failure for the await, not unhandled).
    rows.catch(() => {});
    return rows;
  };
  // The next batch is read while this one is placed: PostgreSQL works on the other core meanwhile.
  let next = order.length > 0 ? batch(0) : null;
  for (let i = 0; next; i += BATCH) {
    const rows = await next;
    next = i + BATCH < order.length ? batch(i + BATCH) : null;
    for (const a of rows) {
      yield {
        features: toArticleFeatures({
          ...a,
          entities: a.entities.map(([key, type, salience]) => ({ salience, entity: { key, type } })),
        }),
        title: a.title,
        storyId: a.storyId,
        pinned: a.storyPinned,
      };
    }
  }
}

export async function reclusterAll(onProgress?: (done: number) => void): Promise<ReclusterReport> {
  const t0 = Date.now();
  const phases: [string, number][] = [];
  let lapAt = t0;
  const lap = (name: string) => {
    const now = Date.now();
    phases.push([name, (now - lapAt) / 1000]);
    lapAt = now;
  };
  // One transaction, opened before the placing: a re-cluster that fails at any point leaves the database as
  // it was. While the articles are placed it holds no lock on any shared row or table (the story lock is
  // taken when the writing starts, as before): it only fills a temporary table with each article's cluster
  // and explanation, batch after batch, so the server parses the 100k explanations on the other core while
  // this process places, instead of afterwards, and this process need not keep them. The statements go out
  // in order through `Statements`; while the server runs them this process builds the next ones' rows and
  // compares the changed stories' articles (refresh), which used to wait for each other.
  const report = await db().$transaction(
    async (tx) => {
      const sql = new Statements();
      try {
        return await recluster(tx, sql, lap, phases, t0, onProgress);
      } catch (e) {
        await sql.settled(); // no statement of this transaction still running when it rolls back
        throw e;
      }
    },
    // The whole re-cluster, placing included, runs in the transaction.
    { timeout: 6 * 60 * 60_000, maxWait: 60_000 },
  );
  lap("commit");
  return { ...report, seconds: (Date.now() - t0) / 1000 };
}

type Tx = Prisma.TransactionClient;

async function recluster(
  tx: Tx,
  sql: Statements,
  lap: (name: string) => void,
  phases: [string, number][],
  t0: number,
  onProgress?: (done: number) => void,
): Promise<ReclusterReport> {
  const store = new InMemoryStoryStore();
  const oldStory = new Map<string, string | null>(); // article -> story before
  const titles = new Map<string, string>();
  const pinnedCluster = new Map<string, string>(); // old story id -> cluster label of its pinned articles
  let n = 0;

  // Each article's cluster label and explanation (as the JSON it is written as), sent a batch at a time.
  void sql.run(() => tx.$executeRawUnsafe(`CREATE TEMP TABLE rc_placed (id text, label text, why jsonb) ON COMMIT DROP`));
  let batch: Columns<"id" | "label" | "why"> = { id: [], label: [], why: [] };
  const send = () => {
    if (!batch.id.length) return;
    const rows = jsonRows(batch, ["id", "label", "why"], ["why"]);
    batch = { id: [], label: [], why: [] };
    void sql.run(() => tx.$executeRaw`INSERT INTO rc_placed SELECT e->>0, e->>1, (e->2)::jsonb FROM json_array_elements(${rows}::json) AS e`);
  };
  for await (const { features, title, storyId, pinned } of articlesInOrder()) {
    oldStory.set(features.id, storyId);
    titles.set(features.id, title);
    const { assignment, vector } = await placeArticle(features, store);
    let label: string;
    let why: string;
    if (pinned && storyId) {
      // An editor put this article here: it joins its pinned companions, whatever the scores say.
      const existing = pinnedCluster.get(storyId);
      label = store.add(features, vector, existing ?? null);
      pinnedCluster.set(storyId, label);
      why = PINNED;
    } else {
      label = store.add(features, vector, assignment.storyId);
      why = JSON.stringify(assignment);
    }
    push(batch, { id: features.id, label, why });
    if (batch.id.length === BATCH) {
      sql.check();
      send();
    }
    if (++n % 1000 === 0) onProgress?.(n);
  }
  send();
  // The store counted every article's distinct terms and entity keys as it placed them: the corpus
  // statistics, under TermStat's keys ("@" before entity keys; terms never hold an "@").
  const counted = store.documentFrequencies();
  const df = new Map(counted.terms);
  for (const [key, count] of counted.entities) df.set(`@${key}`, count);
  df.set("#articles", n);
  lap("place");

  // Clusters -> members.
  const members = new Map<string, string[]>();
  const formerMembers = new Map<string, string[]>(); // old story -> its articles
  for (const [articleId, old] of oldStory) {
    const label = store.storyOf(articleId)!;
    (members.get(label) ?? members.set(label, []).get(label)!).push(articleId);
    if (old) (formerMembers.get(old) ?? formerMembers.set(old, []).get(old)!).push(articleId);
  }
  // Each cluster takes over the old story holding most of its articles (largest overlaps first).
  const overlaps: { label: string; story: string; count: number }[] = [];
  for (const [label, ids] of members) {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const s = oldStory.get(id);
      if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    for (const [story, count] of counts) overlaps.push({ label, story, count });
  }
  overlaps.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1) || (a.story < b.story ? -1 : 1));
  const labelToStory = new Map<string, string>();
  const takenStories = new Set<string>();
  for (const o of overlaps) {
    if (labelToStory.has(o.label) || takenStories.has(o.story)) continue;
    labelToStory.set(o.label, o.story);
    takenStories.add(o.story);
  }
  let created = 0;
  for (const label of members.keys()) {
    if (!labelToStory.has(label)) {
      labelToStory.set(label, shortId());
      created++;
    }
  }

  const liveBefore = await db().story.findMany({ where: { mergedIntoId: null }, select: { id: true, slug: true } });
  const changedStories = new Set<string>();
  let changedArticles = 0;

  // What the database should hold afterwards, as columns for bulk statements.
  const fresh: Columns<"id" | "slug" | "title"> = { id: [], slug: [], title: [] };
  const labels: Columns<"label" | "story"> = { label: [], story: [] };
  for (const [label, ids] of members) {
    const storyId = labelToStory.get(label)!;
    push(labels, { label, story: storyId });
    if (!takenStories.has(storyId)) {
      const title = titles.get(ids[0]!)!;
      push(fresh, { id: storyId, slug: storySlug(title, storyId), title });
    }
    for (const id of ids) {
      const old = oldStory.get(id);
      if (old !== storyId) {
        changedArticles++;
        changedStories.add(storyId);
        if (old) changedStories.add(old);
      }
    }
  }

  // Old stories that no cluster took over: redirect to where most of their articles went.
  const redirected: Columns<"id" | "slug" | "target"> = { id: [], slug: [], target: [] };
  for (const s of liveBefore) {
    if (takenStories.has(s.id)) continue;
    const counts = new Map<string, number>();
    for (const articleId of formerMembers.get(s.id) ?? []) {
      const to = labelToStory.get(store.storyOf(articleId)!)!;
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    const target = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (target) push(redirected, { id: s.id, slug: s.slug, target });
  }
  lap("rows");

  // The writing, under the story lock. Every table is written with a few bulk statements (rows as one JSON
  // parameter, or arrays and unnest), never a statement per story or article. Each step's lap is taken when
  // the server has finished it; the rows of the later steps are built meanwhile.
  void sql.run(() => tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORY_LOCK})`);
  for (const c of chunks(fresh)) {
    const rows = jsonRows(c, ["id", "slug", "title"]);
    void sql.run(
      () => tx.$executeRaw`
        INSERT INTO "Story" (id, slug, title, "updatedAt")
        SELECT e->>0, e->>1, e->>2, now() FROM json_array_elements(${rows}::json) AS e`,
    );
  }
  void sql.run(() => tx.$executeRawUnsafe(`CREATE TEMP TABLE rc_label (label text PRIMARY KEY, story text) ON COMMIT DROP`));
  for (const c of chunks(labels)) {
    const rows = jsonRows(c, ["label", "story"]);
    void sql.run(() => tx.$executeRaw`INSERT INTO rc_label SELECT e->>0, e->>1 FROM json_array_elements(${rows}::json) AS e`);
  }
  void sql.run(() => tx.$executeRawUnsafe(`ANALYZE rc_placed (id, label), rc_label`));
  // Only moved articles rewrite their (wide) Article row; explanations live in the narrow
  // ArticleAssignment (schema.prisma says why). Articles no longer there are skipped, as before. Rows whose
  // story and explanation are unchanged are skipped by the statement itself (jsonb equality), so a repeated
  // re-cluster rewrites almost nothing.
  void sql.run(
    () => tx.$executeRawUnsafe(`
      WITH v AS MATERIALIZED (
        SELECT p.id, l.story, p.why FROM rc_placed p JOIN rc_label l ON l.label = p.label
      ), moved AS (
        UPDATE "Article" AS a SET "storyId" = v.story FROM v WHERE a.id = v.id AND a."storyId" IS DISTINCT FROM v.story
      )
      INSERT INTO "ArticleAssignment" ("articleId", assignment)
      SELECT v.id, v.why FROM v JOIN "Article" a ON a.id = v.id
      ON CONFLICT ("articleId") DO UPDATE SET assignment = EXCLUDED.assignment
      WHERE "ArticleAssignment".assignment IS DISTINCT FROM EXCLUDED.assignment`),
  );
  // Their statistics are recounted below; articles placed since they were read stay queued.
  void sql.run(() => tx.$executeRawUnsafe(`DELETE FROM "TermStatQueue" q USING rc_placed p WHERE q."articleId" = p.id`));
  void sql.run(async () => lap("write articles"));
  // The changed stories are read now (nothing below changes what they read: their articles' stories are
  // written), and compared while the server writes the rest.
  const reads = refreshRounds(changedStories).map((ids) => sql.run(() => readRefreshRound(tx, ids)));

  for (const c of chunks({ id: [...members.keys()] }, SIGNATURES_PER_STATEMENT)) {
    await pause();
    const signed: Columns<"id" | "sig"> = { id: [], sig: [] };
    for (const label of c.id) push(signed, { id: labelToStory.get(label)!, sig: store.signatureJson(label)! });
    const rows = jsonRows(signed, ["id", "sig"], ["sig"]);
    void sql.run(
      () => tx.$executeRaw`
        UPDATE "Story" AS s SET signature = v.sig, "updatedAt" = now()
        FROM (SELECT e->>0 AS id, (e->1)::jsonb AS sig FROM json_array_elements(${rows}::json) AS e) AS v
        WHERE s.id = v.id AND s.signature IS DISTINCT FROM v.sig`,
    );
  }
  void sql.run(async () => lap("write signatures"));
  for (const c of chunks(redirected)) {
    void sql.run(
      () => tx.$executeRaw`
        UPDATE "Story" AS s SET "mergedIntoId" = v.target, "articleCount" = 0, "outletCount" = 0, "updatedAt" = now()
        FROM unnest(${c.id}::text[], ${c.target}::text[]) AS v(id, target) WHERE s.id = v.id`,
    );
    void sql.run(
      () => tx.$executeRaw`
        UPDATE "StoryRedirect" AS r SET "storyId" = v.target
        FROM unnest(${c.id}::text[], ${c.target}::text[]) AS v(id, target) WHERE r."storyId" = v.id`,
    );
    void sql.run(
      () => tx.$executeRaw`
        INSERT INTO "StoryRedirect" ("fromSlug", "storyId")
        SELECT slug, target FROM unnest(${c.slug}::text[], ${c.target}::text[]) AS v(slug, target)
        ON CONFLICT ("fromSlug") DO UPDATE SET "storyId" = EXCLUDED."storyId"`,
    );
  }
  void sql.run(async () => lap("write redirects"));

  // Index rows and corpus statistics: the wanted rows go to temporary tables, then each real table is
  // brought to them by one delete of the rows no longer wanted and one upsert that leaves unchanged rows
  // alone. Stories that no cluster took over lose their rows here too.
  void sql.run(() => tx.$executeRawUnsafe(`CREATE TEMP TABLE rc_term (story text, key text, weight float8) ON COMMIT DROP`));
  void sql.run(() => tx.$executeRawUnsafe(`CREATE TEMP TABLE rc_entity (story text, key text, weight float8) ON COMMIT DROP`));
  void sql.run(() => tx.$executeRawUnsafe(`CREATE TEMP TABLE rc_stat (key text PRIMARY KEY, df int) ON COMMIT DROP`));
  // The rows as the JSON `jsonRows` makes, written as they are read from the signatures' parts.
  const indexRows = { rc_term: [] as string[], rc_entity: [] as string[] };
  const sendIndexRows = (table: keyof typeof indexRows) => {
    if (!indexRows[table].length) return;
    const rows = `[${indexRows[table].join(",")}]`;
    indexRows[table] = [];
    void sql.run(() => tx.$executeRawUnsafe(`INSERT INTO ${table} SELECT e->>0, e->>1, (e->>2)::float8 FROM json_array_elements($1::json) AS e`, rows));
  };
  let built = 0;
  for (const label of members.keys()) {
    if (++built % SIGNATURES_PER_STATEMENT === 0) await pause();
    const story = JSON.stringify(labelToStory.get(label)!);
    // indexedTerms(signature) and Object.entries(signature.entities), from the parts.
    const { terms, entities } = store.indexRows(label)!;
    for (const [table, part] of [["rc_term", terms], ["rc_entity", entities]] as const) {
      const out = indexRows[table];
      for (let i = 0; i < part.keys.length; i++) out.push(`[${story},${JSON.stringify(part.keys[i])},${JSON.stringify(part.weights[i])}]`);
      if (out.length >= ROWS_PER_STATEMENT) sendIndexRows(table);
    }
  }
  sendIndexRows("rc_term");
  sendIndexRows("rc_entity");
  const stats: Columns<"key" | "df", number> = { key: [], df: [] };
  for (const [key, count] of df) push(stats, { key, df: count });
  for (const c of chunks(stats)) {
    const rows = jsonRows(c, ["key", "df"]);
    void sql.run(() => tx.$executeRaw`INSERT INTO rc_stat SELECT e->>0, (e->>1)::int FROM json_array_elements(${rows}::json) AS e`);
  }
  void sql.run(() => tx.$executeRawUnsafe(`ANALYZE rc_term, rc_entity, rc_stat`));
  void sql.run(async () => lap("write temp tables"));
  void sql.run(
    () => tx.$executeRawUnsafe(`
      DELETE FROM "StoryTerm" st
      WHERE NOT EXISTS (SELECT 1 FROM rc_term n WHERE n.story = st."storyId" AND n.key = st.term)`),
  );
  // The rows to write are picked first (new, or weight changed): an upsert of every wanted row locks each
  // existing one it leaves alone (at 100k about 380k of 600k), which costs more than the join (psql, 100k
  // copy, two alternations: 5.4-6.1 s against 5.3-5.9 s with the join).
  void sql.run(
    () => tx.$executeRawUnsafe(`
      CREATE TEMP TABLE rc_term_changed ON COMMIT DROP AS
      SELECT n.story, n.key, n.weight FROM rc_term n LEFT JOIN "StoryTerm" st ON st."storyId" = n.story AND st.term = n.key
      WHERE st.weight IS DISTINCT FROM n.weight`),
  );
  void sql.run(
    () => tx.$executeRawUnsafe(`
      INSERT INTO "StoryTerm" ("storyId", term, weight) SELECT story, key, weight FROM rc_term_changed
      ON CONFLICT ("storyId", term) DO UPDATE SET weight = EXCLUDED.weight
      WHERE "StoryTerm".weight IS DISTINCT FROM EXCLUDED.weight`),
  );
  void sql.run(async () => lap("write StoryTerm"));
  // Signature keys without an Entity row (none in practice) have nothing to index, as in placement.
  void sql.run(
    () => tx.$executeRawUnsafe(`
      CREATE TEMP TABLE rc_story_entity ON COMMIT DROP AS
      SELECT n.story, e.id AS entity, n.weight FROM rc_entity n JOIN "Entity" e ON e.key = n.key`),
  );
  void sql.run(() => tx.$executeRawUnsafe(`ANALYZE rc_story_entity`));
  void sql.run(
    () => tx.$executeRawUnsafe(`
      DELETE FROM "StoryEntity" se
      WHERE NOT EXISTS (SELECT 1 FROM rc_story_entity n WHERE n.story = se."storyId" AND n.entity = se."entityId")`),
  );
  void sql.run(
    () => tx.$executeRawUnsafe(`
      INSERT INTO "StoryEntity" ("storyId", "entityId", weight) SELECT story, entity, weight FROM rc_story_entity
      ON CONFLICT ("storyId", "entityId") DO UPDATE SET weight = EXCLUDED.weight
      WHERE "StoryEntity".weight IS DISTINCT FROM EXCLUDED.weight`),
  );
  void sql.run(async () => lap("write StoryEntity"));
  void sql.run(() => tx.$executeRawUnsafe(`DELETE FROM "TermStat" t WHERE NOT EXISTS (SELECT 1 FROM rc_stat n WHERE n.key = t.term)`));
  void sql.run(
    () => tx.$executeRawUnsafe(`
      INSERT INTO "TermStat" (term, df) SELECT key, df FROM rc_stat
      ON CONFLICT (term) DO UPDATE SET df = EXCLUDED.df WHERE "TermStat".df <> EXCLUDED.df`),
  );
  void sql.run(async () => lap("write TermStat"));

  // The changed stories' rows, compared while the statements above run, written after them.
  for (const read of reads) {
    const rows = await computeRefreshRound(await read, pause);
    void sql.run(() => writeRefreshRound(tx, rows));
  }
  await sql.run(async () => lap("refresh stories"));
  await sql.settled();
  await sql.done();

  return {
    articles: n,
    storiesBefore: liveBefore.length,
    storiesAfter: members.size,
    kept: members.size - created,
    created,
    mergedAway: redirected.id.length,
    changedArticles,
    seconds: (Date.now() - t0) / 1000,
    phases,
  };
}

/**
 * The transaction's statements, sent one after the other in the order given, while the caller goes on (it
 * builds the next statements' rows meanwhile). After a failure nothing more is sent: every later statement
 * fails with the same error, and so does `done`.
 */
class Statements {
  private last: Promise<unknown> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  run<T>(statement: () => Promise<T>): Promise<T> {
    const p = this.last.then(statement);
    p.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.last = p;
    return p;
  }

  /** Throws the first failure so far, if any (to stop work whose statements would not run). */
  check(): void {
    if (this.failure) throw this.failure.error;
  }

  /** When every statement given so far has finished, whatever the outcome. */
  async settled(): Promise<void> {
    await this.last.catch(() => undefined);
  }

  async done(): Promise<void> {
    await this.settled();
    this.check();
  }
}

/** Lets the event loop send and receive the queued statements between slices of this process's own work. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

// Stories whose signatures (about 4 KB of JSON each) go in one statement, and whose index rows are built
// between two pauses.
const SIGNATURES_PER_STATEMENT = 2_000;

/** Rows as one array per column (what unnest takes, and what `jsonRows` turns into rows). */
type Columns<K extends string, V = string> = { [k in K]: (string | V)[] };

function push<K extends string, V>(cols: Columns<K, V>, row: { [k in K]: string | V }): void {
  for (const k in row) cols[k].push(row[k]);
}

/**
 * The chunk's rows as one JSON array of arrays, for `json_array_elements`: the columns in this order, those
 * in `raw` already JSON text (explanations, signatures). One string parameter instead of an array per column
 * halved a 10k-article write (2.3 s instead of 5.0 s; the client no longer escapes every element of a text
 * array, and the server parses one JSON document instead of array literals). Read as `json`, not `jsonb`, with
 * only the JSON values cast to jsonb: the server then checks the document once and parses each explanation
 * once, instead of building the whole document as one jsonb and copying each value out of it (10k explanations:
 * 0.25-0.27 s instead of 0.66-0.72 s in psql).
 */
function jsonRows<C extends Record<string, unknown[]>>(c: C, columns: (keyof C & string)[], raw: (keyof C & string)[] = []): string {
  const n = c[columns[0]!]!.length;
  const rows = new Array<string>(n);
  const encode = columns.map((k) => (raw.includes(k) ? (v: unknown) => String(v) : (v: unknown) => JSON.stringify(v)));
  for (let i = 0; i < n; i++) {
    let row = "[";
    for (let j = 0; j < columns.length; j++) row += (j ? "," : "") + encode[j]!(c[columns[j]!]![i]);
    rows[i] = row + "]";
  }
  return `[${rows.join(",")}]`;
}

// Rows per statement: big enough that round trips do not matter, small enough for one message.
const ROWS_PER_STATEMENT = 10_000;

function* chunks<C extends Record<string, unknown[]>>(cols: C, size = ROWS_PER_STATEMENT): Generator<C> {
  const first = Object.values(cols)[0];
  const total = first ? first.length : 0;
  for (let i = 0; i < total; i += size) {
    const out = {} as Record<string, unknown[]>;
    for (const k in cols) out[k] = cols[k]!.slice(i, i + size);
    yield out as C;
  }
}

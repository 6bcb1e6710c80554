// Re-clustering is one operation: whatever step of its writing fails, the database is left as it was.
// Session 12 opened its transaction before the placing and sends its statements while it builds the next
// ones, so a failure can come while later statements are queued; these tests make a step fail on the server
// (a trigger) and compare every row and its version (xmin) with what was there before.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "./integration-db";
import { db, disconnectDb } from "@/lib/db/client";
import { ingest } from "@/lib/ingest/ingest-articles";
import { reclusterAll } from "@/lib/ingest/recluster";

withTestDatabase();

const flood = (river: string, town: string, extra: string) =>
  `${river} floods ${town} after record rainfall\n\n` +
  `The ${river} burst its banks in ${town} on Thursday after record rainfall, forcing hundreds of residents from their homes, Mayor Anna Kowalczyk said.\n\n` +
  `Emergency crews evacuated two care homes in ${town} and closed the main bridge over the ${river} as the water kept rising overnight. ${extra}\n\n` +
  `Forecasters warned that more rain was expected in the region over the weekend.`;

const quake = (town: string, extra: string) =>
  `Magnitude 6.1 earthquake strikes near ${town}\n\n` +
  `A magnitude 6.1 earthquake struck near ${town} early on Monday, damaging buildings and cutting power to thousands, the seismological institute said.\n\n` +
  `Rescue teams searched collapsed houses in ${town} through the morning. ${extra}`;

/** Every row the re-cluster writes, with its version: equal before and after means nothing was written. */
const rows = () =>
  db().$queryRaw<{ t: string; id: string; xmin: string; v: string }[]>`
    SELECT 'article' AS t, id, xmin::text, COALESCE("storyId", '-') AS v FROM "Article"
    UNION ALL SELECT 'assignment', "articleId", xmin::text, assignment::text FROM "ArticleAssignment"
    UNION ALL SELECT 'story', id, xmin::text, concat_ws(' ', slug, "articleCount", "mergedIntoId", md5(signature::text), md5(comparison::text)) FROM "Story"
    UNION ALL SELECT 'redirect', "fromSlug", xmin::text, "storyId" FROM "StoryRedirect"
    UNION ALL SELECT 'term', "storyId" || ' ' || term, xmin::text, weight::text FROM "StoryTerm"
    UNION ALL SELECT 'entity', "storyId" || ' ' || "entityId", xmin::text, weight::text FROM "StoryEntity"
    UNION ALL SELECT 'stat', term, xmin::text, df::text FROM "TermStat"
    UNION ALL SELECT 'queue', "articleId", xmin::text, '' FROM "TermStatQueue"
    ORDER BY 1, 2`;

describe("re-clustering", () => {
  it("leaves the database as it was when any step of the writing fails", async () => {
    const ids: string[] = [];
    for (const [i, town] of ["Sandomierz", "Kraków", "Toruń"].entries()) {
      const [r] = await ingest([{ kind: "fields", fields: { text: flood("Vistula", town, `Note ${i}.`), title: null, outlet: `Outlet ${i}`, publishedAt: null } }], {
        source: "API",
      });
      ids.push(r!.articleId!);
    }
    for (const [i, town] of ["Lorca", "Murcia"].entries()) {
      const [r] = await ingest([{ kind: "fields", fields: { text: quake(town, `Report ${i}.`), title: null, outlet: `Outlet ${i}`, publishedAt: null } }], {
        source: "API",
      });
      ids.push(r!.articleId!);
    }
    // A state a re-cluster must change in every table: an article filed in the wrong story, explanations
    // and index rows missing, statistics off.
    const stories = await db().article.findMany({ select: { id: true, storyId: true }, orderBy: { createdAt: "asc" } });
    expect(new Set(stories.map((s) => s.storyId)).size).toBeGreaterThan(1);
    await db().article.update({ where: { id: ids[0]! }, data: { storyId: stories.at(-1)!.storyId } });
    await db().$executeRaw`DELETE FROM "ArticleAssignment"`;
    await db().$executeRaw`DELETE FROM "StoryTerm" WHERE ctid IN (SELECT ctid FROM "StoryTerm" LIMIT 5)`;
    await db().$executeRaw`UPDATE "TermStat" SET df = df + 1`;
    await db().$executeRaw`
      CREATE FUNCTION rc_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('rc_test.fail', true) = TG_TABLE_NAME THEN RAISE EXCEPTION 'rc_test: % refused', TG_TABLE_NAME; END IF;
        RETURN NEW;
      END $$`;
    const tables = ["ArticleAssignment", "Story", "StoryTerm", "TermStat"];
    for (const t of tables) await db().$executeRawUnsafe(`CREATE TRIGGER rc_fail BEFORE INSERT OR UPDATE ON "${t}" FOR EACH ROW EXECUTE FUNCTION rc_fail()`);

    const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const before = await rows();
    // Each table in turn refuses its first write: ArticleAssignment (the first step after the placing), Story
    // (signatures, then the refresh), StoryTerm, TermStat (the last before the refresh).
    for (const t of tables) {
      await db().$executeRawUnsafe(`ALTER DATABASE "${database}" SET rc_test.fail = '${t}'`);
      await disconnectDb(); // new connections read the setting
      await expect(reclusterAll()).rejects.toThrow(`rc_test: ${t} refused`);
      expect(await rows()).toEqual(before);
    }
    // Without the failure the same state is rebuilt: every table changes.
    await db().$executeRawUnsafe(`ALTER DATABASE "${database}" RESET rc_test.fail`);
    await disconnectDb();
    const report = await reclusterAll();
    expect(report.changedArticles).toBeGreaterThan(0);
    const after = await rows();
    for (const t of ["article", "assignment", "story", "term", "stat"]) {
      expect(after.filter((r) => r.t === t), t).not.toEqual(before.filter((r) => r.t === t));
    }
    expect(after.filter((r) => r.t === "assignment")).toHaveLength(ids.length);
  });
});

// npm run stories:recluster – rebuild all stories from scratch in publication order (editors' decisions
// kept, permalinks of surviving stories kept, merged-away stories redirect).
import { openCliDatabase } from "./cli-database";

async function main(): Promise<number> {
  const database = await openCliDatabase();
  if (!database) return 1;
  const { reclusterAll } = await import("@/lib/ingest/recluster");
  const { disconnectDb } = await import("@/lib/db/client");
  try {
    const r = await reclusterAll((done) => process.stderr.write(`\r${done} articles placed`));
    process.stderr.write("\n");
    console.log(
      `${r.articles} articles: ${r.storiesBefore} stories before, ${r.storiesAfter} after ` +
        `(${r.kept} kept their permalink, ${r.created} new, ${r.mergedAway} merged away and redirecting); ` +
        `${r.changedArticles} articles changed story; ${r.seconds.toFixed(1)} s`,
    );
    return 0;
  } catch (e) {
    console.error(`Re-clustering failed, nothing was changed: ${(e as Error).message}`);
    return 1;
  } finally {
    await disconnectDb();
    await database.close();
  }
}

main().then((code) => process.exit(code));

// npm run articles:reextract -- [--all] [--no-recluster]
// Re-extract stored articles from their original bytes with the current extraction (those an older
// EXTRACTION_VERSION made, or all), then re-cluster the stories (lib/ingest/reextract.ts says what is kept).
import { parseArgs } from "node:util";
import { openCliDatabase, progressBar } from "./cli-database";
import { describeStartupError } from "./startup-errors";

const USAGE = `usage: npm run articles:reextract -- [--all] [--no-recluster]
  --all            every article, not only those an older extraction version made
  --no-recluster   skip the re-cluster afterwards (then run \`npm run stories:recluster\` yourself)
Exit code 0 when every article was re-extracted or unchanged, 1 when any failed (each listed with its
reason; it is left as it was), the database failed or the re-cluster failed, 2 for bad arguments.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: false,
      options: { all: { type: "boolean" }, "no-recluster": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const recluster = !args.values["no-recluster"];

  const database = await openCliDatabase();
  if (!database) return 1;
  const { reextractAndRecluster, EXTRACTION_VERSION } = await import("@/lib/ingest/reextract");
  const { disconnectDb } = await import("@/lib/db/client");
  const tty = process.stderr.isTTY;
  const t0 = Date.now();
  let code = 0;
  try {
    console.error(`Re-extracting ${args.values.all ? "every article" : `articles extracted before version ${EXTRACTION_VERSION}`} from their originals…`);
    let reclusterStarted = false;
    const { reextract: r, recluster: rc, reclusterError } = await reextractAndRecluster({
      all: args.values.all,
      recluster,
      onArticle: (o, done, total) => {
        const line = `${o.status.padEnd(11)} /articles/${o.articleId}${o.error ? `: ${o.error.code} – ${o.error.message}` : ""}${o.outletChanged ? " (another outlet)" : ""}`;
        if (tty) process.stderr.write(`\r${progressBar(done, total)}`);
        else console.error(line);
      },
      onReclusterProgress: (placed) => {
        if (!reclusterStarted && tty) process.stderr.write("\n");
        reclusterStarted = true;
        if (tty) process.stderr.write(`\rre-clustering: ${placed} articles placed`);
      },
    });
    if (tty) process.stderr.write("\n");
    console.log(
      `${r.total} article(s): ${r.reextracted} re-extracted, ${r.unchanged} unchanged, ${r.failed} failed; ` +
        `${r.outletsChanged} moved to another outlet (${r.seconds.toFixed(1)} s)`,
    );
    if (r.failures.length) {
      console.log(`Failed (left as they were, still at their old version):`);
      for (const f of r.failures) console.log(`  /articles/${f.articleId}: ${f.error?.code} – ${f.error?.message}`);
      code = 1;
    }
    if (rc) {
      console.log(
        `Re-clustered ${rc.articles} articles: ${rc.storiesBefore} stories before, ${rc.storiesAfter} after ` +
          `(${rc.kept} kept their permalink, ${rc.created} new, ${rc.mergedAway} merged away and redirecting); ` +
          `${rc.changedArticles} articles changed story; ${rc.seconds.toFixed(1)} s`,
      );
    } else if (reclusterError) {
      console.log(`The re-cluster failed and changed nothing (${reclusterError}): run \`npm run stories:recluster\` so that the stories follow the new text and entities.`);
      code = 1;
    } else if (r.reextracted > 0) {
      console.log("Stories were not re-clustered (--no-recluster): run `npm run stories:recluster` so that their signatures and statistics follow the new text and entities.");
    } else {
      console.log("Nothing changed: no re-cluster needed.");
    }
    console.log(`Done in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  } catch (e) {
    if (tty) process.stderr.write("\n");
    console.error(`Re-extraction stopped: ${describeStartupError(e)}\nArticles re-extracted before this stay re-extracted; run the command again to go on.`);
    code = 1;
  } finally {
    await disconnectDb();
    await database.close();
  }
  return code;
}

main().then((code) => process.exit(code));

// npm run ingest -- [--outlet NAME] [--url URL] [--published-at ISO] <files or folders>…
// Ingests through the same code path as the API, with a progress bar and a summary.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openCliDatabase, progressBar } from "./cli-database";
import { savedPageResources } from "@/lib/extract/saved-pages";
import { uploadHintsSchema } from "@/lib/ingest/schemas";
import { describeStartupError } from "./startup-errors";

const USAGE = "usage: npm run ingest -- [--outlet NAME] [--url URL] [--published-at ISO-8601] <files or folders>…";

function collect(target: string, out: string[]): void {
  const st = fs.statSync(target);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(target).sort()) {
      if (!name.startsWith(".")) collect(path.join(target, name), out);
    }
  } else out.push(target);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { outlet: { type: "string" }, url: { type: "string" }, "published-at": { type: "string" }, help: { type: "boolean" } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.positionals.length) {
    console.error(`No files given.\n${USAGE}`);
    return 2;
  }
  const hints = uploadHintsSchema.safeParse({
    outlet: args.values.outlet,
    url: args.values.url,
    publishedAt: args.values["published-at"],
  });
  if (!hints.success) {
    console.error(hints.error.issues.map((i) => `--${String(i.path[0]).replace("publishedAt", "published-at")}: ${i.message}`).join("\n"));
    return 2;
  }
  const files: string[] = [];
  for (const p of args.positionals) {
    if (!fs.existsSync(p)) {
      console.error(`No such file or folder: ${p}`);
      return 2;
    }
    collect(p, files);
  }
  // The "<page>_files" folders that browsers save beside a complete web page hold its frames, scripts and
  // images, not articles.
  const resources = savedPageResources(files);
  if (resources.size) {
    const kept = files.filter((f) => !resources.has(f));
    console.error(`Skipping ${resources.size} file(s) in the resource folders of saved pages ("<page>_files" beside "<page>.html").`);
    files.splice(0, files.length, ...kept);
  }
  if (!files.length) {
    console.error("No article files left to read.");
    return 2;
  }

  const database = await openCliDatabase();
  if (!database) return 1;
  const { ingest } = await import("@/lib/ingest/ingest-articles");
  const { env } = await import("@/lib/config/env");
  const { disconnectDb } = await import("@/lib/db/client");

  const tty = process.stderr.isTTY;
  const counts = { created: 0, duplicate: 0, rejected: 0 };
  const rejected: string[] = [];
  let done = 0;
  try {
    for (const file of files) {
      const bytes = fs.statSync(file).size > env().MAX_UPLOAD_BYTES * 2 ? readHead(file, env().MAX_UPLOAD_BYTES + 1) : fs.readFileSync(file);
      const results = await ingest([{ kind: "file", filename: path.basename(file), bytes: new Uint8Array(bytes) }], {
        source: "CLI",
        maxBytes: env().MAX_UPLOAD_BYTES,
        hints: {
          outlet: hints.data.outlet ?? null,
          url: hints.data.url ?? null,
          publishedAt: hints.data.publishedAt ? new Date(hints.data.publishedAt) : null,
        },
      });
      for (const r of results) {
        counts[r.status]++;
        if (r.status === "rejected") rejected.push(`  ${file}${r.filename?.includes("#") ? ` (${r.filename})` : ""}: ${r.error?.code} – ${r.error?.message}`);
        if (!tty) console.error(`${r.status.padEnd(9)} ${file}${r.articleId ? ` -> /articles/${r.articleId}` : ""}`);
      }
      done++;
      if (tty) process.stderr.write(`\r${progressBar(done, files.length)} ${path.basename(file).slice(0, 40).padEnd(40)}`);
    }
    if (tty) process.stderr.write("\n");
  } catch (e) {
    if (tty) process.stderr.write("\n");
    console.error(describeStartupError(e));
    await disconnectDb();
    await database.close();
    return 1;
  }
  await disconnectDb();
  await database.close();
  console.log(`${files.length} file(s): ${counts.created} created, ${counts.duplicate} duplicate, ${counts.rejected} rejected`);
  if (rejected.length) console.log(`Rejected:\n${rejected.join("\n")}`);
  return counts.rejected > 0 ? 1 : 0;
}

// A 50 MB file is refused for its size; reading just past the limit is enough to say so.
function readHead(file: string, n: number): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(n);
    const read = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

main().then((code) => process.exit(code));

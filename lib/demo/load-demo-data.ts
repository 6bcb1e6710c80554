// The demo story: the seed articles shipped in fixtures/seeds, loaded once through the ordinary
// ingestion path (as an uploader naming each file's outlet would). A restart finds the flag and skips;
// even without it, the content hashes would make a second load report duplicates, never copies.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { ingest, type IngestResult } from "@/lib/ingest/ingest-articles";

const manifestSchema = z.object({
  articles: z.array(z.object({ file: z.string(), outlet: z.string().nullable() })),
});

const FLAG = "demo-data-loaded";

export async function loadDemoData(dir = path.resolve("fixtures/seeds")): Promise<IngestResult[] | null> {
  const done = await db().appState.findUnique({ where: { key: FLAG } });
  if (done) return null;
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")));
  const results: IngestResult[] = [];
  for (const entry of manifest.articles) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, entry.file)));
    results.push(
      ...(await ingest([{ kind: "file", filename: entry.file, bytes, mediaType: "text/plain" }], {
        source: "SEED",
        hints: { outlet: entry.outlet },
      })),
    );
  }
  await db().appState.upsert({
    where: { key: FLAG },
    create: { key: FLAG, value: { at: new Date().toISOString() } },
    update: {},
  });
  return results;
}

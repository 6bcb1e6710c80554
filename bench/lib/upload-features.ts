// The ECB+ articles as an upload of `<id>.txt` files makes them, without a database: the product's
// extraction, duplicate check (same normalised text), entity stage and story features
// (lib/ingest/article-features.ts `uploadFeatures`, which the upload path itself calls). The story
// benchmarks place these, so they measure what uploads get (extracted text, printed dates, derived
// headlines), not the corpus's clean fields.
import { extractFile } from "@/lib/extract";
import { isAppError } from "@/lib/errors";
import { extractedEntities, uploadFeatures } from "@/lib/ingest/article-features";
import { contentHash } from "@/lib/ingest/fingerprint";
import type { ArticleFeatures } from "@/lib/stories";

export interface EcbRow {
  id: string;
  title: string;
  text: string;
  cluster_id: string;
  split: "train" | "dev";
}

export type Upload =
  | { row: EcbRow; kind: "article"; features: ArticleFeatures }
  /** The same text as an earlier row of the same batch: it shares that article's story. */
  | { row: EcbRow; kind: "duplicate"; of: string }
  | { row: EcbRow; kind: "rejected"; code: string };

/** One upload per row, in the given order; duplicates refer to the first row with the same text. */
export function uploadAll(rows: readonly EcbRow[]): Upload[] {
  const byHash = new Map<string, string>();
  return rows.map((row): Upload => {
    let x;
    try {
      [x] = extractFile({ bytes: new TextEncoder().encode(row.text), filename: `${row.id}.txt` });
    } catch (e) {
      if (isAppError(e)) return { row, kind: "rejected", code: e.reason };
      throw e;
    }
    if (!x) return { row, kind: "rejected", code: "NO_ARTICLE" };
    const hash = contentHash(x.body);
    const first = byHash.get(hash);
    if (first) return { row, kind: "duplicate", of: first };
    byHash.set(hash, row.id);
    return { row, kind: "article", features: uploadFeatures(row.id, x, x.publishedAt, extractedEntities(x).entities) };
  });
}

/** The articles to place, in upload order. */
export const articlesOf = (uploads: readonly Upload[]): ArticleFeatures[] =>
  uploads.flatMap((u) => (u.kind === "article" ? [u.features] : []));

/** Row id -> story id for every stored row (a duplicate is in its original's story; rejected rows are not stored). */
export function storiesOfRows(uploads: readonly Upload[], storyOf: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of uploads) {
    if (u.kind === "article") out.set(u.row.id, storyOf.get(u.row.id)!);
    else if (u.kind === "duplicate") out.set(u.row.id, storyOf.get(u.of)!);
  }
  return out;
}

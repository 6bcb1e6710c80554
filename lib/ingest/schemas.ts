// Request shapes for ingestion, validated with zod at the edge (API route, CLI).
import { z } from "zod";

const isoDate = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}/.test(s), "must be an ISO 8601 date, e.g. 2023-09-18T03:27:00Z");

const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const articleFieldsSchema = z
  .object({
    text: z.string().max(5_000_000).optional(),
    html: z.string().max(5_000_000).optional(),
    title: optionalText(500),
    outlet: optionalText(200),
    url: z.string().trim().url("must be an absolute URL").max(2000).nullish(),
    publishedAt: isoDate.nullish(),
    byline: optionalText(300),
  })
  .strict()
  .refine((a) => (a.text && a.text.trim()) || (a.html && a.html.trim()), {
    message: "each article needs a non-empty `text` or `html`",
  });

export type ArticleFields = z.infer<typeof articleFieldsSchema>;

export const MAX_ARTICLES_PER_REQUEST = 100;

/** A batch: each record is validated on its own, so one bad record is rejected without failing the rest. */
export const jsonBatchSchema = z
  .object({ articles: z.array(z.unknown()).min(1, "articles must not be empty").max(MAX_ARTICLES_PER_REQUEST, `at most ${MAX_ARTICLES_PER_REQUEST} articles per request`) })
  .strict();

/** Form fields applied to every file of a multipart upload. */
export const uploadHintsSchema = z.object({
  outlet: optionalText(200),
  url: z.string().trim().url("must be an absolute URL").max(2000).nullish().or(z.literal("").transform(() => null)),
  publishedAt: isoDate.nullish().or(z.literal("").transform(() => null)),
});

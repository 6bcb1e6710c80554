// POST /api/articles – ingest article files (multipart) or article JSON; one result per file.
import { NextResponse, type NextRequest } from "next/server";
import { handle } from "@/lib/api/http";
import { articleSummary } from "@/lib/api/serialize";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/config/env";
import { ingest, type IngestInput, type IngestResult } from "@/lib/ingest/ingest-articles";
import { articleFieldsSchema, jsonBatchSchema, MAX_ARTICLES_PER_REQUEST, uploadHintsSchema } from "@/lib/ingest/schemas";
import { articlesByIds } from "@/lib/db/article-queries";
import { publicOrigin } from "@/lib/site";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A request may carry up to 100 files of the per-file limit; past this it is refused before parsing.
const MAX_FILES = MAX_ARTICLES_PER_REQUEST;

export const POST = handle(async (req: NextRequest) => {
  const maxBytes = env().MAX_UPLOAD_BYTES;
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const declaredLength = Number(req.headers.get("content-length") ?? 0);
  if (declaredLength > maxBytes * MAX_FILES + 1_000_000) {
    throw new AppError("TOO_LARGE", "REQUEST_TOO_LARGE", `The request is ${declaredLength} bytes; the limit is ${MAX_FILES} files of ${maxBytes} bytes each.`);
  }

  let inputs: IngestInput[];
  let hints = {};
  let source: "API" | "WEB" = "API";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("INVALID_INPUT", "MALFORMED_MULTIPART", "The multipart body could not be read.");
    }
    const parsedHints = uploadHintsSchema.parse({
      outlet: strOrNull(form.get("outlet")),
      url: strOrNull(form.get("url")),
      publishedAt: strOrNull(form.get("publishedAt")),
    });
    hints = {
      outlet: parsedHints.outlet ?? null,
      url: parsedHints.url ?? null,
      publishedAt: parsedHints.publishedAt ? new Date(parsedHints.publishedAt) : null,
    };
    if (form.get("source") === "web") source = "WEB";
    const files = form.getAll("file").filter((f): f is File => typeof f !== "string");
    if (!files.length) throw new AppError("INVALID_INPUT", "NO_FILES", "Send one or more `file` parts.");
    if (files.length > MAX_FILES) {
      throw new AppError("TOO_LARGE", "TOO_MANY_FILES", `At most ${MAX_FILES} files per request; got ${files.length}.`);
    }
    inputs = await Promise.all(
      files.map(async (f) => ({
        kind: "file" as const,
        filename: f.name || null,
        mediaType: f.type || null,
        bytes: f.size > maxBytes ? new Uint8Array(await f.slice(0, maxBytes + 1).arrayBuffer()) : new Uint8Array(await f.arrayBuffer()),
      })),
    );
  } else if (type.startsWith("application/json")) {
    let body: unknown;
    try {
      body = await req.json();
    } catch (e) {
      throw new AppError("INVALID_INPUT", "INVALID_JSON", `The JSON body is invalid: ${(e as Error).message}`);
    }
    if (body && typeof body === "object" && "articles" in body) {
      inputs = jsonBatchSchema.parse(body).articles.map((record, i) => {
        const parsed = articleFieldsSchema.safeParse(record);
        if (parsed.success) return { kind: "fields" as const, fields: parsed.data };
        const why = parsed.error.issues.map((iss) => (iss.path.length ? `${iss.path.join(".")}: ${iss.message}` : iss.message)).join("; ");
        return { kind: "invalid" as const, error: new AppError("INVALID_INPUT", "INVALID_RECORD", `articles[${i}]: ${why}`) };
      });
    } else {
      inputs = [{ kind: "fields" as const, fields: articleFieldsSchema.parse(body) }];
    }
  } else {
    throw new AppError(
      "UNSUPPORTED",
      "UNSUPPORTED_CONTENT_TYPE",
      `Content-Type ${type || "(none)"} is not supported; send multipart/form-data with \`file\` parts or application/json.`,
    );
  }

  const results = await ingest(inputs, { source, hints, maxBytes });
  return NextResponse.json(
    { results: await present(results, await publicOrigin()) },
    // 201 when anything was stored; 422 when nothing could be (every file empty, unreadable or refused: the
    // request was well formed, its content was not), with each file's reason; 200 for duplicates only.
    { status: results.some((r) => r.status === "created") ? 201 : results.every((r) => r.status === "rejected") ? 422 : 200 },
  );
});

function strOrNull(v: FormDataEntryValue | null): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

async function present(results: IngestResult[], origin: string) {
  const ids = results.map((r) => r.articleId).filter((id): id is string => Boolean(id));
  const articles = new Map((await articlesByIds(ids)).map((a) => [a.id, a]));
  return results.map((r) => {
    const a = r.articleId ? articles.get(r.articleId) : undefined;
    return {
      ...(r.filename !== undefined ? { filename: r.filename } : {}),
      status: r.status,
      ...(a ? { article: articleSummary(origin, a) } : {}),
      ...(r.error ? { error: r.error } : {}),
    };
  });
}

// The one place where errors become HTTP responses. Route handlers throw AppError (or let zod and the
// database throw); `handle` maps codes to statuses and never leaks a stack trace.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNPROCESSABLE: 422,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  UNSUPPORTED: 415,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}

export function errorBody(code: string, message: string, extra?: Record<string, unknown>) {
  return { error: { code, message, ...extra } };
}

/** The last meaningful line of an error message (Prisma's start with blank lines and a call site). */
export function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? "unknown error";
}

/** A failure to reach PostgreSQL (503, "try again"), as opposed to a bug (500). */
export function isDatabaseDown(e: unknown): boolean {
  const text = `${(e as Error)?.message ?? ""} ${(e as { code?: string })?.code ?? ""}`;
  return /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|Connection terminated|connect ECONN|Can't reach database server|P1001|the database system is (starting|shutting)/i.test(text) &&
    !(e instanceof AppError);
}

export function errorResponse(e: unknown): NextResponse {
  if (e instanceof AppError) {
    return NextResponse.json(errorBody(e.reason, e.message), { status: STATUS[e.code] });
  }
  if (e instanceof ZodError) {
    const message = e.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    return NextResponse.json(errorBody("INVALID_INPUT", message), { status: 400 });
  }
  if (isDatabaseDown(e)) {
    log.error("database unavailable", { error: String((e as Error)?.message ?? e) });
    return NextResponse.json(errorBody("DATABASE_UNAVAILABLE", "The database is not reachable; try again shortly."), {
      status: 503,
    });
  }
  const id = crypto.randomUUID().slice(0, 8);
  log.error("unexpected error", { id, error: e instanceof Error ? e.stack : String(e) });
  return NextResponse.json(errorBody("INTERNAL", `Something went wrong on our side (error id ${id}).`), {
    status: 500,
  });
}

/** Wrap a route handler so every failure goes through errorResponse. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

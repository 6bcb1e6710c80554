// /api/health and the API's error mapping when the database is down: a 503 with the reason, never a
// stack trace. Points the client at a closed port; no server is needed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { errorResponse } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { db, disconnectDb } from "@/lib/db/client";

const saved = process.env.DATABASE_URL;
beforeAll(() => {
  process.env.DATABASE_URL = "postgresql://nobody:x@127.0.0.1:1/none";
});
afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = saved;
});

describe("when the database is unreachable", () => {
  it("health answers 503 with the reason", async () => {
    const res = await health();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ status: "error", database: "unavailable" });
    expect(body.reason).toMatch(/reach|ECONNREFUSED|connect/i);
  });

  it("an API error from a failed query is a 503 without internals", async () => {
    const failure = await db().$queryRaw`SELECT 1`.catch((e: unknown) => e);
    const res = errorResponse(failure);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.code).toBe("DATABASE_UNAVAILABLE");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("typed errors map to their statuses in one place", async () => {
    const cases: [AppError, number][] = [
      [new AppError("INVALID_INPUT", "X", "bad"), 400],
      [new AppError("NOT_FOUND", "X", "missing"), 404],
      [new AppError("TOO_LARGE", "X", "big"), 413],
      [new AppError("UNSUPPORTED", "X", "type"), 415],
      [new AppError("UNPROCESSABLE", "X", "unusable"), 422],
    ];
    for (const [e, status] of cases) expect(errorResponse(e).status).toBe(status);
    const internal = errorResponse(new Error("secret internals"));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(await internal.json())).not.toContain("secret internals");
  });
});

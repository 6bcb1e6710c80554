import { afterEach, describe, expect, it } from "vitest";
import { describeStartupError } from "./startup-errors";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("describeStartupError", () => {
  it("names DATABASE_URL (password hidden) when that server cannot be reached", () => {
    process.env.DATABASE_URL = "postgresql://app:secret@db.internal:5432/parallax";
    const msg = describeStartupError(Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:5432"), { code: "ECONNREFUSED" }));
    expect(msg).toMatch(/^Cannot reach the PostgreSQL server at DATABASE_URL/);
    expect(msg).toContain("***");
    expect(msg).not.toContain("secret");
  });
  it("names the data folder when the embedded server is used", () => {
    delete process.env.DATABASE_URL;
    const msg = describeStartupError(new Error("The embedded PostgreSQL under /x did not start: boom"));
    expect(msg).toContain(".data/postgres");
    expect(msg).toContain("set DATABASE_URL");
  });
});

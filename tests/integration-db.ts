// Per-file database for integration tests: cloned from the migrated template (fast, isolated), pointed
// to by DATABASE_URL so the code under test uses its ordinary client, dropped after the file.
import { afterAll, beforeAll, inject } from "vitest";
import pg from "pg";
import { disconnectDb } from "@/lib/db/client";

export function withTestDatabase(): void {
  const admin = inject("adminDatabaseUrl");
  const template = inject("templateDatabase");
  const name = `parallax_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    process.env.DATABASE_URL = u.toString();
  });
  afterAll(async () => {
    await disconnectDb();
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
}

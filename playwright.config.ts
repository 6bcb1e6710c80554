import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download its own browsers on these machines: use Debian's Chromium when it is there,
// Playwright's own browser where that is installed instead.
const debianChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const launchOptions = {
  ...(debianChromium ? { executablePath: debianChromium } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results/e2e",
  timeout: 30_000,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, launchOptions, trace: "retain-on-failure" },
  projects: [
    { name: "api", testMatch: /.*\.api\.spec\.ts/ },
    { name: "desktop", testMatch: /.*\.ui\.spec\.ts/, use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", testMatch: /.*\.phone\.spec\.ts/, use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: {
    // A fresh embedded database for every run: the app starts exactly as `npm start` does on a clean clone.
    command: "rm -rf .data/e2e && tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "pipe",
    env: { PORT: String(PORT), PARALLAX_DATA_DIR: ".data/e2e", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
  },
});

// The story page at scale: server render time of a 20-article story with ~100,000 articles stored,
// next to the 2-article demo story rendered by the same server in the same run, and the JavaScript the
// page sends to the browser (gzipped). Builds the app (`next build`) and runs it on its own port against
// a throwaway database.
//
//   npm run bench:story-page            # 100,000 filler articles
//   npm run bench:story-page -- 10000   # fewer
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { db } from "@/lib/db/client";
import { loadDemoData } from "@/lib/demo/load-demo-data";
import { mergeStories } from "@/lib/editor/story-edits";
import { ingest } from "@/lib/ingest/ingest-articles";
import { articleVector, InMemoryStoryStore, updateSignature, type StorySignature } from "@/lib/stories";
import { freshBenchDatabase, percentile } from "./lib/bench-db";
import { bulkLoad } from "./lib/bulk-load";
import { generateCorpus } from "./synthetic-corpus";

// PORT lets parallel runs (other worktrees, other benches) use their own.
const PORT = Number(process.env.PORT ?? 3210);
const RUNS = 40;

async function storySlugOf(articleId: string): Promise<string> {
  const a = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { story: { select: { slug: true } } } });
  return a.story!.slug;
}

async function timeGet(path: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}${path}`);
    await res.text();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    out.push(performance.now() - t);
  }
  return out;
}

/** Inline scripts that are JavaScript (not JSON data blocks such as __NEXT_DATA__ or ld+json). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script((?:(?!\bsrc=)[^>])*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\btype="(?!module|text\/javascript)[^"]*"/i.test(m[1]!))
    .map((m) => m[2]!)
    .filter((body) => body.trim() !== "");
}

/**
 * The JavaScript a page makes the browser download or run: its module script files (nomodule polyfills
 * are skipped by such browsers) plus its inline scripts (the app router's RSC payload, the story page's
 * own script), each gzipped on its own, which is never less than they cost inside the gzipped HTML.
 */
async function scriptWeight(html: string): Promise<{ scripts: string[]; raw: number; gz: number; inlineGz: number; total: number }> {
  const scripts = [
    ...new Set(
      [...html.matchAll(/<script([^>]*)>/g)]
        .filter((m) => !/\bnomodule\b/i.test(m[1]!))
        .map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])
        .filter((src): src is string => Boolean(src)),
    ),
  ];
  let raw = 0;
  let gz = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(`http://127.0.0.1:${PORT}${src}`)).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  const inline = inlineScripts(html);
  const inlineGz = inline.length ? gzipSync(Buffer.from(inline.join("\n")), { level: 9 }).length : 0;
  return { scripts, raw, gz, inlineGz, total: gz + inlineGz };
}

/**
 * What Chromium actually downloads as JavaScript by the time the page is quiet: the script files plus
 * anything fetched after load (code of routes that visible links prefetch), and the inline scripts of
 * the final document.
 */
async function browserScriptWeight(path: string): Promise<{ files: number; gz: number; inlineGz: number }> {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    const bodies: Promise<number>[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() === "script") bodies.push(res.body().then((b) => gzipSync(b, { level: 9 }).length));
    });
    await page.goto(`http://127.0.0.1:${PORT}${path}`, { waitUntil: "networkidle" });
    // Prefetches start after hydration, when links scroll into view or the browser is idle.
    await page.waitForTimeout(2000);
    const sizes = await Promise.all(bodies);
    const inline = inlineScripts(await page.content());
    const inlineGz = inline.length ? gzipSync(Buffer.from(inline.join("\n")), { level: 9 }).length : 0;
    return { files: sizes.length, gz: sizes.reduce((a, b) => a + b, 0), inlineGz };
  } finally {
    await browser.close();
  }
}

async function main() {
  const filler = Number(process.argv[2] ?? 100_000);
  const bench = await freshBenchDatabase("parallax_bench_page");

  // The measured story: 20 real articles of one ECB+ event through the upload path, made one story.
  const lines = fs.readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").split("\n").filter(Boolean);
  const records = lines.map((l) => JSON.parse(l) as { id: string; title: string; text: string; cluster_id: string });
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.cluster_id, (counts.get(r.cluster_id) ?? 0) + 1);
  const cluster = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const twenty = records.filter((r) => r.cluster_id === cluster).slice(0, 20);
  const results = await ingest(
    twenty.map((r, i) => ({ kind: "fields" as const, fields: { text: r.text, title: r.title, outlet: `Outlet ${i + 1}` } })),
    { source: "CLI" },
  );
  const ids = results.map((r) => r.articleId!).filter(Boolean);
  const slugs = [...new Set(await Promise.all(ids.map(storySlugOf)))];
  let target = slugs[0]!;
  for (const other of slugs.slice(1)) target = (await mergeStories(other, target)).slug;
  const big = await db().story.findUniqueOrThrow({ where: { slug: target } });
  // Filler, loaded after the measured story so none of it can join that story: synthetic articles in
  // their generated stories.
  const t0 = Date.now();
  const corpus = generateCorpus({ articles: filler, seed: 11 });
  const memory = new InMemoryStoryStore();
  const stories = new Map<string, { id: string; sig: StorySignature }>();
  const storyOf = new Map<string, string>();
  for (const a of corpus) {
    const vec = articleVector(a, memory.stats());
    const prev = stories.get(a.storyKey);
    const s = { id: prev?.id ?? `f${stories.size.toString(36).padStart(9, "0")}`, sig: updateSignature(prev?.sig ?? null, vec) };
    stories.set(a.storyKey, s);
    storyOf.set(a.id, s.id);
  }
  for (let i = 0; i < corpus.length; i += 10_000) await bulkLoad(corpus.slice(i, i + 10_000), stories, storyOf);
  console.log(`filler: ${corpus.length} articles in ${stories.size} stories loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s; database ${await bench.size()}`);

  const demo = await loadDemoData();
  const demoSlug = await storySlugOf(demo![0]!.articleId!);
  console.log(`measured story: ${big.articleCount} articles (${slugs.length} stories merged by the editor path); demo story: 2 articles`);

  // Production server, always freshly built: a build older than the sources would report the old bundle.
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    // Without the start-up background work (instrumentation.ts): the bulk-loaded filler stories carry no
    // comparison, so a started server would compare all of them again while the pages are being timed
    // (session 11: 78.8 ms p50 for the 20-article page, 4.6 ms of it rendering).
    env: { ...process.env, DATABASE_URL: bench.url, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", PARALLAX_WARM_START: "0" },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await timeGet(`/stories/${target}`, 5);
    await timeGet(`/stories/${demoSlug}`, 5);
    const bigTimes = await timeGet(`/stories/${target}`, RUNS);
    const demoTimes = await timeGet(`/stories/${demoSlug}`, RUNS);

    const html = await (await fetch(`http://127.0.0.1:${PORT}/stories/${target}`)).text();
    const page = await scriptWeight(html);
    // The floor of the app router: what any of its pages sends (a 404 page: layout and framework only).
    const floor = await scriptWeight(await (await fetch(`http://127.0.0.1:${PORT}/no-such-page`)).text());
    const inBrowser = await browserScriptWeight(`/stories/${target}`);
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log("\npage                               | server render p50 ms  p95 ms | HTML KB");
    console.log(`20-article story (${String(filler).padStart(6)} stored) |              ${percentile(bigTimes, 50).toFixed(1).padStart(6)}  ${percentile(bigTimes, 95).toFixed(1).padStart(6)} | ${(html.length / 1024).toFixed(0)}`);
    const demoHtml = await (await fetch(`http://127.0.0.1:${PORT}/stories/${demoSlug}`)).text();
    console.log(`2-article demo story (baseline)    |              ${percentile(demoTimes, 50).toFixed(1).padStart(6)}  ${percentile(demoTimes, 95).toFixed(1).padStart(6)} | ${(demoHtml.length / 1024).toFixed(0)}`);
    console.log(`\nJavaScript sent by the story page: ${kb(page.total)} KB gzipped = ${page.scripts.length} files (${(page.raw / 1024).toFixed(0)} KB raw, ${kb(page.gz)} KB gzipped) + ${kb(page.inlineGz)} KB gzipped inline`);
    console.log(`app router floor (404 page, same build):  ${kb(floor.total)} KB gzipped = ${floor.scripts.length} files (${(floor.raw / 1024).toFixed(0)} KB raw, ${kb(floor.gz)} KB gzipped) + ${kb(floor.inlineGz)} KB gzipped inline`);
    console.log(`run by Chromium until the network is idle (story page, prefetches included): ${kb(inBrowser.gz + inBrowser.inlineGz)} KB gzipped = ${inBrowser.files} files (${kb(inBrowser.gz)} KB) + ${kb(inBrowser.inlineGz)} KB inline`);
    // Search over the same database: the measured story's leading entity (many matches through the
    // entity join), two words, and a word that matches nothing (every scan runs to its end).
    const lead = (big.topEntities as { name?: string }[])[0]?.name ?? big.title.split(" ")[0]!;
    console.log("\nsearch (GET /api/search)           |              p50 ms  p95 ms | stories found");
    for (const q of [lead, `${lead} ${big.title.split(" ").at(-1)}`, "zzqxv"]) {
      const path = `/api/search?q=${encodeURIComponent(q)}`;
      await timeGet(path, 3);
      const times = await timeGet(path, RUNS);
      const found = ((await (await fetch(`http://127.0.0.1:${PORT}${path}`)).json()) as { stories: unknown[] }).stories.length;
      console.log(`${JSON.stringify(q).slice(0, 34).padEnd(34)} |              ${percentile(times, 50).toFixed(1).padStart(6)}  ${percentile(times, 95).toFixed(1).padStart(6)} | ${found}`);
    }
    console.log(`load average: ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`);
  } finally {
    server.kill("SIGTERM");
    await bench.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });

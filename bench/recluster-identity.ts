// What a re-cluster decides, without a database: the synthetic corpus placed in publication order through
// the same calls as `reclusterAll` (placeArticle, then InMemoryStoryStore.add), as digests of every article's
// explanation and story and of every story's signature, plus the placing time. Two versions of the
// placement code decide identically when their digests are equal.
//
//   npx tsx bench/recluster-identity.ts 10000
import { createHash } from "node:crypto";
import { InMemoryStoryStore, placeArticle } from "@/lib/stories";
import { generateCorpus } from "./synthetic-corpus";

async function main() {
  const n = Number(process.argv[2] ?? 10_000);
  const corpus = generateCorpus({ articles: n, seed: 11 });
  // reclusterAll's order: publication date, then id (every synthetic article is dated).
  const ordered = corpus
    .map((a) => ({ ...a }))
    .sort((a, b) => (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const store = new InMemoryStoryStore();
  const articles = createHash("md5");
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (const a of ordered) {
    const { assignment, vector } = await placeArticle(a, store);
    const label = store.add(a, vector, assignment.storyId);
    articles.update(`${a.id} ${label} ${JSON.stringify(assignment)}\n`);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const stories = createHash("md5");
  const ids = new Set<string>();
  for (const a of ordered) ids.add(store.storyOf(a.id)!);
  for (const id of [...ids].sort()) {
    const s = store.story(id)!;
    stories.update(`${id} ${s.articleIds.join(",")} ${JSON.stringify(s.signature)}\n`);
  }
  console.log(
    `${n} articles placed in ${seconds.toFixed(1)} s (${(n / seconds).toFixed(0)}/s; process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ` +
      `its garbage collector's threads included), ${ids.size} stories; ` +
      `digest of articles (id, story, explanation) ${articles.digest("hex")}; of stories (id, articles, signature) ${stories.digest("hex")}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// The thread behind `ArticlePreparer` (prepare.ts): works out `prepareArticle` for batches of articles.
import { parentPort } from "node:worker_threads";
import { prepareArticle } from "./vector";
import { packBatch } from "./prepare";
import type { ArticleFeatures } from "./types";

parentPort!.on("message", ({ id, articles }: { id: number; articles: Pick<ArticleFeatures, "title" | "body" | "entities">[] }) => {
  const prepared = packBatch(articles.map((a) => prepareArticle(a)));
  parentPort!.postMessage({ id, prepared }, [prepared.weights.buffer, prepared.sizes.buffer, prepared.raw.buffer]);
});

// Preparing articles on another core. What an article's vector needs from its text alone (tokenising, term
// counts, log term frequencies, entity weights, dates: `prepareArticle`) depends on no statistics and no
// story, so a long run of placements (a re-cluster) has it worked out in a worker thread a batch ahead while
// the main thread places the batch before. The worker's results are handed to the article objects
// (`attachPrepared`), so placement reads the same values it would compute itself.
//
// The worker runs this directory's TypeScript through tsx when this module is itself TypeScript (tsx, vitest);
// where it cannot start (a bundle without the worker file), every batch is prepared in this thread instead.
import { Worker } from "node:worker_threads";
import { prepareArticle, attachPrepared, type PreparedArticle } from "./vector";
import type { ArticleFeatures, SparseVector } from "./types";

/**
 * A batch of prepared articles as flat arrays: cloning a few arrays between threads is far cheaper than
 * cloning thousands of records (each key a property to rebuild). Per article, four parts (terms in
 * first-occurrence order, which is also `PreparedArticle.terms`; headline terms; entities; dates), each as
 * `sizes` keys in `keys` with their weights; `raw` marks log term frequencies left unpruned (bit 0: terms,
 * bit 1: headline terms).
 */
export interface PackedBatch {
  keys: string[];
  weights: Float64Array<ArrayBuffer>;
  sizes: Int32Array<ArrayBuffer>;
  raw: Uint8Array<ArrayBuffer>;
}

const PARTS = 4;

export function packBatch(prepared: PreparedArticle[]): PackedBatch {
  const keys: string[] = [];
  const weights: number[] = [];
  const sizes = new Int32Array(prepared.length * PARTS);
  const raw = new Uint8Array(prepared.length);
  const put = (order: readonly string[], rec: SparseVector) => {
    for (const k of order) {
      keys.push(k);
      // A key that is not an own property ("__proto__") is put as NaN, which assigning back ignores too.
      weights.push(Object.hasOwn(rec, k) ? rec[k]! : NaN);
    }
    return order.length;
  };
  prepared.forEach((p, i) => {
    sizes[i * PARTS] = put(p.terms, p.termTf.weights);
    sizes[i * PARTS + 1] = put(Object.keys(p.titleTf.weights), p.titleTf.weights);
    sizes[i * PARTS + 2] = put(Object.keys(p.entities), p.entities);
    sizes[i * PARTS + 3] = put(Object.keys(p.dates), p.dates);
    raw[i] = (p.termTf.final ? 0 : 1) | (p.titleTf.final ? 0 : 2);
  });
  return { keys, weights: Float64Array.from(weights), sizes, raw };
}

/** `packBatch`'s articles again: the same keys, weights and key order. */
export function unpackBatch(b: PackedBatch): PreparedArticle[] {
  const out: PreparedArticle[] = [];
  let at = 0;
  const take = (n: number): [string[], SparseVector] => {
    const ks = b.keys.slice(at, at + n);
    const rec: SparseVector = {};
    for (let i = 0; i < n; i++) rec[ks[i]!] = b.weights[at + i]!;
    at += n;
    return [ks, rec];
  };
  for (let i = 0; i < b.raw.length; i++) {
    const [terms, termTf] = take(b.sizes[i * PARTS]!);
    const titleTf = take(b.sizes[i * PARTS + 1]!)[1];
    const entities = take(b.sizes[i * PARTS + 2]!)[1];
    const dates = take(b.sizes[i * PARTS + 3]!)[1];
    out.push({
      terms,
      termTf: { weights: termTf, final: (b.raw[i]! & 1) === 0 },
      titleTf: { weights: titleTf, final: (b.raw[i]! & 2) === 0 },
      entities,
      dates,
    });
  }
  return out;
}

type Pending = { resolve: (p: PackedBatch) => void; reject: (e: unknown) => void };

export class ArticlePreparer {
  private worker: Worker | null = null;
  private failed = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  /** `inThread`: never start a worker (the same results, on this thread). */
  constructor(private readonly options: { inThread?: boolean } = {}) {}

  /** Works out every article's prepared parts (in the worker when it runs) and hands them to the articles. */
  async prepare(articles: ArticleFeatures[]): Promise<void> {
    const worker = this.start();
    if (worker) {
      try {
        const prepared = unpackBatch(await this.ask(worker, articles));
        articles.forEach((a, i) => attachPrepared(a, prepared[i]!));
        return;
      } catch {
        this.stop(); // prepared here from now on
      }
    }
    for (const a of articles) attachPrepared(a, prepareArticle(a));
  }

  /** Ends the worker; `prepare` may start another. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) {
      w.removeAllListeners();
      await w.terminate();
    }
  }

  private start(): Worker | null {
    if (this.worker || this.failed || this.options.inThread) return this.worker;
    try {
      const worker = workerOf();
      // Held only while it owes an answer: a caller that forgets `close` still exits.
      worker.unref();
      worker.on("message", ({ id, prepared }: { id: number; prepared: PackedBatch }) => {
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
        p?.resolve(prepared);
      });
      const fail = (e: unknown) => {
        this.failed = true;
        if (this.worker === worker) this.worker = null;
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      };
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`article preparer exited (${code})`)));
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private stop(): void {
    this.failed = true;
    void this.close();
  }

  private ask(worker: Worker, articles: ArticleFeatures[]): Promise<PackedBatch> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      // Only what preparing reads crosses to the worker.
      worker.postMessage({ id, articles: articles.map(({ title, body, entities }) => ({ title, body, entities })) });
    });
  }
}

function workerOf(): Worker {
  const file = new URL(import.meta.url.endsWith(".ts") ? "./prepare-worker.ts" : "./prepare-worker.js", import.meta.url);
  if (file.pathname.endsWith(".js")) return new Worker(file);
  // TypeScript source: the worker loads it through tsx's loader (workers do not inherit the parent's hooks).
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `const { tsImport } = await import(${JSON.stringify(api)}); await tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

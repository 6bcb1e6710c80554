// Word-vector similarity between two sentences' predicates (their non-name content words), for claims
// told in different words: "a cop pulled the driver over" / "a police officer arrested him".
//
// - Soft coverage: each word of one sentence is matched to its closest word in the other (1 for the same
//   stem, else the rescaled cosine of their vectors), IDF-weighted and averaged, in both directions, as
//   BERTScore does with contextual vectors.
// - Sentence cosine: the cosine of the IDF-weighted sums of the words' unit vectors.

import type { SentenceFeatures } from "./features";
import type { WordVectors } from "./word-vectors";

// GloVe cosines of unrelated words are often 0.3-0.5 ("car"/"table" 0.32); below this a word match counts
// nothing, above it scales linearly to 1.
export const COSINE_FLOOR = 0.5;

export interface SemanticSentence {
  dimensions: number;
  /** Unit vectors of the words, row after row (zeros for words without a vector). */
  vectors: Float32Array;
  weights: Float64Array;
  stems: string[];
  totalWeight: number;
  /** Unit-length IDF-weighted mean of the word vectors; empty when no word has a vector. */
  mean: Float32Array;
}

export function semanticSentences(features: SentenceFeatures[], idf: Map<string, number>, vectors: WordVectors): SemanticSentence[] {
  const dims = vectors.dimensions;
  return features.map((f) => {
    const words = f.predicateWords;
    const out = new Float32Array(words.length * dims);
    const weights = new Float64Array(words.length);
    const mean = new Float32Array(dims);
    let total = 0;
    let any = false;
    words.forEach(({ word, stem }, k) => {
      const w = idf.get(stem) ?? 0;
      weights[k] = w;
      total += w;
      const v = vectors.get(word);
      if (!v) return;
      any = true;
      out.set(v, k * dims);
      for (let d = 0; d < dims; d++) mean[d]! += w * v[d]!;
    });
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += mean[d]! * mean[d]!;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let d = 0; d < dims; d++) mean[d]! /= norm;
    return { dimensions: dims, vectors: out, weights, stems: words.map((w) => w.stem), totalWeight: total, mean: any && norm > 0 ? mean : new Float32Array(0) };
  });
}

export function meanCosine(a: SemanticSentence, b: SemanticSentence): number {
  if (a.mean.length === 0 || b.mean.length === 0) return 0;
  let s = 0;
  for (let d = 0; d < a.mean.length; d++) s += a.mean[d]! * b.mean[d]!;
  return Math.max(0, s);
}

// Reused: best match of each word of the second sentence, filled while scanning the first.
let bestB = new Float64Array(64);

/** IDF-weighted soft coverage of each sentence by the other: [a by b, b by a], each 0..1. */
export function softCoverage(a: SemanticSentence, b: SemanticSentence, out: Float64Array): void {
  const dims = a.dimensions;
  out[0] = 0;
  out[1] = 0;
  if (a.totalWeight === 0 || b.totalWeight === 0) return;
  const nb = b.weights.length;
  if (bestB.length < nb) bestB = new Float64Array(nb * 2);
  bestB.fill(0, 0, nb);
  let coveredA = 0;
  for (let i = 0; i < a.weights.length; i++) {
    let bestA = 0;
    for (let j = 0; j < nb; j++) {
      let sim: number;
      if (a.stems[i] === b.stems[j]) sim = 1;
      else {
        let dot = 0;
        const x = i * dims, y = j * dims;
        for (let d = 0; d < dims; d++) dot += a.vectors[x + d]! * b.vectors[y + d]!;
        sim = dot <= COSINE_FLOOR ? 0 : (dot - COSINE_FLOOR) / (1 - COSINE_FLOOR);
      }
      if (sim > bestA) bestA = sim;
      if (sim > bestB[j]!) bestB[j] = sim;
    }
    coveredA += a.weights[i]! * bestA;
  }
  let coveredB = 0;
  for (let j = 0; j < nb; j++) coveredB += b.weights[j]! * bestB[j]!;
  out[0] = coveredA / a.totalWeight;
  out[1] = coveredB / b.totalWeight;
}

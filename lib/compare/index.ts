// Story comparison: lay a story's articles side by side at the level of claims and words.
// Pure and deterministic: the same input (and `previous`) gives the same JSON.

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { alignSentences, DEFAULT_ALIGN, makeScorer, type AlignParams } from "./align";
import { findHedges } from "./attribution";
import { citationRows, sentenceAttributions, type SentenceAttribution } from "./citations";
import { descriptorRows } from "./descriptors";
import { diffWords } from "./diff";
import { groupEntities } from "./entity-groups";
import { sentenceFeatures, storyIdf, type SentenceFeatures } from "./features";
import { claimGaps, entityGaps } from "./gaps";
import { bodySentences, type BodySentence } from "./segment";
import { claimId, sentenceKey } from "./stable-id";
import type { Claim, ClaimSentence, CompareArticle, Hedge, StoryComparison } from "./types";

export type * from "./types";
export { DEFAULT_ALIGN, type AlignParams } from "./align";
export { bodySentences } from "./segment";
export { diffWords } from "./diff";

const mentionSchema = z.object({
  field: z.enum(["title", "body"]),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  surface: z.string(),
  descriptor: z.string().nullable(),
});

export const compareArticleSchema = z.object({
  id: z.string().min(1),
  outlet: z.object({ id: z.string(), name: z.string() }).nullable(),
  title: z.string(),
  titleDerived: z.boolean(),
  body: z.string(),
  publishedAt: z.string().nullable(),
  entities: z.array(
    z.object({
      key: z.string().min(1),
      name: z.string(),
      type: z.enum(["PERSON", "ORGANIZATION", "PLACE", "OTHER"]),
      mentions: z.array(mentionSchema),
    }),
  ),
});

// A sentence among its article's first three is in the lead. For the central claim an outlet that carries a
// claim further down counts a quarter of one that leads with it: details every outlet repeats in the body
// ("Ford finished his career in 1978 with 2,290 points", "Qeshm is the biggest island in the gulf", a
// bonus of 1.5 outlets for a lead before) outnumbered the event they led with in ECB+ stories.
const LEAD_SENTENCES = 3;
const BODY_WEIGHT = 0.25;

// Fragments left by the splitter ("6 - million) booty.") and datelines are not claims.
const MIN_CLAIM_WORDS = 4;

function storyOrder(articles: CompareArticle[]): CompareArticle[] {
  const time = (a: CompareArticle) => {
    const t = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
    return Number.isNaN(t) ? Infinity : t;
  };
  return articles
    .map((a, i) => ({ a, i }))
    .sort((x, y) => time(x.a) - time(y.a) || x.i - y.i)
    .map((x) => x.a);
}

function validated(input: CompareArticle[]): CompareArticle[] {
  const parsed = z.array(compareArticleSchema).safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "INVALID_COMPARE_INPUT", "Articles to compare are malformed", parsed.error.issues);
  const ids = new Set<string>();
  for (const a of parsed.data) {
    if (ids.has(a.id)) throw new AppError("INVALID_INPUT", "DUPLICATE_ARTICLE", `Article ${a.id} is listed twice`);
    ids.add(a.id);
  }
  // A mention outside its field cannot be shown; drop it rather than fail the whole story page.
  return parsed.data.map((a) => ({
    ...a,
    entities: a.entities.map((e) => ({
      ...e,
      mentions: e.mentions.filter((m) => m.end > m.start && m.end <= (m.field === "body" ? a.body.length : a.title.length)),
    })),
  }));
}

/**
 * Raised whenever a change to this engine changes what it computes for the same articles, so stored
 * comparisons made before it are computed again (lib/ingest/recompare.ts). 2 (session 10): a clause
 * around an attribution verb is no cited source; a pronoun speaker is never a name inside quotation marks
 * nor a person whose first name is of the other gender. 3 (session 11): sentences sharing a single stem are
 * never aligned, and contractions ("don't") are not content; the forms of one person's name ("Fred LaRue",
 * "Frederick C. LaRue") are one row; no adverbial ("for the Republicans to recapture ... states"), no
 * "added" with an object and no bare quantifier ("All have denied it") is a cited source. 4 (session 12):
 * speakers read on real stories ("If confirmed", "the United States", degrees after names, a name after
 * its description, names that only qualify the speaker, pronouns taking the previous speaker); a row is
 * named as prose prints it, not in a dateline's capitals. 5 (session 14): no attribution inside quoted
 * speech; a statement's owner is its source ("President Obama's announcement"); a quoted title or nickname
 * is no quote; a descriptor is its person's own title, not a list of titled people; a slogan with full
 * stops is one sentence; a speaker is a noun phrase (a clause before the verb gives its subject or no
 * source: "She had no quarrels with one woman and told"; no auxiliary, negation or adverbial in its name),
 * a negated attribution ("didn't say") cites no one, and a bare surname ("Leader said") is the one person
 * of that name. Then (the reader's pass): a scare-quoted term ('"genius grant"') is no quote; an entity is
 * described differently only when no descriptor holds the others' words ("Lt." / "Troy Police Lt." is one
 * title); full stops, hyphens and spaced initials make no spelling variant, nor do two numbers, two acronyms
 * or a country and its adjective ("115th" / "117th Street", "IRNA" / "ISNA", "Somalia" / "Somali"), which
 * are no longer one entity group; a gap's label names an outlet once ("usatoday.com (2 articles)").
 * 6 (session 16): a publishing system's time line ("Article posted on 08. 07. 2012", "8: 24am:") is a
 * timestamp, no claim (lib/text/timestamp.ts); raised also so that stored stories are refreshed at start,
 * which titles them again (a story is no longer titled by a timestamp given as a title).
 * 7 (session 17): the names table reads acronyms as the words other outlets spell out, and joining words
 * ("Secretary of the Interior") count for nothing ("CHP Officer" /
 * "California Highway Patrol Officer" is one description), and a woman's and a man's given name, a name's
 * short form, "Germany" / "German" or a hyphen are no spelling variants; the central claim is what outlets
 * lead with (a body mention counts a quarter), quoted from a lead.
 */
export const COMPARISON_VERSION = 7;

export interface CompareOptions {
  align?: Partial<AlignParams>;
}

export function compareArticles(input: CompareArticle[], previous?: StoryComparison | null, options: CompareOptions = {}): StoryComparison {
  const params = { ...DEFAULT_ALIGN, ...options.align };
  const articles = storyOrder(validated(input));
  const sentences = articles.map((a) => bodySentences(a.body));
  const features = sentenceFeatures(articles, sentences, params.wordnetCredit > 0);
  const idf = storyIdf(features);
  const { rows } = alignSentences(features, idf, params);
  const scorer = makeScorer(features, idf, params);
  const attributions = sentences.map((s, a) => sentenceAttributions(articles[a]!.body, s));
  const groups = groupEntities(articles);

  const outletKey = (a: CompareArticle) => a.outlet?.id ?? `article:${a.id}`;
  const wordCount = (f: SentenceFeatures) => f.tokens.length;

  const buildClaim = (row: number[]): Omit<Claim, "id" | "anchor"> => {
    // Rows are sorted by article, and articles are in publication order: the first is the reference.
    const ref = features[row[0]!]!;
    const refArticle = articles[ref.article]!;
    const best = row.slice(1).sort((x, y) => scorer.score(row[0]!, y) - scorer.score(row[0]!, x))[0];
    const sentencesOut: ClaimSentence[] = row.map((fi) => {
      const f = features[fi]!;
      const article = articles[f.article]!;
      const s = f.sentence;
      const against = fi === row[0] ? (best === undefined ? null : features[best]!.sentence.text) : ref.sentence.text;
      const att = attributions[f.article]!.find((x) => x.sentence === s.index);
      return {
        articleId: article.id,
        text: article.body.slice(s.start, s.end),
        start: s.start,
        end: s.end,
        index: s.index,
        similarity: fi === row[0] ? 1 : Math.round(scorer.score(row[0]!, fi) * 1000) / 1000,
        // Only the words that differ are stored: the rest of the sentence is the same wording, and a
        // 20-article story would otherwise store every word of every aligned sentence twice.
        diff: against === null ? [] : diffWords(s.text, s.start, against).filter((t) => t.op !== "same"),
        attribution: att ? article.body.slice(att.start, att.end) : null,
        hedges: findHedges(s.text).map((h) => h.text),
      };
    });
    return {
      referenceArticleId: refArticle.id,
      outletCount: new Set(row.map((fi) => outletKey(articles[features[fi]!.article]!))).size,
      sentences: sentencesOut,
      attribution: sentencesOut[0]!.attribution,
    };
  };

  const shared = rows.filter((r) => r.length >= 2);
  const singles = rows.filter((r) => r.length === 1 && wordCount(features[r[0]!]!) >= MIN_CLAIM_WORDS && !features[r[0]!]!.timestamp);
  const position = (r: number[]) => features[r[0]!]!.position;
  shared.sort((x, y) => {
    const cx = buildOutletCount(x);
    const cy = buildOutletCount(y);
    return cy - cx || y.length - x.length || position(x) - position(y) || x[0]! - y[0]!;
  });
  function buildOutletCount(r: number[]): number {
    return new Set(r.map((fi) => outletKey(articles[features[fi]!.article]!))).size;
  }

  // Stable ids: carry over a previous row's id when this row still holds one of its sentences.
  const previousIds = new Map<string, string>();
  const previousRefs = new Set<string>();
  for (const c of [...(previous?.claims ?? []), ...(previous?.onlyIn ?? []).flatMap((o) => o.claims)]) {
    for (const s of c.sentences) previousIds.set(sentenceKey(s.articleId, s.text), c.id);
    const ref = c.sentences.find((s) => s.articleId === c.referenceArticleId);
    if (ref) previousRefs.add(`${c.id}\u0000${sentenceKey(ref.articleId, ref.text)}`);
  }
  const used = new Set<string>();
  const assignId = (claim: Omit<Claim, "id" | "anchor">): Claim => {
    const keys = claim.sentences.map((s) => sentenceKey(s.articleId, s.text));
    const candidates = keys.map((k) => previousIds.get(k)).filter((x): x is string => x !== undefined && !used.has(x));
    const counts = new Map<string, number>();
    for (const c of candidates) counts.set(c, (counts.get(c) ?? 0) + 1);
    const ranked = [...counts.entries()].sort(
      (x, y) =>
        Number(keys.some((k) => previousRefs.has(`${y[0]}\u0000${k}`))) - Number(keys.some((k) => previousRefs.has(`${x[0]}\u0000${k}`))) ||
        y[1] - x[1] ||
        (x[0] < y[0] ? -1 : 1),
    );
    const ref = claim.sentences[0]!;
    let id = ranked[0]?.[0] ?? claimId(ref.articleId, ref.text);
    for (let n = 2; used.has(id); n++) id = `${claimId(ref.articleId, ref.text)}-${n}`;
    used.add(id);
    return { id, anchor: `claim-${id}`, ...claim };
  };

  const claims = shared.map((r) => assignId(buildClaim(r)));
  const singleClaims = singles.map((r) => ({ row: r, claim: assignId(buildClaim(r)) }));
  const onlyIn = articles.map((a, ai) => ({
    articleId: a.id,
    claims: singleClaims.filter((x) => features[x.row[0]!]!.article === ai).sort((x, y) => x.row[0]! - y.row[0]!).map((x) => x.claim),
  }));

  const claimBySentence = new Map<string, string>();
  for (const c of [...claims, ...singleClaims.map((x) => x.claim)]) for (const s of c.sentences) claimBySentence.set(`${s.articleId}#${s.index}`, c.id);
  const claimOf = (a: number, sentence: number) => claimBySentence.get(`${articles[a]!.id}#${sentence}`) ?? null;

  // The story's central claim: the claim most outlets carry, and among those carried by nearly as many, the
  // one they print in their leads (a detail every outlet repeats further down is not what the story is about:
  // "LaCalamita was listed among the professional staff on the website" over "A man ... shot three people").
  const leadShare = (c: Claim) => c.sentences.filter((s) => s.index < LEAD_SENTENCES).length / c.sentences.length;
  const weight = (c: Claim) => c.outletCount * (leadShare(c) + BODY_WEIGHT * (1 - leadShare(c)));
  const top = claims.reduce<Claim | undefined>((best, c) => {
    if (!best) return c;
    const d = weight(c) - weight(best);
    return d > 1e-9 || (Math.abs(d) <= 1e-9 && c.outletCount > best.outletCount) ? c : best;
  }, undefined);
  // Quoted from the earliest report, unless that one carries it in its body and another leads with it: the
  // reference may be a body sentence ("Estimated damage is in the vicinity of $1 million.") beside leads.
  const reference = top && (top.sentences.find((s) => s.articleId === top.referenceArticleId) ?? top.sentences[0]!);
  const quoted = reference && reference.index >= LEAD_SENTENCES ? (top!.sentences.find((s) => s.index < LEAD_SENTENCES) ?? reference) : reference;
  const centralClaim =
    top && quoted
      ? { claimId: top.id, articleId: quoted.articleId, text: quoted.text, attribution: quoted.attribution, outletCount: top.outletCount }
      : null;

  const hedges: Hedge[] = articles.flatMap((article, a) =>
    sentences[a]!.flatMap((s: BodySentence) =>
      findHedges(s.text).map((h) => ({
        articleId: article.id,
        text: h.text,
        start: h.start + s.start,
        end: h.end + s.start,
        claimId: claimOf(a, s.index),
      })),
    ),
  );

  const attributionsBySentence: SentenceAttribution[][] = attributions;
  return {
    version: COMPARISON_VERSION,
    articles: articles.map((a, i) => ({ id: a.id, outlet: a.outlet?.name ?? null, sentenceCount: sentences[i]!.length })),
    centralClaim,
    claims,
    onlyIn,
    descriptors: descriptorRows(articles, groups),
    citations: citationRows(articles, sentences, attributionsBySentence, groups, claimOf),
    hedges,
    gaps: [...entityGaps(articles, groups), ...claimGaps(articles, claims, singleClaims.map((x) => x.claim))],
  };
}

// Named entities of one article: people, organisations, places and other names, with exact offsets,
// in-article resolution ("Putin" after "Vladimir Putin"), canonical cross-article keys, the outlet's
// descriptors ("Russian dictator") and salience. Rules plus gazetteers; see README.md for the measurements
// behind that choice.

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { STOP_WORDS } from "@/lib/text";
import {
  COMMON_WORDS, DESCRIPTIVE_WORDS, FIRST_NAMES, ORG_WORDS, PLACE_WORDS, isCountry, isDemonymWord, isTown, lookup, lookupAcronym, type GazetteerEntry,
} from "./gazetteer";
import { foldName, keyPrefix } from "./keys";
import { detectLanguage } from "./language";
import {
  HONORIFICS, MEDIA_HEADS, MONTHS_AND_DAYS, NON_ENTITIES, PLACE_PREPOSITIONS, ROLE_MODIFIERS, TITLE_WORDS, UNAMBIGUOUS_ORG_HEADS, isPositionBack,
} from "./lexicon";
import { SPORTS_WORDS, findSpans, isDegreeAt, type DocStats, type Span } from "./spans";
import { nameTokens, type NameToken } from "./tokens";
import type { ArticleEntity, EntityMention, EntityResult, EntityType, TextField } from "./types";

export type { ArticleEntity, EntityMention, EntityResult, EntityType, TextField } from "./types";
export { slugForKey } from "./keys";
export { firstNameGender, isGivenName } from "./gazetteer";
export { resolveAgainstKnown, type KnownEntity } from "./resolve-known";

/** Deterministic canonical key of a name: gazetteer key when known ("DPRK" -> "place:north-korea"). */
export function entityKey(name: string, type: EntityType): string {
  const gaz = lookup(name);
  if (gaz && (gaz.type === type || (type === "PLACE" && gaz.demonym))) return gaz.key;
  return `${keyPrefix(type)}:${foldName(name)}`;
}

const Input = z.object({
  title: z.string().nullable(),
  body: z.string(),
  language: z.string().nullable().optional(),
});

interface Line {
  field: TextField;
  text: string;
  tokens: NameToken[];
  mode: "prose" | "headline" | "caps";
}

interface Resolved {
  span: Pick<Span, "field" | "start" | "end" | "surface" | "prefixDescriptor"> & Partial<Span>;
  key: string;
  type: EntityType;
  name: string;
  form: EntityMention["form"];
  related: string[];
}

export function extractEntities(input: { title: string | null; body: string; language?: string | null }): EntityResult {
  const parsed = Input.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "INVALID_ENTITY_INPUT", "extractEntities needs { title, body }");
  const { title, body } = parsed.data;
  const language = parsed.data.language ?? detectLanguage(`${title ?? ""}\n${body}`);
  if (language !== null && language !== "en") {
    return { language, supported: false, reason: `language ${language} is not supported`, entities: [] };
  }

  const fields: [TextField, string][] = [["title", title ?? ""], ["body", body]];
  const lines: Line[] = [];
  for (const [field, text] of fields) {
    for (const m of text.matchAll(/[^\n]+/g)) {
      const tokens = nameTokens(m[0], m.index);
      lines.push({ field, text, tokens, mode: lineMode(m[0], tokens, field) });
    }
  }
  const stats = docStats(lines);

  const spans: Span[] = [];
  for (const line of lines) if (line.mode === "prose") spans.push(...findSpans(line.tokens, line.field, line.text, stats));
  const resolved = resolve(spans);
  resolved.push(...matchUncovered(lines, resolved));
  if (stats.sports) teamsConsistent(resolved);
  resolved.push(...matchHeadlines(lines, resolved));
  return { language: language ?? "en", supported: true, reason: null, entities: assemble(resolved, fields) };
}

// Case differences prove a letter without a Unicode regex (most tokens); digits and caseless scripts fall through.
const hasLetter = (t: NameToken) => t.lower !== t.text || t.text.toUpperCase() !== t.text || /\p{L}/u.test(t.text);

/** Prose, a title-cased headline or navigation line, or an all-capitals line. */
function lineMode(text: string, tokens: NameToken[], field: TextField): Line["mode"] {
  const words = tokens.filter((t) => t.word && hasLetter(t));
  if (words.length === 0) return "prose";
  const caps = words.filter((t) => t.allCaps || (t.text.length === 1 && t.cap)).length;
  if (words.length >= 2 && caps / words.length >= 0.6) return "caps";
  const content = words.filter((t) => t.text.length >= 4 && !STOP_WORDS.has(t.lower));
  // Headlines are short; a long line full of names is still prose.
  // A sentence with a full stop and a lower-case content word is prose however many names it holds
  // ("Ellen DeGeneres will host the Oscars."); title case capitalises every content word.
  const capShare = content.length ? content.filter((t) => t.cap).length / content.length : 0;
  const sentence = /[.!?]["”’)]?$/.test(text.trim());
  if (words.length <= 16 && content.length >= 3 && capShare >= 0.75 && (!sentence || capShare === 1)) return "headline";
  if (words.length <= 4 && !/[.!?]["”’)]?$/.test(text.trim()) && (field === "body" || words.length <= 2)) return "headline";
  return "prose";
}

function docStats(lines: Line[]): DocStats {
  const lowerSeen = new Set<string>();
  const capMidSeen = new Set<string>();
  const sportsSeen = new Set<string>();
  for (const line of lines) {
    if (line.mode !== "prose") continue;
    for (const t of line.tokens) {
      if (!t.word) continue;
      if (!t.cap) {
        lowerSeen.add(t.lower);
        if (SPORTS_WORDS.has(t.lower)) sportsSeen.add(t.lower);
      } else if (!t.sentStart && !t.allCaps) capMidSeen.add(t.lower);
    }
  }
  return { lowerSeen, capMidSeen, sports: sportsSeen.size >= 4 };
}

// The memoised fold, split: names are folded many times per article and across articles.
const wordsOf = (name: string): string[] => {
  const f = foldName(name);
  return f ? f.split("-") : [];
};

const GENERATIONAL = new Set(["jr", "sr", "ii", "iii", "iv"]);

const initials = (s: Span | Resolved["span"]) =>
  (s.tokens ?? []).filter((t) => t.cap).map((t) => t.text[0]).join("").toUpperCase();

/** In-article resolution: short forms to full names, acronyms and back-references to organisations. */
function resolve(spans: Span[]): Resolved[] {
  const out: Resolved[] = [];
  const persons: Resolved[] = [];
  const personByKey = new Map<string, Resolved>();
  const byLast = new Map<string, Resolved[]>();
  const byFirst = new Map<string, Resolved[]>();
  const orgPrefix = new Map<string, Resolved>();
  const byAcronym = new Map<string, Resolved>();
  const byHead = new Map<string, Set<string>>();
  const byTail = new Map<string, Set<string>>();
  const keyInfo = new Map<string, Resolved>();
  const full = (s: Span): Resolved => {
    const gaz: GazetteerEntry | null = s.gaz;
    const type = gaz?.type ?? s.type;
    return {
      span: s, type,
      key: gaz?.key ?? `${keyPrefix(type)}:${foldName(s.surface)}`,
      name: gaz ? printedAcronym(gaz.name, s.surface) : s.surface,
      form: gaz?.demonym ? "demonym" : "name",
      related: gaz?.relatedKeys ?? [],
    };
  };
  const push = (m: Resolved) => {
    out.push(m);
    if (!keyInfo.has(m.key)) keyInfo.set(m.key, m);
  };

  // First pass: multi-word people and organisations, which short forms resolve to.
  // Gazetteer people count ("Barack Obama" is in the list, and "Obama" must still find him).
  const multi = spans.filter((s) => s.tokens.length >= 2 && (s.gaz ? s.gaz.type === "PERSON" && !s.gaz.demonym : s.type === "PERSON" || s.type === "ORGANIZATION"));
  // Longer names first, so "Mark Felt" can join "W. Mark Felt".
  for (const s of [...multi].sort((x, y) => y.tokens.length - x.tokens.length)) {
    const words = wordsOf(s.surface);
    if (s.type === "PERSON") {
      const longer = persons.find((p) => {
        const pw = wordsOf(p.name);
        return pw.length > words.length && pw.slice(pw.length - words.length).join(" ") === words.join(" ");
      });
      const known = personByKey.get(full(s).key);
      const m = longer ? { ...longer, span: s, form: "name" as const } : known ? { ...known, span: s } : full(s);
      if (!longer && !known) {
        persons.push(m);
        personByKey.set(m.key, m);
      }
      (s as Span & { resolved?: Resolved }).resolved = m;
      // The surname is the last word before a generational suffix ("Anthony LaCalamita III").
      let lastAt = words.length - 1;
      while (lastAt > 1 && GENERATIONAL.has(words[lastAt]!)) lastAt--;
      const last = words[lastAt]!;
      const first = words[0]!;
      if (!longer && !known) {
        byLast.set(last, [...(byLast.get(last) ?? []), m]);
        if (!/^\p{L}$/u.test(first)) byFirst.set(first, [...(byFirst.get(first) ?? []), m]);
      }
    } else {
      const m = full(s);
      (s as Span & { resolved?: Resolved }).resolved = m;
      for (let k = 1; k < words.length; k++) {
        const prefix = words.slice(0, k).join("-");
        // "Albany" in "Albany County Sheriff's Department" is the county, not the department.
        if (PLACE_WORDS.has(words[k]!)) continue;
        if (!["of", "and", "for", "the"].includes(words[k - 1]!) && !lookup(prefix) && !orgPrefix.has(prefix)) orgPrefix.set(prefix, m);
      }
      // "Angels" after "Los Angeles Angels": the last word, when it is not a generic head ("Department").
      const tail = words.at(-1)!;
      if (!ORG_WORDS.has(tail) && !PLACE_WORDS.has(tail)) byTail.set(tail, new Set([...(byTail.get(tail) ?? []), m.key]));
      const acr = initials(s);
      if (acr.length >= 2) byAcronym.set(acr, m);
      // "the Academy" for "Academy of Motion Picture Arts and Sciences": the head is the word before "of".
      const ofAt = words.indexOf("of");
      for (const head of new Set([words.at(-1)!, ...(ofAt > 0 ? [words[ofAt - 1]!] : [])])) {
        byHead.set(head, new Set([...(byHead.get(head) ?? []), m.key]));
      }
      if (!keyInfo.has(m.key)) keyInfo.set(m.key, m);
    }
  }

  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    const pre = (s as Span & { resolved?: Resolved }).resolved;
    if (pre) { push(pre); continue; }
    const words = wordsOf(s.surface);
    const f = words.join("-");
    if (s.tokens.length === 1 && (s.type === "ORGANIZATION" || s.type === "OTHER" || s.type === "PERSON") && (!s.gaz || s.gaz.type === "ORGANIZATION")) {
      const keys = byTail.get(f);
      const target = keys && keys.size === 1 ? keyInfo.get([...keys][0]!) : undefined;
      if (target && target.span !== s) { push({ ...target, span: s, form: "name" }); continue; }
    }
    // "Lt. Gregg Hastings ... Hastings did not know": a one-word city that is the surname of a person named in
    // full earlier is that person, unless a place cue stands before it ("in Hastings", "of Hastings") or it
    // is a country.
    const before = s.line[s.at - 1];
    if (s.type === "PLACE" && s.tokens.length === 1 && !(s.gaz && isCountry(s.gaz)) &&
      !(before && (PLACE_PREPOSITIONS.has(before.lower) || before.lower === "of" || before.text === "," || before.lower === "to"))) {
      const earlier = (byLast.get(f) ?? []).filter((c) => c.span.start < s.start && c.span.field === s.field);
      if (earlier.length) { push({ ...earlier.at(-1)!, span: s, form: "name" }); continue; }
    }
    if (s.gaz) { push(full(s)); continue; }
    if (s.backReference) {
      const keys = byHead.get(words.at(-1) ?? "");
      const target = keys && keys.size === 1 ? keyInfo.get([...keys][0]!) : undefined;
      if (target) push({ ...target, span: s, form: "name" });
      // "according to the Times": a newspaper head alone names the paper.
      else if (!keys && MEDIA_HEADS.has(f)) push(full(s));
      continue;
    }
    // An acronym in brackets right after a name is that name ("Special Operations Forces (SOF)").
    const prevMention = out.at(-1);
    if (s.tokens.length === 1 && s.tokens[0]!.allCaps && before?.text === "(" && prevMention &&
      prevMention.span.field === s.field && s.start - prevMention.span.end <= 3 && prevMention.type !== "PERSON") {
      push({ ...prevMention, span: s, form: "acronym" });
      continue;
    }
    if (s.tokens.length === 1 && s.tokens[0]!.allCaps && byAcronym.has(s.surface.replace(/[.\-]/g, "").toUpperCase())) {
      push({ ...byAcronym.get(s.surface.replace(/[.\-]/g, "").toUpperCase())!, span: s, form: "acronym" });
      continue;
    }
    if (s.type !== "PLACE" || s.evidence < 3) {
      const cands = s.tokens.length === 1 ? (byLast.get(f) ?? byFirst.get(f)) : undefined;
      if (cands?.length) {
        const preceding = cands.filter((c) => c.span.start <= s.start || c.span.field !== s.field);
        const pick = (preceding.length ? preceding.at(-1) : cands[0])!;
        push({ ...pick, span: s, form: "name" });
        continue;
      }
      const org = orgPrefix.get(f);
      if (org && s.evidence < 3) { push({ ...org, span: s, form: "name" }); continue; }
    }
    push(full(s));
  }

  // One type per surface: the best-evidenced reading wins for the unresolved ones.
  const best = new Map<string, { type: EntityType; ev: number }>();
  for (const m of out) {
    if (m.span.surface && (m.span as Span).evidence !== undefined) {
      const f = foldName(m.span.surface);
      const ev = (m.span as Span).evidence;
      const b = best.get(f);
      if (!b || ev > b.ev) best.set(f, { type: m.type, ev });
    }
  }
  for (const m of out) {
    const s = m.span as Span;
    if (s.gaz || m.form !== "name" || m.key !== `${keyPrefix(m.type)}:${foldName(s.surface)}`) continue;
    const b = best.get(foldName(s.surface));
    if (b && b.type !== m.type && b.ev > s.evidence) {
      m.type = b.type;
      m.key = `${keyPrefix(b.type)}:${foldName(s.surface)}`;
    }
  }
  coordinate(out);
  return out.filter((m) => !(m.type === "OTHER" && (m.span as Span).evidence === 0 && isSingleCommonish(m.span.surface)));
}

// "Donetsk and Luhansk", "Andriivka and Klishchiivka": an untyped name joined to a typed one by "and"/"or"
// takes its type.
function coordinate(out: Resolved[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < out.length; i++) {
      const m = out[i]!;
      const s = m.span as Span;
      if (m.type !== "OTHER" || s.evidence !== 0 || s.gaz) continue;
      for (const j of [i - 1, i + 1]) {
        const o = out[j];
        if (!o || o.type === "OTHER" || o.form === "demonym" || o.span.field !== s.field) continue;
        const [x, y] = (j < i ? [o.span, s] : [s, o.span]) as [Span, Span];
        if (!x.line || x.line !== y.line) continue;
        const gap = y.at - (x.at + x.tokens.length);
        const joiner = x.line[x.at + x.tokens.length]?.lower;
        // A list: "Tonban, Gavarzin and Khaledi" (a comma counts where the list goes on after the pair).
        const after = x.line[y.at + y.tokens.length]?.lower;
        const listComma = joiner === "," && (after === "and" || after === "or" ||
          (after === "," && x.line[y.at + y.tokens.length + 1]?.cap === true)) && !/^(?:jr|sr)\.?$/i.test(s.surface);
        if (gap === 1 && (joiner === "and" || joiner === "or" || listComma)) {
          m.type = o.type;
          m.key = `${keyPrefix(o.type)}:${foldName(s.surface)}`;
          break;
        }
      }
    }
  }
}

const isSingleCommonish = (surface: string) => !surface.includes(" ") && COMMON_WORDS.has(surface.toLowerCase());

const isPlaceOrTownName = (name: string) => {
  const g = lookup(name);
  return g ? g.type === "PLACE" && !g.demonym : isTown(name);
};

/** Names in headlines, navigation and all-capitals lines: only names known from the prose or a gazetteer. */
function matchHeadlines(lines: Line[], known: Resolved[]): Resolved[] {
  const index = new Map<string, Resolved>();
  for (const m of known) {
    if (m.form === "demonym") continue;
    index.set(foldName(m.span.surface), m);
    index.set(foldName(m.name), m);
    if (m.type === "PERSON") {
      const w = wordsOf(m.name);
      if (w.length >= 2 && !index.has(w.at(-1)!)) index.set(w.at(-1)!, m);
    }
    // Headlines shorten institutions: "Betty Ford" for "Betty Ford Center" (two words at least).
    if (m.type === "ORGANIZATION") {
      const w = wordsOf(m.name);
      for (let k = 2; k < w.length; k++) {
        const prefix = w.slice(0, k).join("-");
        if (!["of", "and", "for", "the"].includes(w[k - 1]!) && !index.has(prefix)) index.set(prefix, m);
      }
    }
  }
  const out: Resolved[] = [];
  for (const line of lines) {
    if (line.mode === "prose") continue;
    if (isResultsLine(line.tokens)) {
      out.push(...matchResults(line));
      continue;
    }
    const ts = line.tokens;
    // A byline: a line that is only a person's name ("Peter Blackburn"), even when the surname is a town's.
    if (line.mode === "headline" && ts.length >= 2 && ts.length <= 3 && ts.every((t) => t.word) && !index.has(foldName(line.text.slice(ts[0]!.start, ts.at(-1)!.end))) && headlinePerson(ts, true)) {
      const surface = line.text.slice(ts[0]!.start, ts.at(-1)!.end);
      out.push(mention(line, ts[0]!, ts.at(-1)!, `person:${foldName(surface)}`, "PERSON", surface));
      continue;
    }
    const dateline = datelineEnd(ts);
    if (dateline >= 0) {
      const [t, last] = [ts[0]!, ts[dateline]!];
      const surface = line.text.slice(t.start, last.end);
      const gaz = lookup(surface);
      out.push(gaz && !gaz.demonym ? mention(line, t, last, gaz.key, gaz.type, gaz.name, gaz.relatedKeys) : mention(line, t, last, `place:${foldName(surface)}`, "PLACE", surface));
    }
    for (let i = dateline + 1; i < ts.length; ) {
      const t = ts[i]!;
      const ok = (x: NameToken) => x.word && (line.mode === "caps" ? /\p{L}/u.test(x.text) : x.cap);
      if (!ok(t)) { i++; continue; }
      let matched = 0;
      for (let len = Math.min(6, ts.length - i); len >= 1 && !matched; len--) {
        const last = ts[i + len - 1]!;
        if (!ok(last)) continue;
        const slice = ts.slice(i, i + len);
        if (slice.some((x) => !x.word)) continue;
        const surface = line.text.slice(t.start, last.end);
        const f = foldName(surface);
        const hit = index.get(f);
        if (hit && !acronymAsWord(hit, surface)) {
          out.push({ ...hit, span: { field: line.field, start: t.start, end: last.end, surface, prefixDescriptor: null }, form: hit.form === "acronym" ? "acronym" : "name" });
          matched = len;
          break;
        }
        const gaz = lookup(surface) ?? (isTown(surface) ? townEntry(surface) : undefined);
        const lower = surface.toLowerCase();
        if (gaz && !(len === 1 && (COMMON_WORDS.has(lower) || STOP_WORDS.has(lower)))) {
          out.push({
            span: { field: line.field, start: t.start, end: last.end, surface, prefixDescriptor: null },
            key: gaz.key, type: gaz.type, name: printedAcronym(gaz.name, surface), form: gaz.demonym ? "demonym" : "name", related: gaz.relatedKeys,
          });
          matched = len;
        } else if (len >= 2 && len <= 4 && UNAMBIGUOUS_ORG_HEADS.has(last.lower) && isPlaceOrTownName(line.text.slice(t.start, ts[i + len - 2]!.end))) {
          // "CUMBRIA POLICE", "Japan Airlines": a known place and an unambiguous organisation head, in a
          // headline or all-capitals line where capitals say nothing else.
          out.push({
            span: { field: line.field, start: t.start, end: last.end, surface, prefixDescriptor: null },
            key: `${keyPrefix("ORGANIZATION")}:${f}`, type: "ORGANIZATION", name: surface, form: "name", related: [],
          });
          matched = len;
        } else if (line.mode === "headline" && len <= 3 && len >= 2 && headlinePerson(slice)) {
          // A listed first name and unlisted, uncommon capitalised words: a person new to the article
          // ("Jennifer Lawrence - Liam Hemsworth"); everything else in a headline needs the prose.
          out.push({
            span: { field: line.field, start: t.start, end: last.end, surface, prefixDescriptor: null },
            key: `person:${f}`, type: "PERSON", name: surface, form: "name", related: [],
          });
          matched = len;
        }
      }
      i += matched || 1;
    }
  }
  return out;
}

/**
 * A body known by an acronym that is also a word is named by the capitals only: "Who knows?" in an article
 * about the WHO is the pronoun (it was a second mention of the World Health Organization).
 */
function acronymAsWord(known: Resolved, surface: string): boolean {
  return surface !== known.span.surface && lookupAcronym(known.span.surface) !== undefined && lookupAcronym(surface) === undefined;
}

/**
 * Document-level consistency: a name the article has established (a full person's name and its surname, a
 * multi-word or well-evidenced organisation or place) is that entity wherever else it is printed with
 * capitals in the prose, including at a sentence start, where capitals say nothing and the span rules drop
 * ordinary-looking words ("Felt said" after "W. Mark Felt", "Saints place RB" after "the Saints").
 */
function matchUncovered(lines: Line[], known: Resolved[]): Resolved[] {
  const index = new Map<string, Resolved>();
  // Characters inside a mention already found, per field ("Athens" in "University of Athens").
  const masks = new Map<TextField, Uint8Array>();
  for (const line of lines) if (!masks.has(line.field)) masks.set(line.field, new Uint8Array(line.text.length));
  for (const m of known) {
    masks.get(m.span.field)?.fill(1, m.span.start, m.span.end);
    if (m.form === "demonym" || m.type === "OTHER") continue;
    const s = m.span as Span;
    const multi = (s.tokens?.length ?? 1) >= 2;
    if (!multi && !s.gaz && (s.evidence ?? 0) < 2) continue;
    index.set(foldName(m.span.surface), m);
    if (m.type === "PERSON") {
      const w = wordsOf(m.name);
      if (w.length >= 2 && !index.has(w.at(-1)!)) index.set(w.at(-1)!, m);
    }
  }
  if (index.size === 0) return [];
  const out: Resolved[] = [];
  for (const line of lines) {
    if (line.mode !== "prose") continue;
    const ts = line.tokens;
    const mask = masks.get(line.field)!;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      if (!t.word || !t.cap || mask[t.start]) continue;
      // Whole capitalised runs only: "Felt" in "Felt Dead" is not the surname "Felt".
      let j = i;
      while (j + 1 < ts.length && ts[j + 1]!.word && ts[j + 1]!.cap && !mask[ts[j + 1]!.start]) j++;
      if (i > 0 && ts[i - 1]!.word && ts[i - 1]!.cap) { i = j; continue; }
      if (i === j && isDegreeAt(ts, i)) continue;
      const surface = line.text.slice(t.start, ts[j]!.end);
      const hit = index.get(foldName(surface));
      if (hit && !acronymAsWord(hit, surface)) out.push({ ...hit, span: { field: line.field, start: t.start, end: ts[j]!.end, surface, prefixDescriptor: null }, form: "name" });
      i = j;
    }
  }
  return out;
}

/**
 * In a sports report, a city or state that names a team once ("against Washington", "Boston Red Sox") names
 * it wherever nothing says place ("in Boston", "Wasilla, Alaska"): "Washington and Baltimore have expressed
 * interest", "it is rare for Boston to extend contracts". Countries stay places (national teams, CoNLL-2003).
 */
function teamsConsistent(mentions: Resolved[]): void {
  const teams = new Set<string>();
  for (const m of mentions) {
    if (m.type !== "ORGANIZATION") continue;
    const words = wordsOf(m.span.surface);
    for (let k = words.length; k >= 1; k--) {
      const city = words.slice(0, k).join(" ");
      if (!isPlaceOrTown(city)) continue;
      // The whole name ("Evansville" as a team) or its city before a nickname ("Boston" of "Boston Red Sox").
      teams.add(foldName(city));
      break;
    }
  }
  if (teams.size === 0) return;
  for (const m of mentions) {
    const s = m.span as Span;
    if (m.type !== "PLACE" || m.form !== "name" || !s.line || !teams.has(foldName(s.surface))) continue;
    const gaz = lookup(s.surface);
    if (gaz && isCountry(gaz)) continue;
    const prev = s.line[s.at - 1];
    const next = s.line[s.at + s.tokens.length];
    if (prev && prev.word && PLACE_PREPOSITIONS.has(prev.lower)) continue;
    if (next?.text === ",") continue;
    m.type = "ORGANIZATION";
    m.key = `org:${foldName(s.surface)}`;
    m.name = s.surface;
    m.related = [];
  }
}

const isPlaceOrTown = (name: string) => {
  const g = lookup(name);
  return g ? g.type === "PLACE" && !g.demonym && !isCountry(g) : isTown(name);
};

const townEntry = (name: string): GazetteerEntry => ({ type: "PLACE", key: `place:${foldName(name)}`, name, demonym: false, relatedKeys: [] });

const mention = (line: Line, t: NameToken, last: NameToken, key: string, type: EntityType, name: string, related: string[] = []): Resolved => ({
  span: { field: line.field, start: t.start, end: last.end, surface: line.text.slice(t.start, last.end), prefixDescriptor: null },
  key, type, name, form: "name", related,
});

const isScore = (t: NameToken | undefined) => t !== undefined && /^\d{1,3}$/.test(t.text);
const VERSUS = new Set(["v", "v.", "vs", "vs."]);
// Dates ("September 16, 2013 11: 12AM") and clock words ("GMT") are not teams.
const isNameToken = (t: NameToken) => t.word && t.cap && !/^\d/.test(t.text) && !MONTHS_AND_DAYS.has(t.lower) && !NON_ENTITIES.has(t.lower);

/**
 * A results or standings line of a sports page: names and scores only ("Barnsley 3 Oldham 1", "Essex v
 * Kent", "Sheffield Wednesday 8 5 2 1 15 8 17"), no lower-case word, at least two numbers or a "v".
 */
function isResultsLine(ts: NameToken[]): boolean {
  if (!ts[0] || !isNameToken(ts[0])) return false;
  let scores = 0;
  let versus = false;
  let namedScore = false;
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k]!;
    if (VERSUS.has(t.lower)) versus = true;
    else if (isScore(t)) {
      scores++;
      if (ts[k - 1] && isNameToken(ts[k - 1]!)) namedScore = true;
    } else if (t.word && !t.cap) return false;
  }
  return (namedScore && scores >= 2) || (versus && ts.length <= 12);
}

/** Teams of a results line: organisations, except countries (national teams are tagged by their country). */
function matchResults(line: Line): Resolved[] {
  const out: Resolved[] = [];
  const ts = line.tokens;
  for (let i = 0; i < ts.length; i++) {
    if (!isNameToken(ts[i]!) || VERSUS.has(ts[i]!.lower)) continue;
    let j = i;
    while (j + 1 < ts.length && isNameToken(ts[j + 1]!) && !VERSUS.has(ts[j + 1]!.lower)) j++;
    const surface = line.text.slice(ts[i]!.start, ts[j]!.end);
    const gaz = lookup(surface);
    if (gaz && isCountry(gaz)) out.push(mention(line, ts[i]!, ts[j]!, gaz.key, "PLACE", gaz.name, gaz.relatedKeys));
    else out.push(mention(line, ts[i]!, ts[j]!, `org:${foldName(surface)}`, "ORGANIZATION", surface));
    i = j;
  }
  return out;
}

// "AL-AIN, United Arab Emirates 1996-12-06", "LONDON 1996-08-30": a line that opens with a place in
// capitals and a date or ", Country". Returns the index of the place's last token, or -1.
function datelineEnd(ts: NameToken[]): number {
  let j = 0;
  while (j < 3 && ts[j]?.word && ts[j]!.allCaps) j++;
  if (j === 0) return -1;
  const next = ts[j];
  if (next && /^\d{4}-\d{2}-\d{2}$/.test(next.text)) return j - 1;
  if (next?.text === "," && ts[j + 1]) {
    const after = line2name(ts, j + 1);
    const gaz = lookup(after);
    if ((gaz && gaz.type === "PLACE" && !gaz.demonym) || isTown(after)) return j - 1;
  }
  return -1;
}

// The capitalised words from k on, as one name ("United Arab Emirates").
function line2name(ts: NameToken[], k: number): string {
  const words: string[] = [];
  while (ts[k]?.word && ts[k]!.cap) words.push(ts[k++]!.text);
  return words.join(" ");
}

/**
 * The gazetteer's lists are lower case, so "fbi" comes back as "Fbi": where the article prints the name as an
 * acronym in capitals ("FBI", "NATO"), that spelling names it.
 */
function printedAcronym(name: string, surface: string): string {
  // Also a body's acronym the gazetteer files under its full name ("FBI" for the Federal Bureau of
  // Investigation): the article's own spelling names it.
  const acronym = surface.length >= 2 && surface === surface.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(surface);
  return acronym && (surface.toLowerCase() === name.toLowerCase() || (!surface.includes(" ") && lookup(surface)?.key === lookup(name)?.key && lookup(name) !== undefined)) ? surface : name;
}

/** A listed first name and uncommon capitalised words; `byline`: the words are the whole line, so places are surnames too. */
function headlinePerson(ts: NameToken[], byline = false): boolean {
  const [first, ...rest] = ts;
  if (!first || !FIRST_NAMES.has(first.lower) || COMMON_WORDS.has(first.lower)) return false;
  return rest.every((t) => t.cap && !t.allCaps && /^\p{Lu}\p{Ll}/u.test(t.text) && !COMMON_WORDS.has(t.lower) && !STOP_WORDS.has(t.lower) &&
    (byline ? !isCountry(lookup(t.text) ?? NO_ENTRY) : !lookup(t.text)) && !isDemonymWord(t.text) && !TITLE_WORDS.has(t.lower) && !MONTHS_AND_DAYS.has(t.lower));
}
const NO_ENTRY: GazetteerEntry = { type: "OTHER", key: "", name: "", demonym: false, relatedKeys: [] };

/** The outlet's words for a person at this mention: "Russian dictator", "the Kremlin spokesperson". */
function descriptorOf(m: Resolved, text: string): string | null {
  const s = m.span as Span;
  if (m.type !== "PERSON" || !s.line) return s.prefixDescriptor ?? null;
  const line = s.line;
  const isRoleWord = (t: NameToken) => t.word && (TITLE_WORDS.has(t.lower) || ROLE_MODIFIERS.has(t.lower)) && !HONORIFICS.has(t.lower);
  // Walk left from the name (or from a descriptor found inside the capitalised run).
  let startTok = s.at;
  let endChar = -1;
  if (s.prefixDescriptor) {
    startTok = s.at;
    while (startTok > 0 && line[startTok - 1]!.start >= s.start - s.prefixDescriptor.length - 2 && line[startTok - 1]!.word) startTok--;
    endChar = s.start;
  } else {
    const prev = line[s.at - 1];
    if (prev && prev.word && (TITLE_WORDS.has(prev.lower) || isPositionBack(prev.lower, line[s.at - 2]?.lower)) && !HONORIFICS.has(prev.lower)) {
      startTok = s.at - 1;
      endChar = prev.end;
    }
  }
  // "Mr." / "Ms" is a house style, not a description: it neither makes a descriptor nor starts one.
  if (s.prefixDescriptor && /^(?:mr|mrs|ms|miss|mx)\.?$/i.test(s.prefixDescriptor.trim())) return null;
  if (endChar >= 0) {
    let k = startTok - 1;
    while (k >= 0) {
      const t = line[k]!;
      if (!t.word || STOP_WORDS.has(t.lower)) break;
      // Epithets are what outlets differ on most ("embattled president", "late senator"), so the walk keeps
      // descriptive words too, not only roles and names; never the tail of a hyphenated compound the
      // tokens split ("37-year-old champion" is not an "old champion").
      const epithet = DESCRIPTIVE_WORDS.has(t.lower) && text[t.start - 1] !== "-";
      // (A capitalised word opening the sentence counts when it opens a known name: "Los" of "Los Angeles".)
      const opensKnown = t.cap && line[k + 1] !== undefined && lookup(`${t.text} ${line[k + 1]!.text}`) !== undefined;
      if (!(isRoleWord(t) || isDemonymWord(t.text) || (t.cap && !t.sentStart) || (t.cap && lookup(t.text)) || opensKnown || epithet)) break;
      k--;
    }
    const start = line[k + 1]!.start;
    const d = text.slice(start, s.prefixDescriptor ? s.start : endChar).trim();
    if (d) return d;
  }
  // Appositive: "Dmitry Peskov, the Kremlin spokesperson, said".
  const end = s.at + s.tokens.length;
  if (line[end]?.text === ",") {
    let k = end + 1;
    if (["the", "a", "an", "its", "his", "her", "their"].includes(line[k]?.lower ?? "")) k++;
    const from = k;
    while (k < line.length && k - from < 6 && line[k]!.word && !["who", "which", "that", "and", "said", "says"].includes(line[k]!.lower)) k++;
    const stopOk = k >= line.length || [",", ".", ";", ")"].includes(line[k]!.text) || ["who", "said", "says"].includes(line[k]!.lower);
    const lastTok = line[k - 1];
    if (k > from && stopOk && lastTok && TITLE_WORDS.has(lastTok.lower)) return text.slice(line[from]!.start, lastTok.end);
  }
  return null;
}

function assemble(mentions: Resolved[], fields: [TextField, string][]): ArticleEntity[] {
  const texts = Object.fromEntries(fields) as Record<TextField, string>;
  const bodyLen = Math.max(1, texts.body.length);
  // Lead: the first ~400 characters of the body carry the story's main actors.
  const LEAD = 400;
  const groups = new Map<string, { m: Resolved; list: EntityMention[]; score: number; names: string[] }>();
  const seen = new Set<string>();
  for (const m of mentions.sort((a, b) => (a.span.field === b.span.field ? a.span.start - b.span.start : a.span.field === "title" ? -1 : 1))) {
    const id = `${m.span.field}:${m.span.start}:${m.span.end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const mention: EntityMention = {
      field: m.span.field, start: m.span.start, end: m.span.end, surface: m.span.surface,
      descriptor: descriptorOf(m, texts[m.span.field]), form: m.form,
    };
    const weight = (m.span.field === "title" ? 3 : m.span.start < LEAD ? 2 : 1 + 0.5 * (1 - m.span.start / bodyLen)) *
      (m.form === "demonym" ? 0.5 : 1);
    const g = groups.get(m.key) ?? { m, list: [], score: 0, names: [] };
    g.list.push(mention);
    g.score += weight;
    if (m.form === "name") g.names.push(m.name.length >= m.span.surface.length ? m.name : m.span.surface);
    groups.set(m.key, g);
  }
  const max = Math.max(1, ...[...groups.values()].map((g) => g.score));
  const out: ArticleEntity[] = [];
  for (const [key, g] of groups) {
    // A heading in capitals ("FRANCE WINS") must not name the entity when the prose prints it in mixed case:
    // capitals count as the name's spelling only when every mention is in capitals ("FBI", "NATO").
    const mixed = (x: string) => x !== x.toUpperCase();
    const printed = g.list.find((x) => x.form === "name" && mixed(x.surface))?.surface ?? g.m.span.surface;
    const gazName = lookup(g.m.name)?.key === key ? printedAcronym(lookup(g.m.name)!.name, printed) : null;
    const names = g.names.some(mixed) ? g.names.filter(mixed) : g.names;
    const name = gazName ?? (names.length ? names.reduce((a, b) => (b.length > a.length ? b : a)) : g.m.name);
    out.push({
      key, name, type: g.m.type, mentions: g.list,
      surfaceForms: [...new Set(g.list.map((x) => x.surface))],
      descriptors: [...new Set(g.list.map((x) => x.descriptor).filter((d): d is string => d !== null))],
      salience: Math.round((g.score / max) * 1000) / 1000,
      relatedKeys: [...new Set(g.m.related)].filter((k) => k !== key),
    });
  }
  return out.sort((a, b) => b.salience - a.salience || a.key.localeCompare(b.key));
}


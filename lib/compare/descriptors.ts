// How each outlet names each person or body: the descriptors its mentions carry ("Russian President",
// "Russian dictator") and the spellings of the name.

import { spellingVariants, type EntityGroup } from "./entity-groups";
import { paraphraseClusters } from "./paraphrase";
import type { CompareArticle, DescriptorCell, DescriptorRow } from "./types";

// Where a list of titled people joins its next person: "..., Secretary", "... and Secretary", "..., and".
const CONJUNCTION = /\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+/g;
// A name's capitalised core: the extractor may leave a list's words on it ("of Commerce Gary Locke and").
const nameCore = (surface: string) => surface.replace(/^(?:\P{Lu}+\s+)+/u, "").replace(/(?:\s+\P{Lu}\S*)+$/u, "").replace(/['’]s?$/u, "");
// Whether a text ends with a name as a whole word ("... Gary Locke", not "... Commerce" for "Merce").
const endsWithWord = (text: string, word: string) => text.endsWith(word) && !/[\p{L}\p{N}]/u.test(text.charAt(text.length - word.length - 1));

/**
 * The part of a descriptor that is its person's own title. "Secretary of Commerce Gary Locke and Secretary
 * of Energy Steven Chu": the extractor gave Chu "Secretary of Commerce Gary Locke and Secretary", the words
 * before his name back to the list's start. Each person gets his own title: only the words after the last
 * conjunction that follows another person's name (`otherNames`: the article's other people, as printed)
 * are kept, or null when none are left. "Secretary of Health and Human Services" names no one before its
 * "and" and stays whole.
 */
export function ownDescriptor(descriptor: string, otherNames: string[]): string | null {
  const cores = otherNames.map(nameCore).filter((c) => c.length > 0);
  const namesPerson = (before: string) => cores.some((c) => endsWithWord(before, c));
  let from = 0;
  for (const m of descriptor.matchAll(CONJUNCTION)) if (namesPerson(descriptor.slice(0, m.index))) from = m.index + m[0].length;
  return descriptor.slice(from).trim() || null;
}

// Each article's people, as printed, per story's groups: asked once for every group of every article, the
// list was rebuilt from all groups each time (a story comparison runs in the upload's transaction).
const peopleOf = new WeakMap<EntityGroup[], { key: string; surface: string }[][]>();

/** For each article, the names (as printed) of the people in it other than the given group's. */
export function otherPeople(groups: EntityGroup[], article: number, key: string): string[] {
  let people = peopleOf.get(groups);
  if (!people) {
    const persons = groups.filter((g) => g.type === "PERSON");
    people = (persons[0]?.perArticle ?? []).map((_, a) => persons.flatMap((g) => g.perArticle[a]!.flatMap((e) => e.mentions.map((m) => ({ key: g.key, surface: m.surface })))));
    peopleOf.set(groups, people);
  }
  return (people[article] ?? []).filter((p) => p.key !== key).map((p) => p.surface);
}

const normaliseDescriptor = (d: string) => d.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
const stripPossessive = (s: string) => s.replace(/[’']s$/u, "").trim();
// "We’re" and "We're", "Centre" and "CENTRE": one spelling in another typeface or case, not a variant; nor
// one printed with or without full stops, hyphens or spaces between initials ("Calif." / "Calif", "Robert J.
// Pickell" / "Robert J Pickell", "L. A. Superior Court" / "LA Superior Court", "SEA-ME-WE" / "Sea Me We"),
// or in other quotation marks ("Vincent 'The Chin' Gigante" / 'Vincent "The Chin" Gigante').
const typographic = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’‘`´“”"]/g, "'")
    .replace(/[‐‑–—-]/g, " ")
    .replace(/\./g, " ")
    .replace(/\s+/g, " ")
    .replace(/\b(\p{L}) (?=\p{L}\b)/gu, "$1")
    .trim();

// "Pin-up" / "Pinup", "e-mail" / "email": a compound printed with or without its hyphen is one spelling too
// (a space is not: "Del Giudice" / "DelGiudice" is a variant).
const closedUp = (s: string) => s.toLowerCase().replace(/[‐‑–—-]/g, "");

// Abbreviated titles, read as their words ("Lt." is "Lieutenant", "Gov." "Governor").
const TITLE_ABBREVIATIONS: Record<string, string> = {
  lt: "lieutenant", sgt: "sergeant", cpl: "corporal", capt: "captain", cmdr: "commander", col: "colonel", maj: "major",
  gen: "general", adm: "admiral", det: "detective", insp: "inspector", supt: "superintendent", const: "constable",
  gov: "governor", sen: "senator", rep: "representative", pres: "president", sec: "secretary", atty: "attorney",
  asst: "assistant", dept: "department", rev: "reverend", dr: "doctor", prof: "professor",
  // Sports positions in short ("Colts QB" / "quarterback"); those made of initials are found by rule.
  qb: "quarterback", cb: "cornerback", lb: "linebacker",
};
// One word of the paraphrase list stands for its cluster ("lawyer" / "attorney").
let synonyms: Map<string, string> | undefined;
const synonym = (w: string) => {
  synonyms ??= new Map(paraphraseClusters().flatMap((c) => c.filter((x) => !/\s/.test(x)).map((x) => [x, c[0]!] as const)));
  return synonyms.get(w) ?? w;
};
// A descriptor's words as printed: initials printed apart are one word ("L. A." is "LA").
function printedWords(d: string): string[] {
  const ws = d
    .replace(/[’']s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const joined: string[] = [];
  ws.forEach((w, i) => {
    const last = joined.at(-1);
    if (w.length === 1 && last !== undefined && ws[i - 1]?.length === 1 && /^\p{L}+$/u.test(last)) joined[joined.length - 1] = last + w;
    else joined.push(w);
  });
  return joined;
}

const spelt = (w: string) => (TITLE_ABBREVIATIONS[w] ?? w).split(" ");

/**
 * An acronym in capitals read as the words of another descriptor whose initials spell it: "GM" in "Assistant
 * GM" beside "assistant general manager", "CHP Officer" beside "California Highway Patrol Officer", "OSP Lt."
 * beside "Oregon State Police Lt." (ECB+ flagged all three as described differently). Only words some outlet
 * printed, so an acronym no outlet spells out stays itself.
 */
function expandAcronym(word: string, others: string[][]): string[] | null {
  if (!/^\p{Lu}{2,5}$/u.test(word)) return null;
  const initials = word.toLowerCase();
  for (const ws of others)
    for (let i = 0; i + initials.length <= ws.length; i++) {
      const run = ws.slice(i, i + initials.length);
      if (run.every((w, k) => w.length > 1 && w[0] === initials[k])) return run;
    }
  return null;
}

// "Secretary of the Interior" / "Interior Secretary": one title in two word orders; the words that join a
// title's parts say nothing of their own.
const JOINING_WORDS = new Set(["of", "the", "a", "an", "for", "to", "at", "in", "on"]);

/** A descriptor's words, abbreviations and acronyms spelt out, synonyms read as one ("lawyer" / "attorney"). */
function descriptorWords(d: string, others: string[][] = []): Set<string> {
  const words = printedWords(d).flatMap((w) => expandAcronym(w, others) ?? spelt(w.toLowerCase()));
  return new Set(words.filter((w) => !JOINING_WORDS.has(w)).map(synonym));
}

// Words that change a title's holder, not its detail: "former president" and "president" are two
// descriptions of one man (Bush in 2008 and in 2009).
const STATUS_WORDS = new Set("former ex late acting interim retired then outgoing incoming elect".split(" "));

/**
 * Whether outlets describe an entity differently: two or more articles describe it, and no one of its
 * descriptors holds the words of all the others. "Lt." / "Troy Police Lt.", "Judge" / "Brooklyn Supreme
 * Court Judge", "Sgt." / "Palmer Police Sergeant", "lawyer" / "New York attorney" (the paraphrase list's
 * synonyms) are one title given in full or in short, the same description; "Russian President" /
 * "Russian dictator", "Alaska Gov." / "candidate" and "President" / "former President" are two.
 */
export function describedDifferently(cells: DescriptorCell[]): boolean {
  const described = cells.filter((c) => c.descriptors.length > 0);
  if (described.length < 2) return false;
  const texts = [...new Map(described.flatMap((c) => c.descriptors.map((d) => [normaliseDescriptor(d.text), d.text] as const))).values()];
  const spelled = texts.map((t) => printedWords(t).flatMap((w) => spelt(w.toLowerCase())));
  const all = texts.map((t, i) => descriptorWords(t, spelled.filter((_, j) => j !== i)));
  const covers = (full: Set<string>, d: Set<string>) => [...d].every((w) => full.has(w)) && [...full].every((w) => !STATUS_WORDS.has(w) || d.has(w));
  return !all.some((full) => all.every((d) => covers(full, d)));
}

export function descriptorRows(articles: CompareArticle[], groups: EntityGroup[]): DescriptorRow[] {
  const rows: DescriptorRow[] = [];
  for (const g of groups) {
    const cells: DescriptorCell[] = articles.map((article, a) => {
      const mentions = g.perArticle[a]!.flatMap((e) => e.mentions);
      const others = otherPeople(groups, a, g.key);
      const counts = new Map<string, { text: string; count: number }>();
      for (const m of mentions) {
        const own = m.descriptor ? ownDescriptor(m.descriptor, others) : null;
        if (!own) continue;
        const k = normaliseDescriptor(own);
        const c = counts.get(k);
        if (c) c.count++;
        else counts.set(k, { text: own, count: 1 });
      }
      const surfaces = [...new Set(mentions.map((m) => stripPossessive(m.surface)))];
      return { articleId: article.id, mentions: mentions.length, descriptors: [...counts.values()], surfaces };
    });
    const differs = describedDifferently(cells);

    // Spellings that are variants of one another (not "Putin" vs "Vladimir Putin", which is a short form).
    const all = [...new Set(cells.flatMap((c) => c.surfaces))];
    const variants = new Set<string>();
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) {
        const x = all[i]!;
        const y = all[j]!;
        if (typographic(x) !== typographic(y) && closedUp(x) !== closedUp(y) && spellingVariants(x, y)) {
          variants.add(x);
          variants.add(y);
        }
      }
    rows.push({ entityKey: g.key, name: g.name, type: g.type, cells, differs, spellingVariants: all.filter((s) => variants.has(s)) });
  }
  // Differences first, then the most named.
  const total = (r: DescriptorRow) => r.cells.reduce((s, c) => s + c.mentions, 0);
  return rows.sort(
    (x, y) =>
      Number(y.differs) - Number(x.differs) ||
      Number(y.spellingVariants.length > 0) - Number(x.spellingVariants.length > 0) ||
      total(y) - total(x) ||
      x.name.localeCompare(y.name),
  );
}

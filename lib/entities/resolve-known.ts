// Cross-article resolution of short forms: an article that only says "Putin" or "NATO" gets the keys
// person:putin and org:nato; the database layer can send those to an entity already known under a fuller
// name ("Vladimir Putin", "North Atlantic Treaty Organization"). Conservative on purpose: a wrong merge
// joins two people's coverage and is worse than a missed one, so anything but exactly one candidate
// gives null.

import { foldWords } from "./keys";
import type { EntityType } from "./types";

export interface KnownEntity {
  key: string;
  name: string;
  type: EntityType;
}

// Generational suffixes are not the surname ("Martin Luther King Jr." is a King).
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
// Words an acronym skips ("Federal Bureau of Investigation" -> FBI).
const ACRONYM_SKIP = new Set(["of", "and", "for", "the", "on", "in", "at", "to", "de", "du", "des", "la", "le", "del"]);

function surname(words: string[]): string | undefined {
  let k = words.length - 1;
  while (k > 0 && SUFFIXES.has(words[k]!)) k--;
  return words[k];
}

/** "NATO", "U.N.": letters only, upper case as printed. Null when the name is not an acronym. */
function asAcronym(name: string): string | null {
  const letters = name.replace(/[.\s&\-]/g, "");
  return /^\p{Lu}{2,8}$/u.test(letters) ? letters : null;
}

function initialsOf(name: string): string {
  return foldWords(name).filter((w) => !ACRONYM_SKIP.has(w)).map((w) => w[0]!.toUpperCase()).join("");
}

/**
 * The key of the single known entity of the same type that this short-named entity stands for, or null.
 * PERSON: a one-word name ("Putin") matches known multi-word names with that last word (spelling-folded,
 * so "Zelenskiy" finds "Volodymyr Zelenskyy"). ORGANIZATION: an acronym ("NATO", "U.N.") matches known
 * multi-word names with those initials. Places and other names are never resolved this way ("York" is not
 * "New York", "Korea" is not "North Korea"). Null when zero or several distinct keys match.
 */
export function resolveAgainstKnown(entity: KnownEntity, known: readonly KnownEntity[]): string | null {
  const candidates = new Set<string>();
  if (entity.type === "PERSON") {
    const words = foldWords(entity.name);
    if (words.length !== 1) return null;
    for (const k of known) {
      if (k.type !== "PERSON" || k.key === entity.key) continue;
      const kw = foldWords(k.name);
      if (kw.length >= 2 && surname(kw) === words[0]) candidates.add(k.key);
    }
  } else if (entity.type === "ORGANIZATION") {
    const acronym = asAcronym(entity.name);
    if (!acronym) return null;
    for (const k of known) {
      if (k.type !== "ORGANIZATION" || k.key === entity.key || asAcronym(k.name)) continue;
      if (foldWords(k.name).length >= 2 && initialsOf(k.name) === acronym) candidates.add(k.key);
    }
  }
  return candidates.size === 1 ? [...candidates][0]! : null;
}

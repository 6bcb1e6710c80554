// Dates written in an article's text, as keys at three precisions: "y2013", "m2013-07", "d2013-07-21".
// Look-alike events (two earthquakes in one country, two elections in one republic) are often years
// apart, and the text says when: a dateline ("July 21, 2013"), "in December 2008", "since 2005". When the
// publication date is missing (pasted text, a file without metadata) these are the only time evidence;
// when it is known they still tell which of two similar past events an article is about. Only dates whose
// year is written are read: "on Tuesday" or "July 21" need a reference date the text does not give.
// A regular-expression scan rather than a date parser (chrono-node): it runs on every placement (about
// 23 µs per ECB+ article) and only needs dates whose year is written.

import type { SparseVector } from "./types";

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const YEAR = "((?:19[5-9]|20[0-4])\\d)";
const DAY = "([0-3]?\\d)(?:st|nd|rd|th)?";
// Most specific first: one alternation, so each written date is read once, at its full precision.
const DATE = new RegExp(
  [
    `\\b${YEAR}-(0[1-9]|1[0-2])-([0-3]\\d)\\b`, // 2013-07-21
    `\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, // July 21, 2013 / Dec. 23 2012
    `\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, // 21 July 2013
    `\\b${MONTH},?\\s+${YEAR}\\b`, // May 2005
    `(?<![\\d.,:-])${YEAR}(?![\\d.,]\\d|\\s?-?\\s?(?:years?|yr|per|percent|%))`, // 2008 (not 2008-year, 2,008 or 20.08)
  ].join("|"),
  "gi",
);

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Date keys of a text with how often each precision was written; no dates, empty. */
export function dateKeys(text: string): SparseVector {
  const out: SparseVector = {};
  const add = (key: string) => {
    out[key] = (Object.hasOwn(out, key) ? out[key]! : 0) + 1;
  };
  for (const m of text.matchAll(DATE)) {
    let year: string | undefined;
    let month: number | undefined;
    let day: number | undefined;
    if (m[1]) [year, month, day] = [m[1], Number(m[2]), Number(m[3])];
    else if (m[4]) [month, day, year] = [MONTHS[m[4].toLowerCase()], Number(m[5]), m[6]];
    else if (m[9]) [day, month, year] = [Number(m[7]), MONTHS[m[8]!.toLowerCase()], m[9]];
    else if (m[10]) [month, year] = [MONTHS[m[10].toLowerCase()], m[11]];
    else year = m[12];
    if (!year) continue;
    add(`y${year}`);
    if (month === undefined) continue;
    add(`m${year}-${pad(month)}`);
    if (day !== undefined && day >= 1 && day <= 31) add(`d${year}-${pad(month)}-${pad(day)}`);
  }
  return out;
}

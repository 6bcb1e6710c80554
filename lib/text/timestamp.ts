// Whether a line is a timestamp ("Published August 02, 2013", "8: 24am:", "Article posted on 08. 07. 2012")
// rather than words of the article: the aligner never lists one as a claim, and a story is never titled by
// one (ECB+'s texts open with such lines, and an uploader's first line is taken as the title).

import { tokenize, type Token } from "./tokens";

const TIME_WORDS = new Set(
  ("january february march april may june july august september october november december jan feb mar apr jun jul aug " +
    "sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
    "am pm a.m p.m gmt utc bst cet est edt cst cdt mst mdt pst pdt et pt ist published updated posted modified last " +
    "st nd rd th 1st 2nd 3rd by at on").split(" "),
);

// Words a publishing system prints before the date ("Article posted on ..."): part of a timestamp, but never
// one on their own.
const STAMP_NOUNS = new Set(["article", "story", "post", "page"]);

// A number, an ordinal or a clock time run together with its half of the day ("24am").
const NUMBER = /^\d+(?:st|nd|rd|th|am|pm)?$/;

/** True when every word is a number, a date or time word, or a short zone code (and not only the nouns). */
export function isTimestamp(tokens: Token[]): boolean {
  if (tokens.length === 0) return false;
  let dated = false;
  for (const t of tokens) {
    if (NUMBER.test(t.norm) || TIME_WORDS.has(t.norm)) dated = true;
    else if (!STAMP_NOUNS.has(t.norm)) return false;
  }
  return dated;
}

export function isTimestampLine(text: string): boolean {
  return isTimestamp(tokenize(text));
}

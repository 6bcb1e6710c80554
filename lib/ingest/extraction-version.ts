// Which code extracted a stored article. Every Article row records the version that made its clean text,
// headline, lead, byline, dates, removed boilerplate, entities, mentions and descriptors
// (Article.extractionVersion); `npm run articles:reextract` (lib/ingest/reextract.ts) derives older rows again
// from the original bytes they keep, and a starting server says how many rows are older (instrumentation.ts).
import { db } from "@/lib/db/client";

/**
 * Raise it (by one) with any change that makes the same uploaded bytes give a different stored article: in
 * lib/extract (text, title, lead, byline, dates, caption, URL, language, removed lines), in lib/entities
 * (which names are found, their keys, types, salience, descriptors, offsets) or in how lib/ingest stores them
 * (article-features.ts, store-entities.ts, the columns `deriveArticle` writes). Not for a change that leaves
 * every stored row as it is (speed, refactoring, messages), nor for story placement (`npm run
 * stories:recluster`) or the comparison (COMPARISON_VERSION). Rows stored before versions were recorded are 0.
 *
 * 1 (session 12, 2026-12-04): versions recorded; what sessions 1–11 extracted is 0. Version 1 also reads
 * MHTML, drops the publisher's own name from headlines, gives syndicated copies no site name, finds no
 * entity in party tags ("(D-Minn.)"), names entities as the prose prints them, files a bare surname under
 * the one full name known since, and carries session 12's entity fixes (lib/entities/README.md).
 * 2 (session 14): no entities in academic degrees ("Regina Benjamin, MD, MBA", "her MD degree", "a BS in
 * Chemistry") nor in title-cased titles of works; USPS state codes after a town ("Baltimore, MD"); lists of
 * titled people split before each title, a title's field ("Secretary of Commerce") and a sentence-opening
 * role kept as the descriptor; faiths' adjectives, diseases' initials and dotted country initials after a
 * name are no names of their own; "ADA"/"DA"/"GM" and "Const." before a name are titles; a role's field ("Dean
 * for Rural Health"), "the Web" and fields before a shared head ("the Interior and Commerce departments")
 * are no names; a full name after an age is a person; more organisation heads (advisors, creamery, ...),
 * titles (clerk, defender, football positions) and street leads (Avenue); "World War II" is an event.
 * 3 (session 16): a time line ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12: 46 PM", "8: 24am:") is never a file's
 * headline (the line under it is, else the lead's first sentence that is not one).
 * 4 (session 17): a name after "the" or a league's possessive ending in a common plural is a team or body,
 * not a person ("the NBA's Charlotte Bobcats", "The U. S. Marshals").
 */
export const EXTRACTION_VERSION = 4;

/** How many stored articles an older extraction made (an index-only count; a starting server logs it). */
export async function countStaleArticles(): Promise<number> {
  return db().article.count({ where: { extractionVersion: { lt: EXTRACTION_VERSION } } });
}

// Who each article cites: one row per source (an entity when a mention covers the speaker, else the
// speaker phrase), one cell per article, holding its attribution phrases and the quotes given to it.

import { firstNameGender } from "@/lib/entities";
import { splitParagraphs } from "@/lib/text";
import { citableSpeaker, findAttributions, findQuotes, quotedName, quotedTerm, type AttributionSpan, type Span } from "./attribution";
import { ownDescriptor, otherPeople } from "./descriptors";
import { nameWords, spellingVariants, type EntityGroup } from "./entity-groups";
import type { BodySentence } from "./segment";
import type { Citation, CitationRow, CompareArticle } from "./types";

export interface SentenceAttribution extends AttributionSpan {
  /** Body offsets. */
  sentence: number;
}

/**
 * A "quote" that is an attribution and at most two words more is the gap between two quotes whose marks
 * were paired wrongly (`“ ... links, " Henry explains, "I recommend`; a paragraph opening mid-quote:
 * `stuff, " Woodward wrote in "`): not quoted speech.
 */
function tagOnly(body: string, quote: Span, attribution: { start: number; end: number }): boolean {
  return quote.start === attribution.start && attribution.end <= quote.end && nameWords(body.slice(attribution.end, quote.end)).length <= 2;
}

/** Quoted passages of a body, found paragraph by paragraph; body offsets. */
function bodyQuotes(body: string): Span[] {
  return splitParagraphs(body).flatMap((p) => findQuotes(p.text).map((q) => ({ ...q, start: q.start + p.start, end: q.end + p.start })));
}

/**
 * The attributions of a body's sentences, in body offsets. One inside quotation marks is the quoted
 * speaker's words, not the article's ("'She's noted that the country needs more doctors,' he said" cites
 * "he", not "She's"): it is no source, nor a claim's attribution. The sentence splitter may cut a quote,
 * so quotes are found over the body, not the sentence. A negated one ("Investigators didn't say why") and
 * one that runs on into the claim attribute nothing to anyone.
 */
export function sentenceAttributions(body: string, sentences: BodySentence[]): SentenceAttribution[] {
  const quotes = bodyQuotes(body);
  const quoted = (start: number, end: number) => quotes.some((q) => q.start <= start && end <= q.end && !tagOnly(body, q, { start, end }));
  return sentences.flatMap((s) =>
    findAttributions(s.text, { nameLast: true })
      .filter((a) => !a.runsOn && !a.negated && !quoted(a.start + s.start, a.end + s.start))
      .map((a) => ({
        ...a,
        start: a.start + s.start,
        end: a.end + s.start,
        speaker: { ...a.speaker, start: a.speaker.start + s.start, end: a.speaker.end + s.start },
        sentence: s.index,
      })),
  );
}

const PRONOUNS = new Set(["he", "she"]);
// How many sentences back a pronoun speaker may take the previous speaker.
const MAX_PRONOUN_REACH = 3;
// Lower-case words after a name that do not make it a modifier ("Salazar and Locke", "Smith himself").
const NOT_NOUNS = new Set("and or nor who whose which that himself herself also has have had would will".split(" "));
// Words after which a name qualifies the speaker rather than names it.
const QUALIFYING = new Set("of in from at for with by to on near".split(" "));
const LEADING = /^(?:the|a|an|this|that)\s+/i;
// "President Obama's announcement also noted", "the ministry's official statement said": what someone said
// or did, speaking for its owner, who is the source. An owner of anything else is not ("Iran's seismologic
// center", "Dr. Collins' colleagues" speak for themselves).
const STATEMENT_NOUNS =
  "announcement announcements statement statements decision remarks comments speech letter message release report tweet post testimony order proclamation memo email address";
const OWNED_STATEMENT = new RegExp(`^(.*?\\S)['’]s?\\s+(?:\\p{L}+\\s+){0,2}?(?:${STATEMENT_NOUNS.split(" ").join("|")})(?:\\s+(?:${[...QUALIFYING].join("|")})\\s.*)?$`, "iu");

interface Source {
  key: string;
  name: string | null;
  entityKey: string | null;
  /** Further people speaking together ("Salazar and Locke said"): the citation is theirs too. */
  also?: Source[];
}

export function citationRows(
  articles: CompareArticle[],
  sentences: BodySentence[][],
  attributions: SentenceAttribution[][],
  groups: EntityGroup[],
  claimOf: (article: number, sentence: number) => string | null,
): CitationRow[] {
  const rows = new Map<string, CitationRow>();
  const phraseRows: { words: string; key: string }[] = [];
  // Each article's quoted passages, in body offsets.
  const quoteSpans = articles.map((article) => bodyQuotes(article.body));

  const sourceFor = (a: number, speakerStart: number, speakerEnd: number, speakerText: string): Source => {
    const owner = OWNED_STATEMENT.exec(speakerText)?.[1];
    if (owner) return sourceFor(a, speakerStart, speakerStart + owner.length, owner);
    const mentions = groups.flatMap((g) =>
      g.perArticle[a]!.flatMap((e) => e.mentions.filter((m) => m.field === "body").map((m) => ({ g, m }))),
    );
    // "Kremlin spokesperson Dmitry Peskov told": the person is the source, not the body he speaks for.
    // Otherwise the head of the phrase, its last name ("Kyiv's National Resistance Centre" is the centre).
    // A name that only qualifies the speaker is not the source: an owner ("Iran's seismologic center",
    // "Dr. Collins' colleagues") nor a name after a preposition ("one woman in Qeshm", "a former member
    // of President George W. Bush's Council").
    const body = articles[a]!.body;
    const qualifies = (m: { start: number; end: number }) =>
      ownerMark(m) < speakerEnd ||
      body
        .slice(speakerStart, m.start)
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .some((w) => QUALIFYING.has(w));
    // Where a mention marks an owner ("Iran's", "Collins'"): an owner inside the speaker phrase qualifies it,
    // one that ends it is the owner of a statement (OWNED_STATEMENT). Infinity when it is none.
    const ownerMark = (m: { start: number; end: number }) => {
      const inside = /['’]s?$/u.exec(body.slice(m.start, m.end));
      if (inside) return m.start + inside.index;
      const after = /^\s*['’]/.exec(body.slice(m.end, m.end + 2));
      return after ? m.end + after[0].length - 1 : Infinity;
    };
    // "the Obama administration announced": a person's name before a common noun names what is his, not him.
    const modifies = (g: EntityGroup, m: { end: number }) => {
      const next = /^ (\p{Ll}+)/u.exec(body.slice(m.end, speakerEnd))?.[1];
      return g.type === "PERSON" && next !== undefined && !NOT_NOUNS.has(next);
    };
    const overlapping = mentions
      .filter(({ g, m }) => m.start < speakerEnd && speakerStart < m.end && !qualifies(m) && !modifies(g, m))
      .sort((x, y) => x.m.start - y.m.start);
    const hit = overlapping.find(({ g }) => g.type === "PERSON") ?? overlapping.at(-1);
    if (hit) {
      const people = [...new Map(overlapping.filter(({ g }) => g.type === "PERSON").map(({ g }) => [g.key, g])).values()];
      const joint = people.length > 1 && /\band\b|&/.test(body.slice(speakerStart, speakerEnd));
      const also = joint ? people.slice(1).map((g) => ({ key: g.key, name: g.name, entityKey: g.key })) : [];
      return { key: hit.g.key, name: hit.g.name, entityKey: hit.g.key, ...(also.length ? { also } : {}) };
    }
    if (PRONOUNS.has(speakerText.toLowerCase())) {
      const other = speakerText.toLowerCase() === "she" ? "male" : "female";
      // "Dr. Collins said ... . But there are limits ..., he said.": the person who spoke just before, in
      // the last few sentences, unless another person opens a sentence in between.
      const inQuote = (m: { start: number }) => quoteSpans[a]!.some((q) => q.start <= m.start && m.start < q.end);
      const sentenceStarts = sentences[a]!.map((s) => s.start);
      const opensSentence = (m: { start: number }) => sentenceStarts.some((st) => /^[\s"“‘'(]*$/.test(body.slice(st, m.start)) && st <= m.start);
      const previous = speakers[a]!.filter((x) => x.end <= speakerStart && x.sentence >= sentenceOf(a, speakerStart) - MAX_PRONOUN_REACH).at(-1);
      if (previous?.source.entityKey && previous.type === "PERSON" && firstNameGender(previous.source.name ?? "") !== other) {
        const between = mentions.some(
          ({ g, m }) => g.type === "PERSON" && g.key !== previous.source.key && m.start >= previous.end && m.end <= speakerStart && !inQuote(m) && opensSentence(m) && firstNameGender(g.name) !== other,
        );
        if (!between) return { key: previous.source.key, name: previous.source.name, entityKey: previous.source.entityKey };
      }
      // Else the last person named before it in the same article, outside quotation marks ("'Adam and
      // Eve ... were naked as jaybirds,' she said" is not Eve speaking), and not only as an owner ("Bush's
      // Council"). Nor a person whose first name says otherwise ("she" is not Billy Graham).
      const before = mentions
        .filter(({ g, m }) => g.type === "PERSON" && m.end <= speakerStart && !inQuote(m) && !/^\s*['’]/.test(body.slice(m.end, m.end + 2)) && firstNameGender(g.name) !== other)
        .sort((x, y) => y.m.end - x.m.end)[0];
      if (before) return { key: before.g.key, name: before.g.name, entityKey: before.g.key };
    }
    // "President Barack Obama ... The president said": a role alone, after "the", is the one person this
    // article has named with that role before it (ECB+'s surgeon-general story cited "The President" beside
    // Barack Obama). Two holders ("Presidents Obama and Bush") or none: the phrase stays as printed.
    const role = /^the\s+(\p{L}+)$/iu.exec(speakerText.trim())?.[1]?.toLowerCase();
    // Only the person's own title counts ("President Obama and Senator Kerry": Kerry is no president).
    const holds = (g: EntityGroup, descriptor: string | null, role: string) =>
      descriptor !== null && (ownDescriptor(descriptor, otherPeople(groups, a, g.key)) ?? "").toLowerCase().split(/[^\p{L}]+/u).includes(role);
    if (role) {
      const holders = new Map(
        mentions
          .filter(({ g, m }) => g.type === "PERSON" && m.end <= speakerStart && holds(g, m.descriptor, role))
          .map(({ g }) => [g.key, g]),
      );
      const [holder] = holders.values();
      if (holders.size === 1 && holder) return { key: holder.key, name: holder.name, entityKey: holder.key };
    }
    // "Keeping her on the line, Leader said": a capitalised word alone as the speaker is a surname, the one
    // person of that surname this article names (else the story, where another outlet named her in full).
    // The extractor marks no bare "Leader" (a common word too), so no mention covers it. Two such people: none.
    // A name typed OTHER counts when a first name comes before the surname (a rank the extractor does not
    // know: "Cpl. Janice Leader").
    const surname = /^\p{Lu}[\p{L}'’-]+$/u.test(speakerText) ? speakerText.toLowerCase() : null;
    if (surname) {
      const named = (g: EntityGroup) => {
        const ws = nameWords(g.name);
        const person = g.type === "PERSON" || (g.type === "OTHER" && ws.slice(0, -1).some((w) => firstNameGender(w) !== null));
        return person && ws.length > 1 && ws.at(-1) === surname;
      };
      const inArticle = groups.filter((g) => named(g) && g.perArticle[a]!.length > 0);
      const bearers = inArticle.length > 0 ? inArticle : groups.filter(named);
      if (bearers.length === 1) return { key: bearers[0]!.key, name: bearers[0]!.name, entityKey: bearers[0]!.key };
    }
    const words = nameWords(speakerText.replace(LEADING, "")).join(" ");
    // Phrases without an entity behind them still meet across articles when spelt alike ("the centre" / "the center").
    const known = phraseRows.find((p) => p.words === words || spellingVariants(p.words, words));
    const key = known?.key ?? `phrase:${words}`;
    if (!known) phraseRows.push({ words, key });
    return { key, name: speakerText, entityKey: null };
  };

  const add = (source: Source, a: number, citation: Citation) => {
    for (const other of source.also ?? []) addOne(other, a, citation);
    addOne(source, a, citation);
  };
  const addOne = (source: Source, a: number, citation: Citation) => {
    let row = rows.get(source.key);
    if (!row) {
      row = {
        key: source.key,
        name: source.name,
        entityKey: source.entityKey,
        cells: articles.map((x) => ({ articleId: x.id, citations: [] })),
        citedBy: 0,
      };
      rows.set(source.key, row);
    }
    row.cells[a]!.citations.push(citation);
  };

  // Each article's attributions with the source each was given, in order (for pronoun speakers).
  const speakers: { end: number; sentence: number; source: Source; type: string | null }[][] = articles.map(() => []);
  const sentenceOf = (a: number, offset: number) => sentences[a]!.find((s) => s.start <= offset && offset < s.end)?.index ?? 0;
  const typeOf = (key: string) => groups.find((g) => g.key === key)?.type ?? null;
  const sourceOfAttribution = new Map<SentenceAttribution, Source>();

  articles.forEach((article, a) => {
    const atts = attributions[a]!.filter((x) => citableSpeaker(x.speaker.text));
    for (const att of atts) {
      const source = sourceFor(a, att.speaker.start, att.speaker.end, att.speaker.text);
      sourceOfAttribution.set(att, source);
      speakers[a]!.push({ end: att.end, sentence: att.sentence, source, type: source.entityKey ? typeOf(source.entityKey) : null });
      add(source, a, {
        kind: "attribution",
        articleId: article.id,
        text: article.body.slice(att.start, att.end),
        start: att.start,
        end: att.end,
        verb: att.verb,
        hedged: att.hedged,
        claimId: claimOf(a, att.sentence),
      });
    }
    // Quotes of speech: not a quoted title or nickname (quotedName), nor a scare-quoted term ("genius
    // grant": quotedTerm), nor a tag between two quotes (tagOnly).
    const listed = quoteSpans[a]!.filter(
      (q) => !quotedName(q.text) && !quotedTerm(q.text, article.body.slice(Math.max(0, q.start - 8), q.start)) && !attributions[a]!.some((x) => tagOnly(article.body, q, x)),
    );
    for (const { start, end } of listed) {
      const sentence = sentences[a]!.find((s) => s.start <= start && start < s.end);
      // The speaker tag sits in a sentence the quote touches, outside the quote itself.
      const touching = sentences[a]!.filter((s) => s.start < end + 2 && start - 2 < s.end).map((s) => s.index);
      const tag = atts.find((x) => touching.includes(x.sentence) && (x.end <= start || x.start >= end));
      const source: Source = tag ? sourceOfAttribution.get(tag)! : { key: "quote:unattributed", name: null, entityKey: null };
      add(source, a, {
        kind: "quote",
        articleId: article.id,
        text: article.body.slice(start, end),
        start,
        end,
        verb: tag?.verb ?? null,
        hedged: tag?.hedged ?? false,
        claimId: sentence ? claimOf(a, sentence.index) : null,
      });
    }
  });

  const out = [...rows.values()];
  for (const r of out) r.citedBy = r.cells.filter((c) => c.citations.length > 0).length;
  const firstPosition = (r: CitationRow) => Math.min(...r.cells.flatMap((c, i) => c.citations.map((x) => i * 1e9 + x.start)));
  return out.sort((x, y) => y.citedBy - x.citedBy || Number(x.name === null) - Number(y.name === null) || firstPosition(x) - firstPosition(y));
}

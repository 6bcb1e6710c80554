// HTML pages: metadata from the head (meta/og/twitter tags, JSON-LD, canonical link, lang) and the body
// from the block scorer. Output is plain text only; nothing from the page is ever rendered as markup.

import { hostOf, registrableDomain } from "./domain";
import { decodeEntities } from "./entities";
import { findAll, parseHtml, textOf, walk, type HtmlElement } from "./html-dom";
import { extractBody } from "./html-blocks";
import { detectLanguage, normalizeLangTag, stopWordsFor } from "./language";
import { cleanAuthor, parseDate, type ParsedDate } from "./metadata";

export interface HtmlArticle {
  title: string | null;
  paragraphs: string[];
  removed: string[];
  caption: string | null;
  byline: string | null;
  published: ParsedDate | null;
  url: string | null;
  siteName: string | null;
  /** A syndicated copy's own site name (msn.com's "MSN" on its copy of a CNN story), which siteName leaves out. */
  copiedBy: string | null;
  language: string | null;
  /** articleBody from JSON-LD when the page carries it, used as a fallback body. */
  ldBody: string | null;
}

interface Meta {
  get(...keys: string[]): string | null;
}

function readMeta(root: HtmlElement): Meta {
  const map = new Map<string, string>();
  walk(root, (el) => {
    if (el.tag === "meta") {
      const key = (el.attrs.property ?? el.attrs.name ?? el.attrs.itemprop ?? el.attrs["http-equiv"] ?? "").toLowerCase();
      const content = el.attrs.content?.trim();
      if (key && content && !map.has(key)) map.set(key, content);
    }
    return el.tag !== "script" && el.tag !== "style";
  });
  return {
    get: (...keys) => {
      for (const k of keys) {
        const v = map.get(k);
        if (v) return v;
      }
      return null;
    },
  };
}

interface LdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
  articleBody?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|LiveBlogPosting|BackgroundNewsArticle|TechArticle|ScholarlyArticle|Report|WebPage|SocialMediaPosting|DiscussionForumPosting|VideoObject)$/;

function readJsonLd(root: HtmlElement): LdArticle {
  const out: LdArticle = {};
  const scripts = findAll(root, (el) => el.tag === "script" && /ld\+json/i.test(el.attrs.type ?? ""));
  const seen: unknown[] = [];
  for (const s of scripts) {
    const raw = s.children.filter((c): c is string => typeof c === "string").join("");
    try {
      seen.push(JSON.parse(raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, "")));
    } catch {
      // Pages often ship broken JSON-LD; the rest of the metadata still stands.
    }
  }
  const nodes: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    nodes.push(o);
    if (o["@graph"]) visit(o["@graph"], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  seen.forEach((v) => visit(v, 0));
  const typeOf = (o: Record<string, unknown>) => [o["@type"]].flat().map(String);
  // Prefer article types over the generic WebPage.
  const ranked = nodes
    .filter((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t)))
    .sort((a, b) => Number(typeOf(a).includes("WebPage")) - Number(typeOf(b).includes("WebPage")));
  for (const o of ranked) {
    out.headline ??= str(o.headline) ?? (typeOf(o).includes("WebPage") ? undefined : str(o.name));
    out.datePublished ??= str(o.datePublished) ?? str(o.dateCreated);
    out.author ??= names(o.author ?? o.creator);
    out.publisher ??= names(o.publisher);
    out.url ??= str(o.url) ?? str((o.mainEntityOfPage as Record<string, unknown> | undefined)?.["@id"]) ?? str(o.mainEntityOfPage);
    out.articleBody ??= str(o.articleBody) ?? str(o.text);
  }
  if (!out.publisher) {
    const org = nodes.find((o) => typeOf(o).some((t) => t === "Organization" || t === "NewsMediaOrganization"));
    if (org) out.publisher = str(org.name);
  }
  return out;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string" && v.trim()) return v.trim();
  return undefined;
}

function names(v: unknown): string | undefined {
  const list = [v].flat(2).map((x) => (typeof x === "string" ? x : x && typeof x === "object" ? str((x as Record<string, unknown>).name) : undefined));
  const clean = list.filter((x): x is string => !!x && !/^https?:/.test(x));
  return clean.length ? [...new Set(clean)].join(", ") : undefined;
}

// Where pages put their publication date, in the order they are trusted; then a line such as "Published
// 10:02 AM EST Nov 19, 2019" that the body extractor removed.
const DATE_META = ["article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "og:published_time"];
const PUBLISHED_LINE = /^\s*(?:published|posted|first published)\b/i;

const TITLE_SEPARATOR = /\s+[|–—·:»-]\s+/;

/** "Headline | Site" or "Headline - Site": drop the site part when it matches the site name or is short. */
function cleanDocTitle(t: string, siteName: string | null): string {
  const parts = t.split(TITLE_SEPARATOR);
  if (parts.length < 2) return t;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (siteName && last.toLowerCase().includes(siteName.toLowerCase())) return parts.slice(0, -1).join(" - ");
  if (first.split(/\s+/).length >= 3 && last.split(/\s+/).length <= 4) return parts.slice(0, -1).join(" - ");
  return t;
}

const squash = (s: string) => s.toLowerCase().replace(/^the\s+/, "").replace(/[^\p{L}\p{N}]+/gu, "");

/** The names a page's publisher goes by: its og:site_name and its hosts' words ("ign" for www.ign.com). */
function publisherNames(siteName: string | null, urls: readonly (string | null)[]): Set<string> {
  const out = new Set<string>();
  if (siteName) out.add(squash(siteName));
  for (const url of urls) {
    const host = hostOf(url)?.replace(/^www\./, "");
    if (!host) continue;
    out.add(squash(host));
    out.add(squash(host.split(".")[0]!));
  }
  out.delete("");
  return out;
}

/**
 * JSON-LD and og:title headlines often carry the site's name as <title> does ("New York man pleads guilty
 * to threatening to kill Omar | TheHill", "... - Sportsnet.ca", "... - IGN"): the outlet is shown beside
 * every headline, so the suffix is dropped, but only when it is the publisher's own name or address. A
 * section ("| Editorial") or a headline's own second half ("Nadal keeps Spain alive - and ...") stays.
 */
export function dropSiteSuffix(title: string, siteName: string | null, ...urls: (string | null)[]): string {
  const names = publisherNames(siteName, urls);
  if (names.size === 0) return title;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  // What is left must still read as a headline ("Sportsnet.ca - Home" is kept as it is).
  const headline = (t: string) => (t.split(/\s+/).length >= 2 ? t : title);
  if (names.has(squash(parts[parts.length - 1]!))) {
    return headline(title.slice(0, title.length - parts[parts.length - 1]!.length).replace(/\s+[|–—·:»-]\s+$/, ""));
  }
  // "TheHill | New York man ...": the site first (a few sites print their name before the headline).
  if (names.has(squash(parts[0]!))) return headline(title.slice(parts[0]!.length).replace(/^\s+[|–—·:»-]\s+/, ""));
  return title;
}

export function extractHtml(html: string): HtmlArticle {
  const root = parseHtml(html);
  const meta = readMeta(root);
  const ld = readJsonLd(root);

  let htmlEl: HtmlElement | null = null;
  let body: HtmlElement | null = null;
  let docTitle: string | null = null;
  let canonical: string | null = null;
  let firstTime: string | null = null;
  const h1s: string[] = [];
  let authorLink: string | null = null;
  walk(root, (el) => {
    switch (el.tag) {
      case "html":
        htmlEl ??= el;
        break;
      case "body":
        body ??= el;
        break;
      case "title":
        docTitle ??= textOf(el) || null;
        return false;
      case "link":
        if (/\bcanonical\b/i.test(el.attrs.rel ?? "") && el.attrs.href) canonical ??= el.attrs.href.trim();
        break;
      case "time":
        if (el.attrs.datetime) firstTime ??= el.attrs.datetime;
        break;
      case "h1":
        if (h1s.length < 3) h1s.push(textOf(el));
        break;
      case "a":
        if (/\bauthor\b/i.test(el.attrs.rel ?? "")) authorLink ??= textOf(el) || null;
        break;
      case "script":
      case "style":
        return false;
    }
    if (el.attrs.itemprop === "datePublished") firstTime ??= el.attrs.datetime ?? el.attrs.content ?? null;
    return true;
  });

  const url = canonical ?? meta.get("og:url", "twitter:url") ?? ld.url ?? null;
  // A syndicated copy (msn.com's page of a CNN story) points its canonical link at the original and keeps
  // its own og:url and og:site_name ("MSN"): the site name is the copier's, not the canonical publisher's,
  // and named the outlet of cnn.com "MSN". The article is the original's; its outlet is named by its domain.
  const [canonicalSite, ownSite] = [hostOf(canonical), hostOf(meta.get("og:url"))].map((h) => (h ? registrableDomain(h.replace(/^www\./, "")) : null));
  const syndicated = canonicalSite !== null && ownSite !== null && canonicalSite !== ownSite;
  const pageSite = meta.get("og:site_name", "application-name", "twitter:app:name:iphone") ?? ld.publisher ?? null;
  const siteName = syndicated ? null : pageSite;
  const title =
    ld.headline ??
    meta.get("og:title", "twitter:title", "headline", "dc.title") ??
    h1s.find((h) => h.length > 0) ??
    (docTitle ? cleanDocTitle(docTitle, pageSite) : null);

  const container: HtmlElement = body ?? root;
  const declared = normalizeLangTag((htmlEl as HtmlElement | null)?.attrs.lang ?? meta.get("content-language", "og:locale", "language"));
  // The block classifier needs the prose language; the declared one is usually right, and when the page
  // declares none the document text decides.
  // Templates often declare the wrong language (lang="en" on a German blog), so the text decides when it can.
  const profileLang = detectLanguage(textOf(container, 20_000)) ?? declared;
  const stop = stopWordsFor(profileLang);
  const description = meta.get("description", "og:description", "twitter:description");
  const { paragraphs, removed } = extractBody(container, title, stop, description ? decodeEntities(description) : null);

  let caption: string | null = null;
  walk(container, (el) => {
    if (caption) return false;
    if (el.tag === "figcaption") {
      caption = textOf(el) || null;
      return false;
    }
    return true;
  });

  // The first candidate that reads as a date: a template's placeholder in JSON-LD ("0001-01-01T00:00:00Z")
  // must not hide the meta tags, nor they a "Published 10:02 AM EST Nov 19, 2019" line the extractor removed
  // as boilerplate.
  const dateCandidates = [
    ld.datePublished,
    ...DATE_META.map((k) => meta.get(k)),
    firstTime,
    ...removed.filter((l) => PUBLISHED_LINE.test(l) && l.split(/\s+/).length <= 12),
  ];
  let published: ParsedDate | null = null;
  for (const c of dateCandidates) {
    const d = c ? parseDate(c) : null;
    if (d?.date) {
      published = d;
      break;
    }
    published ??= d;
  }
  const author = ld.author ?? meta.get("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author") ?? authorLink;
  const bodyText = paragraphs.join("\n");
  return {
    // Some CMSs escape twice (content="&amp;#8220;..."), so a title may still hold references.
    // A syndicated copy's headline may end in the copier's name ("... | MSN"), hence both addresses.
    title: title ? dropSiteSuffix(decodeEntities(title).replace(/\s+/g, " ").trim(), pageSite, url, meta.get("og:url") ?? null) : null,
    paragraphs,
    removed,
    caption,
    byline: author ? cleanAuthor(author) : null,
    published,
    url,
    siteName,
    copiedBy: syndicated ? pageSite : null,
    language: detectLanguage(bodyText) ?? declared ?? profileLang,
    ldBody: ld.articleBody ?? null,
  };
}

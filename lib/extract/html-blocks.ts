// Article body from an HTML tree in two linear passes:
// 1. flatten the visible body into text blocks (paragraph-level), skipping subtrees that are chrome
//    by tag (nav, aside, form...) or by class/id (share, related, comments...);
// 2. score every element by the text mass of the blocks under it (good prose counts for, link lists
//    and short fragments against) and take the best subtree; then keep its blocks with a jusText-style
//    context rule so a short line survives only between prose.

import { type HtmlElement, type HtmlNode } from "./html-dom";
import { blockClass, hasPhotoCredit, isCommentHeader, isStampLine, type BlockClass } from "./block-class";
import { parseBylineLine } from "./metadata";

export interface Block {
  text: string;
  linkChars: number;
  tag: string; // nearest block-level ancestor's tag
  heading: boolean;
  /** Index of the element (pre-order) that owns this block, for subtree ranges. */
  owner: number;
  /** Inside a blockquote: a quoted or embedded post, whose attribution line is link-heavy but content. */
  quote: boolean;
}

const BLOCK_TAGS = new Set(
  ("address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer " +
    "form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section table tbody thead tfoot tr td th ul summary caption")
    .split(" "),
);
// Never content, whatever else the page does.
const SKIP_TAGS = new Set(
  ("script style noscript template svg math iframe object embed canvas video audio map select option button input " +
    "textarea label figure figcaption picture dialog head title").split(" "),
);
// Usually chrome, but some pages wrap everything in one (ASP.NET's page-wide <form>, a <header> holding the
// headline), so these are dropped only when they do not hold the article (see extractBody).
const SOFT_CHROME_TAGS = new Set(["nav", "aside", "footer", "form", "header", "menu"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

// Class/id words that mark page chrome. Matched on word parts of class and id, not free text.
const NEGATIVE =
  /(^|[-_\s])(ad|ads|advert|advertisement|adslot|banner|breadcrumbs?|byline|caption|comments?|community|consent|cookies?|credits?|disqus|dropdown|footer|gdpr|hidden|jump|masthead|menu|meta|modal|more|nav|navbar|navigation|newsletter|outbrain|pagination|pager|paywall|popup|promo|promos|recirc|recommend|recommended|related|remark|replies|rss|share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsor|sponsored|subscribe|subscription|supplemental|tags|taboola|toolbar|tools|trending|widget|author-bio|bio|newsletters|most-popular|popular|read-more|readmore|also|teaser|teasers|toc|print|hide|sr-only|visually-hidden|visuallyhidden|screen-reader-text|inline-ad|skip)($|[-_\s])/i;
const POSITIVE = /(^|[-_\s])(article|articlebody|article-body|body|content|entry|main|post|story|story-body|text|blog|prose)($|[-_\s])/i;

interface Walked {
  blocks: Block[];
  /** Pre-order list of elements; parentIndex[i] is the index of i's parent (-1 for the start). */
  elements: HtmlElement[];
  parentIndex: number[];
  /** Range of block indices under element i: [firstBlock[i], endBlock[i]). */
  firstBlock: number[];
  endBlock: number[];
}

/** Subtrees that are never content: scripts, media, hidden elements. */
export function isHidden(el: HtmlElement): boolean {
  if (SKIP_TAGS.has(el.tag)) return true;
  const a = el.attrs;
  if ("hidden" in a || a["aria-hidden"] === "true") return true;
  const style = a.style;
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Elements that look like page chrome by tag, role or class/id words. */
export function isChrome(el: HtmlElement): boolean {
  if (SOFT_CHROME_TAGS.has(el.tag)) return true;
  const a = el.attrs;
  const role = a.role;
  if (role && /^(navigation|banner|contentinfo|complementary|dialog|alert|menu|menubar|search|toolbar)$/.test(role)) return true;
  if (el.tag === "body" || el.tag === "article" || el.tag === "main" || el.tag === "html") return false;
  const cls = (a.class ?? "") + " " + (a.id ?? "");
  if (cls.length < 2) return false;
  // Drop only when a chrome word appears and no content word does; a long class list on a wrapper often
  // mixes both ("article-body has-sidebar").
  return NEGATIVE.test(cls) && !POSITIVE.test(cls);
}

/**
 * A hover card inside running text: an inline element that opens with a picture and holds only links (a
 * person's or product's card with links to other stories), which a browser shows on hover. Its text would
 * otherwise land in the middle of a sentence. The name the card belongs to comes before the picture, so the
 * element around name and card does not match. The look is bounded, so nested spans stay cheap.
 */
function isHoverCard(el: HtmlElement): boolean {
  if (BLOCK_TAGS.has(el.tag) || el.tag === "a" || !el.children.some((c) => typeof c !== "string")) return false;
  let seen = 0;
  let img = false;
  let links = 0;
  const stack: { node: HtmlNode; inLink: boolean }[] = [{ node: el, inLink: false }];
  while (stack.length) {
    const { node, inLink } = stack.pop()!;
    if (typeof node === "string") {
      if (!inLink && node.trim()) return false;
      if (!img && node.trim()) return false;
      continue;
    }
    if (++seen > 80 || BLOCK_TAGS.has(node.tag)) return false;
    if (node.tag === "img" || node.tag === "picture") img = true;
    else if (node.tag === "a") {
      if (!img) return false;
      links++;
    }
    const link = inLink || node.tag === "a";
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, inLink: link });
  }
  return img && links >= 2;
}

/** Elements that mark the article itself; a chrome-looking element holding one is a page wrapper. */
function isAnchor(el: HtmlElement): boolean {
  return el.tag === "h1" || el.tag === "article" || el.attrs.itemprop === "articleBody";
}

/** Flatten an element into blocks. Iterative; `skip` decides chrome subtrees. */
export function walkBlocks(start: HtmlElement, skip: (el: HtmlElement) => boolean): Walked {
  const blocks: Block[] = [];
  const elements: HtmlElement[] = [];
  const parentIndex: number[] = [];
  const firstBlock: number[] = [];
  const endBlock: number[] = [];

  let parts: string[] = [];
  let linkLen = 0;
  let blockOwner = 0;
  let blockTag = start.tag;
  let pre = 0;
  let quote = 0;

  const flush = () => {
    if (!parts.length) return;
    const raw = parts.join("");
    parts = [];
    const text = pre > 0 ? raw.replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, " ").trim() : raw.replace(/\s+/g, " ").trim();
    const link = linkLen;
    linkLen = 0;
    if (!text) return;
    blocks.push({ text, linkChars: Math.min(link, text.length), tag: blockTag, heading: HEADINGS.has(blockTag), owner: blockOwner, quote: quote > 0 });
  };

  // Explicit stack of frames: entering an element pushes it; its exit marker restores context.
  type Frame = { node: HtmlNode; parent: number; exit: false; inLink: boolean } | { exit: true; index: number; prevOwner: number; prevTag: string; isBlock: boolean; isPre: boolean; isQuote: boolean };
  const stack: Frame[] = [{ node: start, parent: -1, exit: false, inLink: false }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.exit) {
      if (f.isBlock) {
        flush();
        blockOwner = f.prevOwner;
        blockTag = f.prevTag;
      }
      if (f.isPre) pre--;
      if (f.isQuote) quote--;
      endBlock[f.index] = blocks.length;
      continue;
    }
    const node = f.node;
    if (typeof node === "string") {
      parts.push(node);
      if (f.inLink) linkLen += node.replace(/\s+/g, " ").length;
      continue;
    }
    if (node !== start && skip(node)) continue;
    if (node.tag === "br" || node.tag === "hr") {
      flush();
      continue;
    }
    const index = elements.length;
    elements.push(node);
    parentIndex.push(f.parent);
    const isBlock = BLOCK_TAGS.has(node.tag);
    if (isBlock) flush();
    firstBlock[index] = blocks.length;
    const isPre = node.tag === "pre";
    if (isPre) pre++;
    const isQuote = node.tag === "blockquote";
    if (isQuote) quote++;
    stack.push({ exit: true, index, prevOwner: blockOwner, prevTag: blockTag, isBlock, isPre, isQuote });
    if (isBlock) {
      blockOwner = index;
      blockTag = node.tag;
    }
    const inLink = f.inLink || node.tag === "a";
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i]!;
      // Inline elements glue words; an inline element with no surrounding space still separates
      // nothing, as in a browser.
      stack.push({ node: c, parent: index, exit: false, inLink });
    }
  }
  flush();
  return { blocks, elements, parentIndex, firstBlock, endBlock };
}

/** Signed weight of a block for container choice: prose counts for, link lists and fragments against. */
function weight(b: Block, cls: BlockClass): number {
  const len = b.text.length;
  switch (cls) {
    case "good":
      return len;
    case "near":
      return len * 0.5;
    case "short":
      // Short paragraphs are common in list-like articles (recipes, results); short items elsewhere are menus.
      return b.heading || b.tag === "p" ? len * 0.1 : -Math.min(len, 40) * 0.5;
    case "bad":
      // Only link lists count against a container; unlinked data lines (scores, recipe amounts) are neutral,
      // and so are linked full sentences (a digest of linked summaries is not a menu).
      return b.linkChars / len > 0.5 && !isLinkedSentence(b) ? -len : 0;
  }
}

function isLinkedSentence(b: Block): boolean {
  return wordCount(b.text) >= 15 && /[.!?…]["”’)]?$/u.test(b.text);
}

/** A list item that is a whole linked sentence: an entry of a news digest, not a menu entry or a headline. */
function isLinkedSummary(b: Block): boolean {
  return b.tag === "li" && isLinkedSentence(b);
}

// A child holding at least this share of its parent's prose replaces the parent (measured on the benchmark:
// 0.8 cuts real article parts, 0.95 keeps teaser rails).
const TIGHTEN = 0.9;

export interface BodyResult {
  paragraphs: string[];
  removed: string[];
  blocks: Block[];
}

export function extractBody(
  body: HtmlElement,
  title: string | null,
  stopWords: ReadonlySet<string> | null,
  description: string | null = null,
): BodyResult {
  const w = walkBlocks(body, (el) => isHidden(el) || isHoverCard(el));
  const { blocks, elements, parentIndex, firstBlock, endBlock } = w;
  if (!blocks.length) return { paragraphs: [], removed: [], blocks };
  const classes = blocks.map((b) => blockClass(b.text, b.linkChars, stopWords));
  // Judge the page against itself: with no block that passes as prose, its near-prose is the article.
  if (!classes.includes("good")) for (let i = 0; i < classes.length; i++) if (classes[i] === "near") classes[i] = "good";
  const n = elements.length;
  const tabular = dataTableBlocks(w);

  // Bottom-up: prose mass and whether an article marker is inside. Pre-order lists children after their
  // parents, so one reverse sweep totals every subtree.
  const good = new Float64Array(n);
  const chars = new Float64Array(n);
  const quoted = new Float64Array(n);
  const anchor = new Uint8Array(n);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    // A data table is content in its own right (standings, results, schedules), though no cell is prose.
    if (tabular[i] && (classes[i] === "short" || (classes[i] === "bad" && b.linkChars < b.text.length * 0.3))) classes[i] = "near";
    if (classes[i] === "good" || tabular[i]) good[b.owner]! += b.text.length;
    chars[b.owner]! += b.text.length;
    if (b.quote) quoted[b.owner]! += b.text.length;
  }
  for (let i = n - 1; i >= 0; i--) {
    if (isAnchor(elements[i]!)) anchor[i] = 1;
    const p = parentIndex[i]!;
    if (p >= 0) {
      good[p]! += good[i]!;
      chars[p]! += chars[i]!;
      quoted[p]! += quoted[i]!;
      anchor[p] = anchor[p]! | anchor[i]!;
    }
  }
  // Top-down: chrome subtrees go unless they hold the article (a wrapper with an unlucky class name). A
  // <footer> never wraps the article, so holding most of the prose does not save it: on a page of short
  // lines (a meal plan, a results list) the legal text at the bottom is the longest prose there is.
  const total = good[0]!;
  const dropped = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i]!;
    if (p >= 0 && dropped[p]) dropped[i] = 1;
    // An embedded post sits in a wrapper named for its network ("social-embed"); its text is a quote.
    else if (i > 0 && isChrome(elements[i]!) && !anchor[i] && !(good[i]! >= total * 0.5 && total > 0 && elements[i]!.tag !== "footer") && !(quoted[i]! >= chars[i]! * 0.6 && chars[i]! > 0)) dropped[i] = 1;
  }

  const sum = new Float64Array(n);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!dropped[b.owner]) sum[b.owner]! += weight(b, classes[i]!);
  }
  for (let i = n - 1; i > 0; i--) sum[parentIndex[i]!]! += sum[i]!;
  let best = 0;
  for (let i = n - 1; i >= 0; i--) if (!dropped[i] && sum[i]! > sum[best]!) best = i;

  // Prefer the tightest container: step down while one child holds nearly all of the prose, so a
  // wrapper's extra teaser or ticker blocks stay out.
  const childrenOf = new Map<number, number[]>();
  for (let i = 1; i < n; i++) {
    const p = parentIndex[i]!;
    let list = childrenOf.get(p);
    if (!list) childrenOf.set(p, (list = []));
    list.push(i);
  }
  // A table is one unit: its header row belongs with its body rows.
  while (elements[best]!.tag !== "table") {
    const kids = childrenOf.get(best) ?? [];
    let next = -1;
    for (const k of kids) if (!dropped[k] && sum[k]! >= sum[best]! * TIGHTEN) next = k;
    if (next < 0) break;
    best = next;
  }
  const from = firstBlock[best]!;
  let to = endBlock[best]!;
  // Feeds and comment threads inside the container start with a bare date line or "name says:"; the
  // article ends there.
  let goodSeen = 0;
  for (let i = from; i < to; i++) {
    if (classes[i] === "good" && !dropped[blocks[i]!.owner]) goodSeen++;
    else if (goodSeen >= 2 && (isStampLine(blocks[i]!.text) || isCommentHeader(blocks[i]!.text))) {
      to = i;
      break;
    }
  }
  const live: BlockClass[] = classes.map((c, i) => (dropped[blocks[i]!.owner] ? "bad" : c));
  const pruned = new Uint8Array(blocks.length);
  pruneLinkLists(w, pruned, best, from, to);
  pruneTeasers(w, pruned, best, from, to);
  const boxes = productBoxes(w, best, from, to);
  for (let i = from; i < to; i++) if (boxes[i]) pruned[i] = 0;
  for (let i = from; i < to; i++) if (pruned[i]) live[i] = "bad";
  const keep = contextKeep(blocks, live, from, to, pruned, boxes);
  const titleKey = title ? squash(title) : null;
  const descKey = description ? squash(description) : null;
  const paragraphs: string[] = [];
  const removed: string[] = [];
  let inText = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const kept = keep[i] && !dropped[b.owner];
    // The headline (h1, or a heading repeating the title) is metadata, not body; so is a standfirst above
    // the first paragraph that repeats the page's description (a paragraph that does is the lead).
    const isTitle = b.tag === "h1" || (titleKey !== null && b.heading && squash(b.text) === titleKey);
    const isStandfirst = !inText && b.tag !== "p" && descKey !== null && squash(b.text) === descKey;
    if (kept && b.tag === "p") inText = true;
    if (kept && !isTitle && !isStandfirst) paragraphs.push(b.text);
    else removed.push(b.text);
  }
  return { paragraphs, removed, blocks };
}

/**
 * Blocks inside data tables: at least three rows of short, mostly unlinked cells. Layout tables (cells of
 * paragraphs) and link tables (menus, archives) do not count.
 */
function dataTableBlocks(w: Walked): Uint8Array {
  const { blocks, elements, parentIndex, firstBlock, endBlock } = w;
  const n = elements.length;
  const out = new Uint8Array(blocks.length);
  const rows = new Uint32Array(n);
  for (let i = n - 1; i > 0; i--) {
    if (elements[i]!.tag === "tr") rows[i]!++;
    rows[parentIndex[i]!]! += rows[i]!;
  }
  let coveredTo = -1;
  for (let i = 0; i < n; i++) {
    const a = firstBlock[i]!;
    const z = endBlock[i]!;
    if (elements[i]!.tag !== "table" || a < coveredTo || rows[i]! < 3 || z - a < rows[i]! * 1.5) continue;
    let chars = 0;
    let links = 0;
    for (let k = a; k < z; k++) {
      chars += blocks[k]!.text.length;
      links += blocks[k]!.linkChars;
    }
    if (chars / (z - a) <= 80 && links < chars * 0.3) {
      out.fill(1, a, z);
      coveredTo = z;
    }
  }
  return out;
}

// A rail is at least three blocks, at least 40% link text, and headline-sized on average (measured on the
// dev half: 0.3-0.4 remove the same rails; items of linked paragraphs are digests, not rails).
const LINK_LIST_DENSITY = 0.4;
const LINK_LIST_MIN = 3;
const LINK_LIST_ITEM = 120;

/**
 * Inside the container, a list or box whose blocks are mostly links is a rail of other stories ("More
 * stories", "Read next"), however well its headlines read one by one. Whole subtrees go: one pass in pre-order,
 * skipping what an outer pruned list already covers, so the work stays linear.
 */
function pruneLinkLists(w: Walked, pruned: Uint8Array, container: number, from: number, to: number): void {
  const { blocks, elements, parentIndex, firstBlock, endBlock } = w;
  const n = elements.length;
  const linkSum = new Float64Array(n);
  const charSum = new Float64Array(n);
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    if (b.quote) continue;
    linkSum[b.owner]! += b.linkChars;
    charSum[b.owner]! += b.text.length;
  }
  for (let i = n - 1; i > container; i--) {
    linkSum[parentIndex[i]!]! += linkSum[i]!;
    charSum[parentIndex[i]!]! += charSum[i]!;
  }
  let coveredTo = -1;
  for (let i = container + 1; i < n; i++) {
    const a = firstBlock[i]!;
    const z = endBlock[i]!;
    if (a >= to) break;
    if (a < from || a < coveredTo || z - a < LINK_LIST_MIN) continue;
    // Headlines are short; a digest whose items are linked paragraphs is the article itself.
    if (charSum[i]! > 0 && linkSum[i]! >= charSum[i]! * LINK_LIST_DENSITY && charSum[i]! / (z - a) <= LINK_LIST_ITEM) {
      pruned.fill(1, a, z);
      coveredTo = z;
    }
  }
}

// A teaser is a linked headline of at least four words with at most a short excerpt: a few blocks, a few
// hundred characters (dev half: 500-1000 chars and 4-6 blocks remove the same teasers; 8 blocks starts
// taking article sections). Two of one shape already make a rail: promos are often spread through the text.
const TEASER_MAX_BLOCKS = 6;
const TEASER_MAX_CHARS = 700;
const TEASER_GROUP = 2;

/**
 * Teasers for other stories come in repeated units of one shape: the same tag and class (or, without a
 * class, the same tag under the same parent), each a linked headline with a short excerpt. The excerpt
 * reads as prose, so block classes alone keep it; the repetition gives the rail away. Paragraphs of the
 * article never carry a headline-sized link as a block of their own, so they do not match.
 */
function pruneTeasers(w: Walked, pruned: Uint8Array, container: number, from: number, to: number): void {
  const { blocks, elements, parentIndex, firstBlock, endBlock } = w;
  const groups = new Map<string, number[]>();
  for (let i = container + 1; i < elements.length; i++) {
    const a = firstBlock[i]!;
    if (a >= to) break;
    const z = endBlock[i]!;
    if (a < from || z - a < 1 || z - a > TEASER_MAX_BLOCKS || !isTeaser(blocks, a, z)) continue;
    const el = elements[i]!;
    const cls = el.attrs.class?.trim();
    const key = cls ? `${el.tag}.${cls}` : `${el.tag}@${parentIndex[i]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  for (const members of groups.values()) {
    if (members.length < TEASER_GROUP) continue;
    for (const i of members) pruned.fill(1, firstBlock[i]!, endBlock[i]!);
  }
}

function isTeaser(blocks: Block[], a: number, z: number): boolean {
  let chars = 0;
  let headline = false;
  for (let k = a; k < z; k++) {
    const b = blocks[k]!;
    if (b.quote) return false;
    chars += b.text.length;
    if (b.linkChars >= b.text.length * 0.8 && wordCount(b.text) >= 4 && !isLinkedSentence(b) && !isPriceLink(b)) headline = true;
  }
  return headline && chars <= TEASER_MAX_CHARS;
}

// A product box is a few short lines, one of them a bare price ("$139.00"); more lines than this is a list.
const BOX_MAX_BLOCKS = 6;
const BARE_PRICE = /^(?:[$£€¥₹]\s?\d[\d,.]*|\d[\d,.]*\s?[€£])$/;

/**
 * Product boxes inside the article (a deal post's item: linked name, price, shop, "Buy now"): every line is a
 * link, so they would go as link chrome, but the article is about them. Told apart from teasers and rails
 * by a line that is nothing but a price.
 */
function productBoxes(w: Walked, container: number, from: number, to: number): Uint8Array {
  const { blocks, elements, firstBlock, endBlock } = w;
  const out = new Uint8Array(blocks.length);
  let coveredTo = -1;
  for (let i = container + 1; i < elements.length; i++) {
    const a = firstBlock[i]!;
    if (a >= to) break;
    const z = endBlock[i]!;
    if (a < from || a < coveredTo || z - a < 2 || z - a > BOX_MAX_BLOCKS) continue;
    let price = false;
    let short = true;
    for (let k = a; k < z; k++) {
      const t = blocks[k]!.text;
      if (BARE_PRICE.test(t)) price = true;
      if (t.length > 120) short = false;
    }
    if (price && short) {
      out.fill(1, a, z);
      coveredTo = z;
    }
  }
  return out;
}

// Korean is written with spaces, so only Han and kana count here.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Words in a block; Chinese and Japanese run without spaces, about two characters to a word. */
function wordCount(text: string): number {
  const spaced = text.split(" ").length;
  if (text.charCodeAt(0) < 0x2e80 && text.charCodeAt(text.length - 1) < 0x2e80 && !/[\u2e80-\uffef]/.test(text)) return spaced;
  return spaced + Math.floor((text.match(CJK_CHAR) ?? []).length / 2);
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * A paragraph of running text that the function-word test misses: datelines, numbers and names ("DEKALB,
 * Ill. — Mike Glass threw for three touchdowns..."). Only a paragraph element counts, so a byline or date
 * line in a div stays a fragment.
 */
function isLeadSentence(b: Block): boolean {
  if (b.tag !== "p" || b.heading || b.linkChars > b.text.length * 0.2) return false;
  const words = wordCount(b.text);
  return words >= 10 && /[.!?…"”’»)]$/u.test(b.text) && !parseBylineLine(b.text);
}

// A line that ends in a price: a currency sign next to the amount ("for $199.96", "RRP: £40", "49,95 €").
const PRICE_END = /(?:[$£€¥₹]\s?\d[\d,.]*|\d[\d,.]*\s?[€£])\)?$/;

/**
 * The buy line of a deal or product review ("Get it on Amazon for $199"): a short line ending in a price.
 * Inside the article it is part of the text, however linked; a rail of such lines is still pruned as a rail.
 * A headline that names a sum ("raises $13.4bn") does not end in a bare amount.
 */
function isPriceLink(b: Block): boolean {
  return !b.heading && b.text.length <= 100 && PRICE_END.test(b.text);
}

const LIST_CELL = new Set(["li", "td", "th", "dd", "dt"]);

/**
 * A label left where a widget was: "Advertisement", "SUBSCRIBE". A single word outside headings and lists
 * (where one-word items are content: ingredients, names); capitalised phrases stay, as news subheads
 * ("UP NEXT") are written that way.
 */
function isSlotLabel(b: Block): boolean {
  return !b.heading && !LIST_CELL.has(b.tag) && b.text.length <= 40 && /^\p{L}+$/u.test(b.text);
}

/** A photo caption outside <figure>: short, with a credit ("(Image: Agency)", "Photo: Name"). */
function isCaption(b: Block, cls: BlockClass): boolean {
  return cls !== "good" && b.text.length < 300 && hasPhotoCredit(b.text);
}

/**
 * jusText's context step over blocks[from, to): good blocks stay, bad go; a short or near-good block
 * stays when the nearest decided neighbours on both sides are good (a heading needs only prose after it).
 */
export function contextKeep(blocks: Block[], classes: BlockClass[], from: number, to: number, pruned?: Uint8Array, boxes?: Uint8Array): boolean[] {
  const keep = new Array<boolean>(blocks.length).fill(false);
  // Inside the chosen container the scorer has already spoken: keep every block that is not link-heavy
  // chrome, then trim the fragments (bylines, dates, share labels) off both ends.
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    keep[i] = !pruned?.[i] && (classes[i] !== "bad" || b.quote || b.linkChars / b.text.length < 0.3 || isLinkedSummary(b) || isPriceLink(b) || !!boxes?.[i]) && !isSlotLabel(b) && !isCaption(b, classes[i]!);
  }
  const solid = (i: number) => classes[i] === "good" || classes[i] === "near";
  // A container of nothing but short lines (a results list) has no prose to trim towards.
  let any = false;
  for (let i = from; i < to && !any; i++) any = keep[i]! && solid(i);
  if (!any) return keep;
  let a = from;
  // A byline or dateline ("Posted by Jane Doe on May 3, 2019") can pass as near-prose; above the text it is metadata.
  // The headline above the text goes later as the title, so it does not stop the trim.
  const opensText = (i: number) => {
    const b = blocks[i]!;
    if (!keep[i] || b.tag === "h1" || !(solid(i) || isLeadSentence(b))) return false;
    return (b.tag === "p" && classes[i] === "good") || !parseBylineLine(b.text);
  };
  while (a < to && !opensText(a)) keep[a++] = false;
  // At the end only fragments go (share labels, "Tags"); lists that close an article (tour dates,
  // results) are content.
  let b = to - 1;
  while (b >= a && !(keep[b] && (solid(b) || wordCount(blocks[b]!.text) >= 3))) keep[b--] = false;
  return keep;
}

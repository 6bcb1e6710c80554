// A small, forgiving HTML tree builder. Extraction needs text, tag names, a few attributes and
// nesting, not a spec-complete DOM, so one linear scan builds it several times faster than linkedom.
// Every loop advances through the input, and nesting depth is capped, so work stays linear.

import { decodeEntities } from "./entities";

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}
/** Text nodes are plain strings with entities already decoded. */
export type HtmlNode = HtmlElement | string;

const VOID = new Set(
  "area base br col embed hr img input keygen link meta param source track wbr".split(" "),
);
// Elements whose content is not markup.
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes", "template", "plaintext"]);
// Opening one of these closes an open <p> (the HTML "close a p element" rule, simplified to the top of stack).
const CLOSES_P = new Set(
  ("address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 " +
    "header hgroup hr main menu nav ol p pre section table ul li dd dt").split(" "),
);
// Deeper nesting than this is flattened: real pages stay far below it, and it bounds close-tag searches.
const MAX_DEPTH = 400;

const ATTR = /\s*([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;
// The attributes extraction reads. Keeping only these skips building and entity-decoding the long ones
// (href, src, srcset, data-*), which were a large share of parse time.
const KEPT_ATTRS = new Set(
  "class id role hidden aria-hidden style itemprop content property name http-equiv rel href datetime type lang charset".split(" "),
);
const TAG_NAME = /[a-zA-Z][^\s\/>]*/y;

export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [], parent: null };
  const stack: HtmlElement[] = [root];
  const n = html.length;
  let pos = 0;

  const top = () => stack[stack.length - 1]!;
  const addText = (raw: string) => {
    if (raw) top().children.push(raw.includes("&") ? decodeEntities(raw) : raw);
  };
  const closeTo = (i: number) => {
    stack.length = i;
  };
  const findOpen = (tag: string, stopAt?: Set<string>): number => {
    for (let i = stack.length - 1; i > 0; i--) {
      const t = stack[i]!.tag;
      if (t === tag) return i;
      if (stopAt?.has(t)) return -1;
    }
    return -1;
  };

  while (pos < n) {
    const lt = html.indexOf("<", pos);
    if (lt < 0) {
      addText(html.slice(pos));
      break;
    }
    if (lt > pos) addText(html.slice(pos, lt));
    const c = html.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (html.startsWith("<!--", lt)) {
        const end = html.indexOf("-->", lt + 4);
        pos = end < 0 ? n : end + 3;
      } else {
        const end = html.indexOf(">", lt + 2);
        pos = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const end = html.indexOf(">", lt + 2);
      pos = end < 0 ? n : end + 1;
      continue;
    }
    if (c === 47 /* / */) {
      TAG_NAME.lastIndex = lt + 2;
      const m = TAG_NAME.exec(html);
      const end = html.indexOf(">", lt + 2);
      pos = end < 0 ? n : end + 1;
      if (!m) continue;
      const tag = m[0].toLowerCase();
      const i = findOpen(tag);
      if (i > 0) closeTo(i);
      else if (tag === "p") top().children.push({ tag: "p", attrs: {}, children: [], parent: top() });
      continue;
    }
    TAG_NAME.lastIndex = lt + 1;
    const m = TAG_NAME.exec(html);
    if (!m) {
      addText("<");
      pos = lt + 1;
      continue;
    }
    const tag = m[0].toLowerCase();
    let p = lt + 1 + m[0].length;
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (p < n && (html.charCodeAt(p) <= 32 || html[p] === "/")) {
        if (html[p] === "/" && html[p + 1] === ">") selfClosing = true;
        p++;
      }
      if (p >= n || html[p] === ">") break;
      ATTR.lastIndex = p;
      const a = ATTR.exec(html);
      if (!a || a[0].length === 0) {
        p++;
        continue;
      }
      const name = a[1]!.toLowerCase();
      // Only a <link> has an href extraction reads (the canonical URL); links in the text are many.
      if (KEPT_ATTRS.has(name) && !(name in attrs) && (name !== "href" || tag === "link")) {
        const v = a[2] ?? a[3] ?? a[4] ?? "";
        attrs[name] = v.includes("&") ? decodeEntities(v) : v;
      }
      p = ATTR.lastIndex;
    }
    pos = p >= n ? n : p + 1;

    if (CLOSES_P.has(tag) && top().tag === "p") stack.pop();
    if (tag === "li") {
      const i = findOpen("li", LIST_SCOPE);
      if (i > 0) closeTo(i);
    } else if (tag === "dt" || tag === "dd") {
      const i = Math.max(findOpen("dt", DL_SCOPE), findOpen("dd", DL_SCOPE));
      if (i > 0) closeTo(i);
    } else if (tag === "tr") {
      const i = findOpen("tr", TABLE_SCOPE);
      if (i > 0) closeTo(i);
    } else if (tag === "td" || tag === "th") {
      const i = Math.max(findOpen("td", ROW_SCOPE), findOpen("th", ROW_SCOPE));
      if (i > 0) closeTo(i);
    } else if (tag === "option") {
      const i = findOpen("option", SELECT_SCOPE);
      if (i > 0) closeTo(i);
    }

    const parent = top();
    const el: HtmlElement = { tag, attrs, children: [], parent };
    parent.children.push(el);
    if (VOID.has(tag) || selfClosing) continue;
    if (RAW_TEXT.has(tag)) {
      const end = findCloseTag(html, tag, pos);
      const stop = end < 0 ? n : end;
      if (stop > pos) el.children.push(tag === "title" || tag === "textarea" ? decodeEntities(html.slice(pos, stop)) : html.slice(pos, stop));
      const gt = end < 0 ? n : html.indexOf(">", end);
      pos = gt < 0 ? n : gt + 1;
      continue;
    }
    if (stack.length < MAX_DEPTH) stack.push(el);
  }
  return root;
}

/** Index of the next "</tag" (any letter case) at or after `from`, or -1; no lowercased copy of the page. */
function findCloseTag(html: string, tag: string, from: number): number {
  for (let i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
    let k = 0;
    while (k < tag.length && (html.charCodeAt(i + 2 + k) | 0x20) === tag.charCodeAt(k)) k++;
    if (k === tag.length) return i;
  }
  return -1;
}

const LIST_SCOPE = new Set(["ul", "ol", "menu"]);
const DL_SCOPE = new Set(["dl"]);
const TABLE_SCOPE = new Set(["table"]);
const ROW_SCOPE = new Set(["tr", "table"]);
const SELECT_SCOPE = new Set(["select", "datalist"]);

/** Depth-first visit; `visit` returns false to skip an element's subtree. Iterative to survive deep trees. */
export function walk(root: HtmlElement, visit: (el: HtmlElement) => boolean | void): void {
  const stack: HtmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (visit(el) === false) continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== "string") stack.push(c);
    }
  }
}

export function findAll(root: HtmlElement, pred: (el: HtmlElement) => boolean): HtmlElement[] {
  const out: HtmlElement[] = [];
  walk(root, (el) => {
    if (pred(el)) out.push(el);
  });
  return out;
}

/**
 * Raw text content, whitespace collapsed. With `limit`, only the first `limit` characters are wanted, so the
 * walk stops once it has collected enough (a page's whole text is only needed as a sample).
 */
export function textOf(el: HtmlElement, limit = Infinity): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [el];
  let raw = 0;
  let checkAt = limit * 2;
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === "string") {
      parts.push(node);
      raw += node.length;
      // Collapsing only shrinks text, so check the collapsed length once the raw length could suffice.
      if (raw > checkAt) {
        const text = parts.join("").replace(/\s+/g, " ").trimStart();
        if (text.length > limit) return text.slice(0, limit);
        checkAt = raw + limit;
      }
      continue;
    }
    if (node !== el && (node.tag === "script" || node.tag === "style")) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  const text = parts.join("").replace(/\s+/g, " ").trim();
  return text.length > limit ? text.slice(0, limit) : text;
}

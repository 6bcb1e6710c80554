// MHTML (RFC 2557): what Chrome and Edge write for "Save page as... Webpage, Single File" (.mhtml, .mht).
// A MIME message whose first text/html part is the page, usually quoted-printable, followed by its images
// and style sheets. Only the page is read; the address it was saved from is in the message header
// ("Snapshot-Content-Location") or the part's Content-Location.

import { AppError } from "@/lib/errors";

export interface MhtmlPage {
  /** The page's bytes, transfer-decoded but not yet character-decoded. */
  html: Uint8Array;
  /** The part's declared charset, if any. */
  charset: string | null;
  /** The address the page was saved from. */
  url: string | null;
}

const latin1 = new TextDecoder("latin1");

/** Whether the file starts like a MIME message holding a web page (for files saved without the extension). */
export function looksLikeMhtml(head: string): boolean {
  // The message header comes first: a content type of multipart/related, beside MIME's other headers.
  const header = splitHead(head.slice(0, 4000)).headers;
  return /^multipart\/related/i.test(header.get("content-type") ?? "") && (header.has("mime-version") || header.has("snapshot-content-location"));
}

interface Part {
  headers: Map<string, string>;
  body: string; // latin1: one character per byte
}

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  // Folded header lines continue with white space.
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) {
      const name = line.slice(0, i).trim().toLowerCase();
      if (!out.has(name)) out.set(name, line.slice(i + 1).trim());
    }
  }
  return out;
}

function splitHead(text: string): { headers: Map<string, string>; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { headers: parseHeaders(text), body: "" };
  return { headers: parseHeaders(text.slice(0, m.index)), body: text.slice(m.index + m[0].length) };
}

/** A parameter of a header value: `boundary` of `multipart/related; boundary="----abc"`. */
function param(value: string | undefined, name: string): string | null {
  if (!value) return null;
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function decodeQuotedPrintable(s: string): Uint8Array {
  // Soft line breaks ("=" at a line's end) join lines; "=XX" is one byte.
  const joined = s.replace(/=\r?\n/g, "");
  const out = new Uint8Array(joined.length);
  let n = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 61 /* = */ && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[n++] = parseInt(joined.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = c & 0xff;
    }
  }
  return out.subarray(0, n);
}

function transferDecode(body: string, encoding: string | undefined): Uint8Array {
  switch ((encoding ?? "").toLowerCase()) {
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    case "base64":
      return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ""), "base64"));
    default: // 7bit, 8bit, binary: the bytes as they are.
      return new Uint8Array(Buffer.from(body, "latin1"));
  }
}

/** The page inside an MHTML file; an AppError when the file holds none. */
export function readMhtml(bytes: Uint8Array): MhtmlPage {
  const text = latin1.decode(bytes);
  const { headers, body } = splitHead(text);
  const type = headers.get("content-type") ?? "";
  const boundary = param(type, "boundary");
  const saved = headers.get("snapshot-content-location") ?? headers.get("content-location") ?? null;
  let parts: Part[];
  if (/^multipart\//i.test(type) && boundary) {
    parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith("--"))
      .map((p) => splitHead(p.replace(/^\r?\n/, "")));
  } else if (/^text\/html/i.test(type)) {
    parts = [{ headers, body }];
  } else {
    throw new AppError("UNPROCESSABLE", "NO_ARTICLE", "this MHTML file holds no multipart/related web page");
  }
  const page = parts.find((p) => /^text\/html/i.test(p.headers.get("content-type") ?? ""));
  if (!page) throw new AppError("UNPROCESSABLE", "NO_ARTICLE", "this MHTML file holds no HTML page");
  const url = saved ?? page.headers.get("content-location") ?? null;
  return {
    html: transferDecode(page.body, page.headers.get("content-transfer-encoding")),
    charset: param(page.headers.get("content-type"), "charset"),
    url: url && /^https?:\/\//i.test(url) ? url : null,
  };
}

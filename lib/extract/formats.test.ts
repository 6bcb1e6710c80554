import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { extractFile, extractFromFields, normalizeForHash } from "./index";

const enc = (s: string) => new TextEncoder().encode(s);
const P1 =
  "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers warned that its steel supports had corroded faster than expected.";
const P2 =
  "Cyclists and pedestrians will still be able to use the bridge, and the council said it would publish a plan for a replacement crossing before the end of the year.";
const P3 = "Shop owners on both sides of the river said they were worried about losing customers during the works.";

function reject(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an AppError");
}

// A news page with the clutter real pages carry; the HTML and MHTML readers must find the same article in it.
const page = `<!doctype html><html lang="en"><head>
  <title>Harbour bridge to close to cars | The Riverside Gazette</title>
  <meta property="og:site_name" content="The Riverside Gazette">
  <meta property="og:url" content="https://gazette.example/bridge">
  <link rel="canonical" href="https://gazette.example/news/bridge">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour bridge to close to cars","datePublished":"2024-02-01T09:30:00+01:00","author":{"@type":"Person","name":"Ana Ruiz"},"publisher":{"@type":"Organization","name":"Riverside Gazette Ltd"}}</script>
  <style>p{color:red}</style></head><body>
  <nav><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a></nav>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
  <article><h1>Harbour bridge to close to cars</h1>
    <figure><img src="x.jpg"><figcaption>The bridge at dusk. Photo: Lee Chan</figcaption></figure>
    <p>${P1}</p><p>${P2.replace("pedestrians", "<em>pedestrians</em>")}</p>
    <div class="related"><h3>Related</h3><ul><li><a href="/a">Council budget approved after long debate tonight</a></li></ul></div>
    <p>${P3} <script>alert(1)</script></p>
  </article>
  <aside class="sidebar"><p>Sign up for our newsletter and never miss a story from the riverside, delivered every morning.</p></aside>
  <footer>© 2024 Riverside Gazette</footer></body></html>`;

describe("HTML", () => {

  it("takes body, metadata and caption, as plain text", () => {
    const [a] = extractFile({ bytes: enc(page), filename: "bridge.html" });
    expect(a!.format).toBe("html");
    expect(a!.paragraphs).toEqual([P1, P2, P3]);
    expect(a!.title).toBe("Harbour bridge to close to cars");
    expect(a!.titleDerived).toBe(false);
    expect(a!.byline).toBe("Ana Ruiz");
    expect(a!.publishedAt?.toISOString()).toBe("2024-02-01T08:30:00.000Z");
    expect(a!.url).toBe("https://gazette.example/news/bridge");
    expect(a!.siteName).toBe("The Riverside Gazette");
    expect(a!.language).toBe("en");
    expect(a!.caption).toBe("The bridge at dusk. Photo: Lee Chan");
    expect(a!.body).not.toMatch(/[<>]|alert|newsletter|Share on|Home/);
  });

  // From the extraction benchmark: usatoday.com's JSON-LD says "0001-01-01T00:00:00Z" (a template's unset
  // date) and the page prints "Published 10:02 AM EST Nov 19, 2019"; the story page showed "1 Jan 1".
  it("takes no template placeholder for a date, and falls back to the meta tags, then a Published line", () => {
    const placeholder = page.replace("2024-02-01T09:30:00+01:00", "0001-01-01T00:00:00Z");
    const withMeta = placeholder.replace("</head>", '<meta property="article:published_time" content="2024-02-03T10:00:00Z"></head>');
    expect(extractFile({ bytes: enc(withMeta), filename: "a.html" })[0]!.publishedAt?.toISOString()).toBe("2024-02-03T10:00:00.000Z");
    const withLine = placeholder.replace("<article>", "<div class=\"dateline\">Published 10:02 AM EST Nov 19, 2019</div><article>");
    expect(extractFile({ bytes: enc(withLine), filename: "b.html" })[0]!.publishedAt?.getUTCFullYear()).toBe(2019);
    const [none] = extractFile({ bytes: enc(placeholder), filename: "c.html" });
    expect(none!.publishedAt).toBeNull();
    expect(none!.publishedAtText).toBeNull();
  });

  // From the extraction benchmark: thehill.com's JSON-LD headline, sportsnet.ca's og:title and ign.com's
  // JSON-LD all end in the site's own name, which the story cards and columns showed twice.
  it("drops the publisher's own name from any headline source, and nothing else", () => {
    const headlineOf = (html: string) => extractFile({ bytes: enc(html), filename: "a.html" })[0]!.title;
    const ld = (headline: string) => page.replace('"headline":"Harbour bridge to close to cars"', `"headline":${JSON.stringify(headline)}`);
    expect(headlineOf(ld("Harbour bridge to close to cars | The Riverside Gazette"))).toBe("Harbour bridge to close to cars");
    expect(headlineOf(ld("Harbour bridge to close to cars | RiversideGazette"))).toBe("Harbour bridge to close to cars");
    expect(headlineOf(ld("The Riverside Gazette - Harbour bridge to close to cars"))).toBe("Harbour bridge to close to cars");
    // The host's name counts as the publisher's (gazette.example is the canonical URL's host).
    expect(headlineOf(ld("Harbour bridge to close to cars - GAZETTE"))).toBe("Harbour bridge to close to cars");
    // A section, or a headline's own second half, is the outlet's wording and stays.
    expect(headlineOf(ld("Harbour bridge to close to cars | Editorial"))).toBe("Harbour bridge to close to cars | Editorial");
    expect(headlineOf(ld("Harbour bridge to close - and ferries return"))).toBe("Harbour bridge to close - and ferries return");
    expect(headlineOf(ld("The Riverside Gazette - Home"))).toBe("The Riverside Gazette - Home");
  });

  // From the extraction benchmark: msn.com's copy of a CNN story links its canonical URL to cnn.com and keeps
  // og:url and og:site_name "MSN"; the outlet of cnn.com was created as "MSN" and every CNN page followed.
  it("gives no site name for a syndicated copy whose canonical link is another site's", () => {
    const copy = page
      .replace('<meta property="og:site_name" content="The Riverside Gazette">', '<meta property="og:site_name" content="Aggregator">')
      .replace('<meta property="og:url" content="https://gazette.example/bridge">', '<meta property="og:url" content="https://www.aggregator.example/news/ar-123">')
      .replace('"headline":"Harbour bridge to close to cars"', '"headline":"Harbour bridge to close to cars | Aggregator"');
    const [a] = extractFile({ bytes: enc(copy), filename: "copy.html" });
    expect(a!.url).toBe("https://gazette.example/news/bridge");
    expect(a!.siteName).toBeNull();
    // The copier's name is kept apart (re-extraction recognises an outlet older code named by it).
    expect(a!.copiedBy).toBe("Aggregator");
    expect(a!.title).toBe("Harbour bridge to close to cars");
    // The site's own page, whose og:url is on its own domain, keeps its name.
    expect(extractFile({ bytes: enc(page), filename: "own.html" })[0]).toMatchObject({ siteName: "The Riverside Gazette", copiedBy: null });
  });

  it("decodes entities and reads a Windows-1252 page", () => {
    const html = `<html><head><meta charset="windows-1252"><title>Caf\u00e9 prices</title></head><body><p>${P1} The caf\u00e9\u2019s owner said &ldquo;it is fair&rdquo; &amp; fine.</p><p>${P2}</p></body></html>`;
    const bytes = new Uint8Array(iconv.encode(html, "windows-1252"));
    const [a] = extractFile({ bytes, filename: "cafe.htm" });
    expect(a!.encoding).toBe("windows-1252");
    expect(a!.body).toContain("The café’s owner said “it is fair” & fine.");
  });
});

describe("MHTML (a page saved as one file)", () => {
  // Shaped as Chrome's "Webpage, Single File" writes it: a MIME header, the page quoted-printable in lines of
  // at most 76 characters with soft breaks, then the page's style sheet and an image in base64.
  const qp = (bytes: Uint8Array) => {
    let out = "";
    let line = "";
    for (const b of bytes) {
      const piece = b === 0x0a ? "\r\n" : b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09) ? `=${b.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(b);
      if (piece === "\r\n") { out += line + "\r\n"; line = ""; continue; }
      if (line.length + piece.length > 75) { out += line + "=\r\n"; line = ""; }
      line += piece;
    }
    return out + line;
  };
  const mhtml = (html: Uint8Array, opts: { charset?: string; encoding?: "quoted-printable" | "base64" } = {}) => {
    const boundary = "----MultipartBoundary--x7Tq2Lh4kVn9----";
    const body = opts.encoding === "base64" ? Buffer.from(html).toString("base64").replace(/.{76}/g, "$&\r\n") : qp(html);
    return enc([
      "From: <Saved by Blink>",
      "Snapshot-Content-Location: https://gazette.example/news/bridge?utm_source=x",
      "Subject: Harbour bridge to close to cars | The Riverside Gazette",
      "Date: Thu, 1 Feb 2024 10:12:00 -0000",
      "MIME-Version: 1.0",
      "Content-Type: multipart/related;",
      '\ttype="text/html";',
      `\tboundary="${boundary}"`,
      "",
      "",
      `--${boundary}`,
      `Content-Type: text/html${opts.charset ? `; charset="${opts.charset}"` : ""}`,
      "Content-ID: <frame-1@mhtml.blink>",
      `Content-Transfer-Encoding: ${opts.encoding ?? "quoted-printable"}`,
      "Content-Location: https://gazette.example/news/bridge?utm_source=x",
      "",
      body,
      "",
      `--${boundary}`,
      "Content-Type: text/css",
      "Content-Transfer-Encoding: quoted-printable",
      "Content-Location: https://gazette.example/site.css",
      "",
      "p { color: red; }",
      "",
      `--${boundary}`,
      "Content-Type: image/png",
      "Content-Transfer-Encoding: base64",
      "Content-Location: https://gazette.example/x.jpg",
      "",
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "",
      `--${boundary}--`,
      "",
    ].join("\r\n"));
  };

  it("reads the page inside, quoted-printable, as the same article as the page itself", () => {
    const [a] = extractFile({ bytes: mhtml(enc(page)), filename: "Harbour bridge to close to cars.mhtml" });
    const [direct] = extractFile({ bytes: enc(page), filename: "bridge.html" });
    expect(a!.format).toBe("mhtml");
    expect(a!.paragraphs).toEqual(direct!.paragraphs);
    expect(a!.title).toBe("Harbour bridge to close to cars");
    expect(a!.byline).toBe("Ana Ruiz");
    expect(a!.url).toBe("https://gazette.example/news/bridge");
    expect(a!.body).not.toMatch(/=\r?\n|=3D|color: red|iVBOR/);
  });

  it("decodes the part's charset and base64, takes the saved address when the page names none, and is found without the extension", () => {
    const latin = page.replace(P1, `${P1} The café’s owner said it was fair.`).replace(/<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>/g, "");
    const cp1252 = new Uint8Array(iconv.encode(latin, "windows-1252"));
    for (const bytes of [mhtml(cp1252, { charset: "windows-1252" }), mhtml(cp1252, { charset: "windows-1252", encoding: "base64" })]) {
      const [a] = extractFile({ bytes, filename: "page.mht" });
      expect(a!.body).toContain("The café’s owner said it was fair.");
      expect(a!.url).toBe("https://gazette.example/news/bridge?utm_source=x");
    }
    expect(extractFile({ bytes: mhtml(enc(page)), filename: null })[0]!.format).toBe("mhtml");
    expect(extractFile({ bytes: mhtml(enc(page)), filename: "saved.txt" })[0]!.format).toBe("mhtml");
    expect(extractFile({ bytes: mhtml(enc(page)), mediaType: "multipart/related" })[0]!.format).toBe("mhtml");
  });

  // fixtures/extract/article-rails.mhtml: Chromium 156's own "Webpage, Single File" of article-rails.html
  // (Page.captureSnapshot), its file:// addresses replaced by https://example.org/.
  it("reads Chromium's own MHTML of a page as that page", () => {
    const read = (name: string) => extractFile({ bytes: new Uint8Array(readFileSync(join(process.cwd(), "fixtures/extract", name))), filename: name })[0]!;
    const [m, h] = [read("article-rails.mhtml"), read("article-rails.html")];
    expect(m.format).toBe("mhtml");
    expect(m.paragraphs).toEqual(h.paragraphs);
    expect(m.title).toBe(h.title);
    expect(m.url).toBe(h.url ?? "https://example.org/article-rails.html");
  });

  it("refuses an MHTML file without a page", () => {
    const e = reject(() => extractFile({ bytes: enc("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"), filename: "a.mhtml" }));
    expect([e.code, e.reason]).toEqual(["UNPROCESSABLE", "NO_ARTICLE"]);
    expect(e.message).toMatch(/no HTML page/);
  });
});

describe("Markdown", () => {
  it("reads front matter, heading and strips syntax", () => {
    const md = `---\ntitle: "Bridge closes"\nauthor: By Ana Ruiz\ndate: 2024-02-01\nurl: https://gazette.example/b\n---\n\n# Ignored because front matter has a title\n\n${P1.replace("city council", "[city council](https://x.example)")}\n\n![The bridge at dusk, seen from the east bank](b.jpg)\n\n## What happens next\n\n${P2.replace("pedestrians", "**pedestrians**")}\n`;
    const [a] = extractFile({ bytes: enc(md), filename: "b.md" });
    expect(a!.format).toBe("markdown");
    expect(a!.title).toBe("Bridge closes");
    expect(a!.byline).toBe("Ana Ruiz");
    expect(a!.publishedAt?.toISOString()).toBe("2024-02-01T00:00:00.000Z");
    expect(a!.url).toBe("https://gazette.example/b");
    expect(a!.paragraphs).toEqual([P1, "What happens next", P2]);
    expect(a!.caption).toBe("The bridge at dusk, seen from the east bank");
  });
  it("takes the # heading as title without front matter", () => {
    const [a] = extractFile({ bytes: enc(`# Harbour bridge to close\n\n${P1}\n\n${P2}\n`), filename: "x.markdown" });
    expect(a!.title).toBe("Harbour bridge to close");
    expect(a!.paragraphs).toEqual([P1, P2]);
  });
});

describe("JSON", () => {
  it("reads one record with aliased fields", () => {
    const rec = { headline: "Bridge closes", articleBody: `${P1}\n\n${P2}`, link: "https://g.example/1", author: { name: "Ana Ruiz" }, datePublished: "2024-02-01T10:00:00Z", outlet: "Riverside Gazette" };
    const [a] = extractFile({ bytes: enc(JSON.stringify(rec)), filename: "a.json" });
    expect(a).toMatchObject({ format: "json", title: "Bridge closes", url: "https://g.example/1", byline: "Ana Ruiz", siteName: "Riverside Gazette" });
    expect(a!.paragraphs).toEqual([P1, P2]);
    expect(a!.publishedAt?.toISOString()).toBe("2024-02-01T10:00:00.000Z");
  });
  it("reads an array as several articles, html fields included", () => {
    const arr = [
      { title: "One", text: `${P1}\n${P2}` },
      { title: "Two", html: `<div><p>${P2}</p><p>${P3}</p></div>` },
    ];
    const out = extractFile({ bytes: enc(JSON.stringify(arr)), filename: "batch.json" });
    expect(out.map((a) => a.title)).toEqual(["One", "Two"]);
    expect(out[1]!.paragraphs).toEqual([P2, P3]);
  });
  it("rejects invalid JSON with the position", () => {
    const e = reject(() => extractFile({ bytes: enc('{"title": "x",, }'), filename: "a.json" }));
    expect(e.reason).toBe("INVALID_JSON");
    expect(e.message).toMatch(/^JSON is invalid at position \d+: /);
  });
  it("rejects a record without text", () => {
    const e = reject(() => extractFile({ bytes: enc('{"title": "x", "url": "u"}'), filename: "a.json" }));
    expect(e.reason).toBe("MISSING_TEXT");
    expect(e.code).toBe("UNPROCESSABLE");
  });
});

describe("encodings and line endings", () => {
  const text = `Harbour bridge to close to cars\r\n\r\nBy Ana Ruiz\r\n\r\n${P1}\r\n\r\n${P2}\r\n`;
  it.each([
    ["utf-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)])],
    ["utf-16le with BOM", new Uint8Array([0xff, 0xfe, ...iconv.encode(text, "utf-16le")])],
    ["utf-16be with BOM", new Uint8Array([0xfe, 0xff, ...iconv.encode(text, "utf-16be")])],
    ["windows-1252", new Uint8Array(iconv.encode(text.replace("council", "councîl"), "windows-1252"))],
  ])("%s", (_name, bytes) => {
    const [a] = extractFile({ bytes, filename: "a.txt" });
    expect(a!.title).toBe("Harbour bridge to close to cars");
    expect(a!.byline).toBe("Ana Ruiz");
    expect(a!.paragraphs).toHaveLength(2);
    expect(a!.text).not.toContain("\r");
    expect(a!.paragraphs[1]).toBe(P2);
  });
});

describe("format selection", () => {
  it("uses the media type without an extension, then sniffs", () => {
    const html = `<html><body><p>${P1}</p><p>${P2}</p></body></html>`;
    expect(extractFile({ bytes: enc(html), mediaType: "text/html; charset=utf-8" })[0]!.format).toBe("html");
    expect(extractFile({ bytes: enc(html) })[0]!.format).toBe("html");
    expect(extractFile({ bytes: enc(JSON.stringify({ text: P1 })) })[0]!.format).toBe("json");
    expect(extractFile({ bytes: enc(`${P1}\n${P2}`) })[0]!.format).toBe("text");
  });
});

describe("rejections", () => {
  it.each([
    ["empty", { bytes: new Uint8Array(0), filename: "a.txt" }, "INVALID_INPUT", "EMPTY_FILE", /empty/],
    ["white space", { bytes: enc(" \n\t\r\n "), filename: "a.txt" }, "INVALID_INPUT", "EMPTY_FILE", /empty/],
    ["binary with .txt", { bytes: new Uint8Array([1, 2, 3, 0, 5, 6, 7, 8, 0, 0, 9]), filename: "a.txt" }, "UNPROCESSABLE", "BINARY_CONTENT", /binary/],
    ["PDF", { bytes: enc("%PDF-1.7\n..."), filename: "a.txt" }, "UNSUPPORTED", "UNSUPPORTED_TYPE", /PDF/],
    ["ZIP", { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), filename: "a.docx" }, "UNSUPPORTED", "UNSUPPORTED_TYPE", /ZIP/],
    ["PNG", { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), filename: "a.html" }, "UNSUPPORTED", "UNSUPPORTED_TYPE", /PNG image/],
    ["unknown extension", { bytes: enc(P1), filename: "a.xyz" }, "UNSUPPORTED", "UNSUPPORTED_TYPE", /\.xyz/],
    ["image media type", { bytes: enc(P1), mediaType: "image/jpeg" }, "UNSUPPORTED", "UNSUPPORTED_TYPE", /image\/jpeg/],
    ["path in name", { bytes: enc(P1), filename: "../etc/passwd.txt" }, "INVALID_INPUT", "INVALID_FILENAME", /path separators/],
    ["control char in name", { bytes: enc(P1), filename: "a\u0007.txt" }, "INVALID_INPUT", "INVALID_FILENAME", /control/],
    ["nothing article-like", { bytes: enc("Home\nNews\nSport\nSubscribe\nLogin"), filename: "a.txt" }, "UNPROCESSABLE", "NO_ARTICLE", /no article/],
  ])("%s", (_name, input, code, reason, message) => {
    const e = reject(() => extractFile(input));
    expect(e.code).toBe(code);
    expect(e.reason).toBe(reason);
    expect(e.message).toMatch(message);
  });
  it("too large", () => {
    const e = reject(() => extractFile({ bytes: new Uint8Array(2001).fill(65), filename: "a.txt" }, { maxBytes: 2000 }));
    expect([e.code, e.reason]).toEqual(["TOO_LARGE", "TOO_LARGE"]);
  });
});

describe("extractFromFields", () => {
  it("lets given fields win over what the text says and drops a repeated headline", () => {
    const a = extractFromFields({ text: `Bridge closes\n${P1}\n${P2}`, title: "Bridge closes", url: "https://g.example/2", byline: "by Ana Ruiz", publishedAt: "2024-02-01" });
    expect(a.title).toBe("Bridge closes");
    expect(a.paragraphs).toEqual([P1, P2]);
    expect(a.byline).toBe("Ana Ruiz");
    expect(a.publishedAt?.toISOString()).toBe("2024-02-01T00:00:00.000Z");
  });
  it("takes a short first line right above the article as its headline, not a menu line further up", () => {
    const a = extractFromFields({ text: `Bridge in Kelso reopens\n\n${P1}\n\n${P2}` });
    expect(a.title).toBe("Bridge in Kelso reopens");
    expect(a.paragraphs).toEqual([P1, P2]);
    const menu = extractFromFields({ text: `Home News Sport Weather\nSkip to main content\n\n${P1}\n\n${P2}` });
    expect(menu.title).not.toBe("Home News Sport Weather");
    expect(menu.title).not.toBe("Skip to main content");
  });
  it("rejects a body without text or html", () => {
    expect(reject(() => extractFromFields({ title: "x" })).reason).toBe("MISSING_TEXT");
    expect(reject(() => extractFromFields({ text: "   " })).reason).toBe("EMPTY_FILE");
  });
  it("applies learned outlet boilerplate", () => {
    const a = extractFromFields({ text: `${P1}\nThe Gazette is funded by readers like you, every single one of them, thank you.\n${P2}` }, { isKnownBoilerplate: (l) => l.startsWith("The Gazette is funded") });
    expect(a.paragraphs).toEqual([P1, P2]);
    expect(a.removed).toContain("The Gazette is funded by readers like you, every single one of them, thank you.");
  });
});

describe("normalizeForHash", () => {
  it("ignores case, spacing, quotes and punctuation", () => {
    expect(normalizeForHash("Kim’s  visit,\n\n“sacred” war.")).toBe(normalizeForHash("kim's visit \"sacred\" war"));
    expect(normalizeForHash("A b")).not.toBe(normalizeForHash("A c"));
  });
});

describe("one-sentence briefs", () => {
  it("keeps a brief whose only sentence is also printed as its headline", () => {
    const line = "Dr Mark Vinar, 43, is presumed dead after disappearing off the ridge on Thursday.";
    const [a] = extractFile({ bytes: new TextEncoder().encode(`${line}\n\n${line}`), filename: "brief.txt" });
    expect(a!.body).toBe(line);
    expect(a!.title).toBe(line.slice(0, -1));
    expect(a!.titleDerived).toBe(true);
  });
  it("keeps a short lead: a headline, a dateline and one sentence too short for the line classifier", () => {
    const file = "Singer Checks Into Rehab Clinic In Malibu\nFri., May. 3, 2013 11: 45 AM PDT\nEarly Friday morning the 26-year-old singer checked into a clinic in Malibu,";
    const [a] = extractFile({ bytes: new TextEncoder().encode(file), filename: "lead.txt" });
    expect(a!.title).toBe("Singer Checks Into Rehab Clinic In Malibu");
    expect(a!.titleDerived).toBe(false);
    expect(a!.body).toBe("Early Friday morning the 26-year-old singer checked into a clinic in Malibu,");
    expect(a!.publishedAt?.toISOString().slice(0, 10)).toBe("2013-05-03");
  });
  it("never takes a time line for the headline: the line under it is, else the lead titles the article", () => {
    const body = `${P1}\n${P2}`;
    const [under] = extractFile({ bytes: enc(`Story posted on 11. 03. 2016\nRiver floods Emsworth homes\n${body}`), filename: "s.txt" });
    expect(under!.title).toBe("River floods Emsworth homes");
    expect(under!.titleDerived).toBe(false);
    const [alone] = extractFile({ bytes: enc(`PUBLISHED TUESDAY, APRIL 9, 2019 AT 10: 12 AM / UPDATED AT 10: 15 AM\n${body}`), filename: "p.txt" });
    expect(alone!.titleDerived).toBe(true);
    expect(alone!.title).not.toMatch(/PUBLISHED/);
    // A title the uploader gave is theirs, even a time (the story's title passes over it).
    expect(extractFromFields({ text: body, title: "7: 41pm:" }).title).toBe("7: 41pm:");
  });
  it("keeps a one-line brief in sentence case, and a capitals headline above a sentence", () => {
    const [one] = extractFile({ bytes: new TextEncoder().encode("June 06, 2013\nAnn Smith, swimming star, dies at 91"), filename: "b.txt" });
    expect(one!.body).toBe("Ann Smith, swimming star, dies at 91");
    expect(one!.publishedAt?.toISOString().slice(0, 10)).toBe("2013-06-06");
    const [caps] = extractFile({ bytes: new TextEncoder().encode("FIRED IN PHILLY!!\nThe coach was fired today and taking over will be his assistant..."), filename: "c.txt" });
    expect(caps!.title).toBe("FIRED IN PHILLY!!");
    expect(caps!.body).toMatch(/^The coach was fired today/);
  });
  it("still rejects short files without a sentence-case line, and longer files the classifier found no prose in", () => {
    expect(() => extractFile({ bytes: new TextEncoder().encode("Home News Sport World Business Tech Video\nSubscribe Now To Our Daily Newsletter Today"), filename: "m.txt" })).toThrow(/no article/);
    const menu = Array.from({ length: 12 }, (_, i) => `Read more about the latest item ${i} in the shop`).join("\n");
    expect(() => extractFile({ bytes: new TextEncoder().encode(menu), filename: "list.txt" })).toThrow(/no article/);
  });
  it("still rejects a lone headline-like line with no sentence", () => {
    expect(() => extractFile({ bytes: new TextEncoder().encode("World News\n\nWorld News"), filename: "nav.txt" })).toThrow(/no article/);
  });
});

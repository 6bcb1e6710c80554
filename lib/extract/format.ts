// Which reader a file needs: by extension first (what the user saved it as), then by the declared media
// type, then by looking at the text. Also the upload checks that come before decoding.

import { AppError } from "@/lib/errors";
import type { SourceFormat } from "./types";

const BY_EXTENSION: Record<string, SourceFormat> = {
  txt: "text",
  text: "text",
  html: "html",
  htm: "html",
  xhtml: "html",
  mhtml: "mhtml",
  mht: "mhtml",
  md: "markdown",
  markdown: "markdown",
  json: "json",
};

// Extensions people commonly try that we cannot read; named so the message says what the file is.
const KNOWN_UNSUPPORTED: Record<string, string> = {
  pdf: "PDF document", doc: "Word document", docx: "Word document", odt: "OpenDocument text", rtf: "RTF document",
  epub: "EPUB e-book", zip: "ZIP archive", gz: "gzip archive", tgz: "gzip archive", rar: "RAR archive", "7z": "7-Zip archive",
  png: "PNG image", jpg: "JPEG image", jpeg: "JPEG image", gif: "GIF image", webp: "WebP image", svg: "SVG image",
  heic: "HEIC image", tif: "TIFF image", tiff: "TIFF image", bmp: "BMP image", mp3: "MP3 audio", mp4: "MP4 video",
  mov: "QuickTime video", wav: "WAV audio", xls: "Excel spreadsheet", xlsx: "Excel spreadsheet", csv: "CSV table",
  ppt: "PowerPoint presentation", pptx: "PowerPoint presentation", exe: "executable",
  webarchive: "Safari web archive", xml: "XML document",
};

export function checkFilename(filename: string | null | undefined): void {
  if (filename == null) return;
  if (/[/\\]/.test(filename) || /[\u0000-\u001f\u007f]/.test(filename)) {
    throw new AppError("INVALID_INPUT", "INVALID_FILENAME", "file name must not contain path separators or control characters");
  }
  if (filename.length > 255 || filename === "." || filename === "..") {
    throw new AppError("INVALID_INPUT", "INVALID_FILENAME", "file name is not valid");
  }
}

export function extensionOf(filename: string | null | undefined): string | null {
  const m = filename ? /\.([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*)$/.exec(filename) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** Format from the extension; throws UNSUPPORTED_TYPE for an extension we cannot read. */
export function formatFromExtension(ext: string | null): SourceFormat | null {
  if (!ext) return null;
  const f = BY_EXTENSION[ext];
  if (f) return f;
  const name = KNOWN_UNSUPPORTED[ext] ?? `.${ext} file`;
  throw new AppError("UNSUPPORTED", "UNSUPPORTED_TYPE", `${name} (.${ext}) is not supported; upload .txt, .html, .mhtml, .md or .json`);
}

export function formatFromMediaType(mediaType: string | null | undefined): SourceFormat | null {
  if (!mediaType) return null;
  const t = mediaType.split(";")[0]!.trim().toLowerCase();
  if (t === "text/plain") return "text";
  if (t === "text/html" || t === "application/xhtml+xml") return "html";
  if (t === "multipart/related" || t === "message/rfc822" || t === "application/x-mimearchive") return "mhtml";
  if (t === "text/markdown" || t === "text/x-markdown") return "markdown";
  if (t === "application/json" || t === "application/ld+json" || t === "text/json") return "json";
  if (/^(image|audio|video)\//.test(t) || t === "application/pdf" || /zip|compressed|msword|officedocument|opendocument/.test(t)) {
    throw new AppError("UNSUPPORTED", "UNSUPPORTED_TYPE", `files of type ${t} are not supported; upload .txt, .html, .mhtml, .md or .json`);
  }
  return null;
}

/** Format by content, for files with neither a known extension nor a useful media type. */
export function sniffFormat(text: string): Exclude<SourceFormat, "mhtml"> {
  const head = text.slice(0, 2000).trimStart();
  if (/^[[{]/.test(head)) {
    try {
      JSON.parse(text);
      return "json";
    } catch {
      // Not JSON after all; fall through to the text-shaped formats.
    }
  }
  if (looksLikeHtml(head)) return "html";
  if (/^(---|\+\+\+)\s*\n/.test(head) || /^#{1,6}\s+\S/m.test(head) || (head.match(/\]\([^)\s]+\)/g) ?? []).length >= 2) return "markdown";
  return "text";
}

export function looksLikeHtml(head: string): boolean {
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(head);
}

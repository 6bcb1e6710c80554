// Bytes -> text. Uploads come in whatever encoding the saving tool used: UTF-8 with or without BOM,
// UTF-16 with BOM (Windows "Unicode" text), and Windows-1252/Latin-1 from older tools. Binary formats
// are recognised by magic bytes so the user is told what they uploaded instead of seeing mojibake.

import chardet from "chardet";
import iconv from "iconv-lite";
import { AppError } from "@/lib/errors";

interface Magic {
  name: string;
  test: (b: Uint8Array) => boolean;
}

const at = (b: Uint8Array, offset: number, ...bytes: number[]) => bytes.every((x, i) => b[offset + i] === x);
const ascii = (b: Uint8Array, offset: number, s: string) => at(b, offset, ...Array.from(s, (c) => c.charCodeAt(0)));

const MAGIC: Magic[] = [
  { name: "PDF document", test: (b) => ascii(b, 0, "%PDF-") },
  { name: "ZIP archive (also .docx, .epub, .odt)", test: (b) => at(b, 0, 0x50, 0x4b, 0x03, 0x04) || at(b, 0, 0x50, 0x4b, 0x05, 0x06) },
  { name: "PNG image", test: (b) => at(b, 0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { name: "JPEG image", test: (b) => at(b, 0, 0xff, 0xd8, 0xff) },
  { name: "GIF image", test: (b) => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a") },
  { name: "WebP image", test: (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP") },
  { name: "TIFF image", test: (b) => at(b, 0, 0x49, 0x49, 0x2a, 0x00) || at(b, 0, 0x4d, 0x4d, 0x00, 0x2a) },
  { name: "gzip archive", test: (b) => at(b, 0, 0x1f, 0x8b) },
  { name: "7-Zip archive", test: (b) => at(b, 0, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) },
  { name: "RAR archive", test: (b) => ascii(b, 0, "Rar!") },
  { name: "bzip2 archive", test: (b) => ascii(b, 0, "BZh") && b.length > 3 && b[3]! >= 0x31 && b[3]! <= 0x39 && hasBinary(b) },
  { name: "legacy Microsoft Office document", test: (b) => at(b, 0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1) },
  { name: "RTF document", test: (b) => ascii(b, 0, "{\\rtf") },
  { name: "PostScript document", test: (b) => ascii(b, 0, "%!PS") },
  { name: "executable", test: (b) => at(b, 0, 0x7f, 0x45, 0x4c, 0x46) || (ascii(b, 0, "MZ") && hasBinary(b)) },
  { name: "MP4/MOV video", test: (b) => ascii(b, 4, "ftyp") },
  { name: "MP3 audio", test: (b) => ascii(b, 0, "ID3") },
  { name: "WAV audio", test: (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE") },
  { name: "Ogg media", test: (b) => ascii(b, 0, "OggS") },
  { name: "SQLite database", test: (b) => ascii(b, 0, "SQLite format 3") },
  { name: "BMP image", test: (b) => ascii(b, 0, "BM") && hasBinary(b) },
];

/** Name of a binary format recognised by its magic bytes, or null. */
export function sniffBinaryType(b: Uint8Array): string | null {
  for (const m of MAGIC) if (m.test(b)) return m.name;
  return null;
}

/** True when the first bytes contain control characters that text never has. */
export function hasBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) bad++;
  }
  return n > 0 && bad / n > 0.02;
}

export interface Decoded {
  text: string;
  encoding: string;
}

function bomEncoding(b: Uint8Array): { encoding: string; skip: number } | null {
  if (at(b, 0, 0xef, 0xbb, 0xbf)) return { encoding: "utf-8", skip: 3 };
  if (at(b, 0, 0xff, 0xfe)) return { encoding: "utf-16le", skip: 2 };
  if (at(b, 0, 0xfe, 0xff)) return { encoding: "utf-16be", skip: 2 };
  return null;
}

/** Bytes -> text; throws BINARY_CONTENT for data that is not text in any encoding we read. */
export function decodeBytes(bytes: Uint8Array, declaredCharset?: string | null): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    const body = bytes.subarray(bom.skip);
    return { text: normalizeNewlines(iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), bom.encoding)), encoding: bom.encoding };
  }
  if (hasBinary(bytes)) {
    const guess = utf16WithoutBom(bytes);
    if (!guess) throw new AppError("UNPROCESSABLE", "BINARY_CONTENT", "file contains binary data, not text");
    return { text: normalizeNewlines(iconv.decode(Buffer.from(bytes), guess)), encoding: guess };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: normalizeNewlines(text), encoding: "utf-8" };
  } catch {
    // Not UTF-8: a legacy single-byte encoding. A charset the HTML declares wins over a statistical guess.
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let encoding = declaredCharset && iconv.encodingExists(declaredCharset) && !/utf-?8/i.test(declaredCharset) ? declaredCharset : null;
  if (!encoding) {
    const guess = chardet.detect(bytes.subarray(0, 65536));
    encoding = guess && iconv.encodingExists(guess) && !/^(utf-?8|ascii)$/i.test(guess) ? guess : "windows-1252";
    // Latin-1 guesses are really Windows-1252 in practice (curly quotes live in 0x80-0x9f).
    if (/^iso-8859-1$/i.test(encoding)) encoding = "windows-1252";
  }
  return { text: normalizeNewlines(iconv.decode(buf, encoding)), encoding: encoding.toLowerCase() };
}

// UTF-16 without BOM: every other byte is zero in Latin-script text.
function utf16WithoutBom(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.6 && evenZero < half * 0.05) return "utf-16le";
  if (evenZero > half * 0.6 && oddZero < half * 0.05) return "utf-16be";
  return null;
}

function normalizeNewlines(s: string): string {
  const t = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  return t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t;
}

/** The charset an HTML page declares in its first bytes (<meta charset> or http-equiv). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? m[1]! : null;
}

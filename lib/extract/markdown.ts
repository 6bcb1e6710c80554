// Markdown: front matter for metadata, "# Title" for the headline, paragraphs with the syntax stripped
// to plain text (links keep their text, images drop out, emphasis markers go).

export interface MarkdownDoc {
  meta: Record<string, string>;
  title: string | null;
  units: string[];
  headingUnits: Set<number>;
  caption: string | null;
}

// Long lines are capped before the inline regexes so a pathological upload cannot make them quadratic.
const INLINE_LIMIT = 20_000;

export function stripInline(s: string): string {
  if (s.length > INLINE_LIMIT) return s.replace(/[*_`~]+/g, "");
  return s
    .replace(/!\[[^\]]{0,500}\]\([^)]{0,2000}\)/g, "")
    .replace(/!\[[^\]]{0,500}\]\[[^\]]{0,200}\]/g, "")
    .replace(/\[([^\]]{0,500})\]\([^)]{0,2000}\)/g, "$1")
    .replace(/\[([^\]]{0,500})\]\[[^\]]{0,200}\]/g, "$1")
    .replace(/<(https?:\/\/[^>\s]{1,2000})>/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]{0,500}>/g, "")
    .replace(/`([^`]{0,2000})`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([^*_]{0,2000}?\S)\1/g, "$2")
    .replace(/(^|[\s(])[*_](?=\S)([^*_]{0,2000}?\S)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/~~(?=\S)([^~]{0,2000}?\S)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

function frontMatter(text: string): { meta: Record<string, string>; rest: string } {
  const m = /^(---|\+\+\+)[ \t]*\n([\s\S]{0,20000}?)\n\1[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { meta: {}, rest: text };
  const meta: Record<string, string> = {};
  for (const line of m[2]!.split("\n")) {
    const kv = /^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$/.exec(line);
    if (!kv) continue;
    const value = kv[2]!.trim().replace(/^["']|["']$/g, "").trim();
    if (value) meta[kv[1]!.toLowerCase()] = value;
  }
  return { meta, rest: text.slice(m[0].length) };
}

export function parseMarkdown(text: string): MarkdownDoc {
  const { meta, rest } = frontMatter(text);
  const lines = rest.split("\n");
  const units: string[] = [];
  const headingUnits = new Set<number>();
  let title: string | null = meta.title ?? null;
  let caption: string | null = null;
  let para: string[] = [];
  let fence: string | null = null;

  const flush = () => {
    if (!para.length) return;
    const t = stripInline(para.join(" "));
    para = [];
    if (t) units.push(t);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      if (line.trim().startsWith(fence)) {
        fence = null;
        flush();
      } else para.push(line.trim());
      continue;
    }
    const trimmed = line.trim();
    const f = /^(`{3,}|~{3,})/.exec(trimmed);
    if (f) {
      flush();
      fence = f[1]!;
      continue;
    }
    if (!trimmed) {
      flush();
      continue;
    }
    if (/^\[[^\]]+\]:\s*\S+/.test(trimmed) || /^(?:[-*_]\s*){3,}$/.test(trimmed)) {
      flush();
      continue;
    }
    const next = lines[i + 1]?.trim() ?? "";
    const atx = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(trimmed);
    const setext = para.length === 0 && /^(=+|-+)$/.test(next) && next.length >= 2 ? (next.startsWith("=") ? 1 : 2) : 0;
    if (atx || setext) {
      flush();
      const level = atx ? atx[1]!.length : setext;
      const t = stripInline(atx ? atx[2]! : trimmed);
      if (setext) i++;
      if (!t) continue;
      // A top-level heading before any text is the headline (front matter, when present, already named it).
      if (level === 1 && units.length === 0) {
        title ??= t;
        continue;
      }
      headingUnits.add(units.length);
      units.push(t);
      continue;
    }
    const image = /^!\[([^\]]{0,500})\]\([^)\s]{0,2000}(?:\s+"([^"]{0,500})")?\)$/.exec(trimmed);
    if (image) {
      flush();
      const alt = (image[2] ?? image[1] ?? "").trim();
      if (caption === null && alt.split(/\s+/).length >= 3) caption = alt;
      continue;
    }
    const item = /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(trimmed);
    if (item) {
      flush();
      para.push(item[1]!);
      flush();
      continue;
    }
    para.push(trimmed.replace(/^(?:>\s?)+/, ""));
  }
  flush();
  return { meta, title, units, headingUnits, caption };
}

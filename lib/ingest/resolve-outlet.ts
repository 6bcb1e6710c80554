// Who published an article: what the uploader says, else the URL's domain, else the page's own
// metadata, else the boilerplate lines the outlet is known to repeat. Unknown stays unknown.
import type { Prisma } from "@/lib/db/client";
import { registrableDomain } from "@/lib/extract/domain";
import { sha256Hex } from "./fingerprint";
import { slugify } from "./slug";

type Tx = Prisma.TransactionClient;

export interface OutletClues {
  declared: string | null; // what the uploader said
  url: string | null;
  siteName: string | null; // og:site_name, JSON-LD publisher
  removedLines: string[]; // boilerplate extraction removed from the page
}

export type OutletSource = "declared" | "domain" | "metadata" | "signature" | "unknown";

export function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^(www|m|amp|mobile)\./, "") || null;
  } catch {
    return null;
  }
}

// Section names sites put in og:site_name (reuters.com: "U.S."): a page's section, not its publisher.
const SECTIONS = new Set("u.s. us uk world news home business politics sport sports entertainment technology tech opinion health science markets europe asia local".split(" "));
// "The Jerusalem Post | JPost.com", "LinkNaija | Nigeria's popular news platform": the name, then a tagline.
const TAGLINE = /\s+(?:[|•·»]|[-–—]{1,2})\s+/;

/**
 * The name to give a new outlet known by its page's metadata and domain. Sites fill og:site_name with
 * things that are not a name a reader knows them by: their own address ("https://www.hawaiinewsnow.com"),
 * a social handle ("@politifact"), the lower-case slug of their domain ("nj", "usatoday", "cleveland"), a
 * section ("U.S."), the word of a subdomain ("Hosted" on hosted.ap.org: AP's pages hosted for member
 * papers; "Blog" on blog.example.com), or a name with a tagline. The domain says the same more plainly.
 * Another capitalised word stays ("Forbes").
 */
export function outletName(siteName: string | null, domain: string | null): string | null {
  const name = siteName?.split(TAGLINE)[0]!.trim() || null;
  if (!name) return domain;
  // An address: its host as printed ("Express.co.uk"), without the scheme, "www." or a trailing slash.
  if (/^(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,}\/?$/i.test(name)) return name.replace(/^https?:\/\//i, "").replace(/^www\./i, "").replace(/\/$/, "");
  if (!domain) return name;
  const word = name.replace(/^@/, "");
  const label = domain.split(".")[0]!;
  const slugOfDomain = /^[\p{L}\p{N}]+$/u.test(word) && word === word.toLowerCase() && label.startsWith(word);
  const site = registrableDomain(domain);
  if (site !== domain && domain.slice(0, -site.length - 1).split(".").includes(name.toLowerCase())) return site;
  return slugOfDomain || name.startsWith("@") || SECTIONS.has(name.toLowerCase()) ? domain : name;
}

// Lines shorter than this are too generic ("Subscribe", "Menu") to identify a publisher.
const MIN_SIGNATURE_LINE = 12;
// Distinct lines that must match one outlet's learned signature, and no other outlet's.
const MIN_SIGNATURE_MATCHES = 3;

function normaliseLine(line: string): string {
  return line.toLowerCase().replace(/\s+/g, " ").replace(/[0-9]/g, "0").trim();
}

function signatureHashes(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of lines) {
    const line = normaliseLine(raw);
    if (line.length < MIN_SIGNATURE_LINE || line.length > 300) continue;
    out.set(sha256Hex(line).slice(0, 32), raw.trim().slice(0, 300));
  }
  return out;
}

async function findByName(tx: Tx, name: string) {
  const slug = slugify(name);
  return tx.outlet.findFirst({
    where: {
      OR: [{ slug }, { name: { equals: name, mode: "insensitive" } }, { aliases: { has: name } }],
    },
  });
}

async function followMerge(tx: Tx, outlet: { id: string; mergedIntoId: string | null }) {
  let current = outlet;
  for (let i = 0; i < 10 && current.mergedIntoId; i++) {
    const next = await tx.outlet.findUnique({ where: { id: current.mergedIntoId } });
    if (!next) break;
    current = next;
  }
  return current.id;
}

async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name) || "outlet";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.outlet.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

async function findOrCreate(tx: Tx, name: string, domain: string | null): Promise<string> {
  const found = (domain && (await tx.outlet.findFirst({ where: { domains: { has: domain } } }))) || (await findByName(tx, name));
  if (found) {
    if (domain && !found.domains.includes(domain)) {
      await tx.outlet.update({ where: { id: found.id }, data: { domains: { push: domain } } });
    }
    return followMerge(tx, found);
  }
  const created = await tx.outlet.create({
    data: { name, slug: await uniqueSlug(tx, name), domains: domain ? [domain] : [] },
  });
  return created.id;
}

/** The outlet id for an article about to be stored (creating the outlet when it is new), and how it was known. */
export async function resolveOutlet(tx: Tx, clues: OutletClues): Promise<{ outletId: string | null; source: OutletSource }> {
  const domain = domainOf(clues.url);
  if (clues.declared?.trim()) {
    return { outletId: await findOrCreate(tx, clues.declared.trim(), domain), source: "declared" };
  }
  if (domain) {
    const byDomain = await tx.outlet.findFirst({ where: { domains: { has: domain } } });
    if (byDomain) {
      // An outlet first met without a usable site name was named by its domain ("cnn.com"); the first page of
      // that domain that names its publisher ("CNN") names the outlet, and the domain stays an alias.
      const named = outletName(clues.siteName, domain);
      if (byDomain.name === domain && named && named !== domain && !byDomain.mergedIntoId) {
        await tx.outlet.update({ where: { id: byDomain.id }, data: { name: named, aliases: { push: domain } } });
      }
      return { outletId: await followMerge(tx, byDomain), source: "domain" };
    }
    return { outletId: await findOrCreate(tx, outletName(clues.siteName, domain)!, domain), source: "domain" };
  }
  const named = outletName(clues.siteName, null);
  if (named) return { outletId: await findOrCreate(tx, named, null), source: "metadata" };
  const bySignature = await matchSignature(tx, clues.removedLines);
  if (bySignature) return { outletId: bySignature, source: "signature" };
  return { outletId: null, source: "unknown" };
}

/** A stored article's outlet as re-extraction reads it. */
export interface StoredOutlet {
  id: string;
  name: string;
  domains: string[];
  aliases: string[];
}

/**
 * The outlet today's upload path gives an article stored earlier whose outlet no editor or uploader named
 * (reextract.ts tells), or null to keep the one it has. `derived` says whether the article's row records its
 * outlet as derived (Article.outletDeclared false); rows stored before that was recorded might have had it
 * named by their uploader, so theirs is derived again only when the original shows that an older rule made
 * it: its name is one the page gives itself ("Hosted" on hosted.ap.org, msn.com's "MSN" on a copy of a CNN
 * story: `copiedBy`) and today's rules name it otherwise, or its outlet no longer holds the domain it was
 * found by (`storedUrl`'s: given up by such an outlet, below). Kept: an outlet renamed since it was made
 * (an editor's rename or merge, or the first page naming an outlet named by its domain: each leaves the old
 * name among its aliases, the only record of a rename), and the current one when today's rules find none.
 *
 * Such an outlet was given the page's domain by the same older rule (findOrCreate adds it): it gives it up,
 * so that this article and every later one of the domain find the outlet today's rules make (cnn.com's,
 * not "MSN"), as an upload to a database that never had the wrong outlet would.
 */
export async function rederiveOutlet(
  tx: Tx,
  stored: StoredOutlet | null,
  clues: OutletClues & { copiedBy: string | null; storedUrl: string | null },
  derived: boolean,
): Promise<{ outletId: string; source: OutletSource } | null> {
  if (stored?.aliases.length) return null;
  const domain = domainOf(clues.url);
  if (stored) {
    const own = stored.name.toLowerCase();
    const pageNames = [clues.siteName, clues.copiedBy].flatMap((n) => (n ? [n.trim(), n.split(TAGLINE)[0]!.trim()] : []));
    const olderRule = pageNames.some((n) => n.toLowerCase() === own) && outletName(clues.siteName, domain)?.toLowerCase() !== own;
    const storedDomain = domainOf(clues.storedUrl);
    const heldDomain = storedDomain !== null && stored.domains.includes(storedDomain);
    if (!derived && !olderRule && !(storedDomain && !heldDomain)) return null;
    if (olderRule && heldDomain) {
      await tx.outlet.update({ where: { id: stored.id }, data: { domains: stored.domains.filter((d) => d !== storedDomain) } });
    }
  }
  const found = await resolveOutlet(tx, { declared: null, url: clues.url, siteName: clues.siteName, removedLines: clues.removedLines });
  return found.outletId && found.outletId !== stored?.id ? { outletId: found.outletId, source: found.source } : null;
}

/** An outlet whose learned boilerplate lines this page repeats, when exactly one outlet matches well. */
async function matchSignature(tx: Tx, lines: string[]): Promise<string | null> {
  const hashes = [...signatureHashes(lines).keys()];
  if (hashes.length < MIN_SIGNATURE_MATCHES) return null;
  // Count, per outlet, the page's lines that belong to that outlet alone.
  const rows = await tx.$queryRaw<{ outletId: string; matches: bigint }[]>`
    SELECT s."outletId", count(*) AS matches
    FROM "OutletSignature" s
    WHERE s."lineHash" = ANY(${hashes})
      AND NOT EXISTS (SELECT 1 FROM "OutletSignature" o WHERE o."lineHash" = s."lineHash" AND o."outletId" <> s."outletId")
    GROUP BY s."outletId"
    ORDER BY matches DESC
    LIMIT 2`;
  const [best, second] = rows;
  if (!best || Number(best.matches) < MIN_SIGNATURE_MATCHES) return null;
  if (second && Number(second.matches) >= Number(best.matches) / 2) return null; // ambiguous
  return best.outletId;
}

/** Remember the boilerplate of a page whose outlet is known, so later unnamed pages can be recognised. */
export async function learnSignature(tx: Tx, outletId: string, lines: string[]): Promise<void> {
  const entries = [...signatureHashes(lines)].slice(0, 100);
  if (!entries.length) return;
  await tx.$executeRaw`
    INSERT INTO "OutletSignature" ("outletId", "lineHash", "line", "seen")
    SELECT ${outletId}, h, l, 1 FROM unnest(${entries.map((e) => e[0])}::text[], ${entries.map((e) => e[1])}::text[]) AS t(h, l)
    ON CONFLICT ("outletId", "lineHash") DO UPDATE SET "seen" = "OutletSignature"."seen" + 1`;
}

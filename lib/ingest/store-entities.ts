// Entities of one article into the database: canonical Entity rows (shared across articles, found by
// key, following editors' merges), the article's ArticleEntity rows and every Mention with its offsets.
import type { Prisma } from "@/lib/db/client";
import { resolveAgainstKnown, slugForKey, type ArticleEntity, type KnownEntity } from "@/lib/entities";

type Tx = Prisma.TransactionClient;

const TYPE = { PERSON: "PERSON", ORGANIZATION: "ORGANIZATION", PLACE: "PLACE", OTHER: "OTHER" } as const;

// What storing reads of an Entity row: enough to follow a merge and to add aliases.
const ENTITY_ROW = { id: true, key: true, name: true, type: true, mergedIntoId: true, aliases: true } as const;

/** The entity an extracted key was stored under: found by key or resolved to a known one, merges followed. */
interface StoredEntity {
  id: string;
  key: string;
  type: ArticleEntity["type"];
}

/**
 * Stores the article's entities. Returns its ArticleEntity rows as the story stage sees them (key, type,
 * salience; what a re-cluster reads back): editors' splits and merges and names resolved to a known entity
 * ("Putin" -> Vladimir Putin) applied, keys that land on one entity folded into one.
 */
export async function storeEntities(tx: Tx, articleId: string, found: ArticleEntity[]): Promise<{ key: string; type: ArticleEntity["type"]; salience: number }[]> {
  const stored = new Map<string, StoredEntity>();
  if (!found.length) return [];
  const entities = await applySplitDecisions(tx, found);
  const keys = entities.map((e) => e.key);
  const existing = await tx.entity.findMany({
    where: { key: { in: keys } },
    select: ENTITY_ROW,
  });
  const byKey = new Map(existing.map((e) => [e.key, e]));

  for (const e of entities) {
    let row = byKey.get(e.key);
    // Also when the short name has a row of its own: an article that said only "Trump" before any article
    // named Donald Trump created the entity "Trump", and every later "Trump" went to it (the entities index
    // listed Trump, 8 articles, beside Donald Trump, 15). An editor's merge (mergedIntoId) or split (a "~" key)
    // of that name stands.
    if (!row || (!row.mergedIntoId && !e.key.includes("~"))) {
      // "Putin" alone in this article, "Vladimir Putin" known from others: the same person when exactly
      // one known entity fits (lib/entities decides; a wrong merge is worse than a missed one).
      const known = await knownCandidates(tx, e);
      // A lone unknown word ("Vandermeer", typed OTHER for want of context) may be a known person's surname.
      const asType = e.type === "OTHER" ? "PERSON" : e.type;
      const resolved = known.length ? resolveAgainstKnown({ key: e.key, name: e.name, type: asType }, known) : null;
      if (resolved) {
        const target = await tx.entity.findUnique({ where: { key: resolved }, select: ENTITY_ROW });
        if (target) {
          byKey.set(e.key, target);
          row = target;
        }
      }
    }
    if (!row) {
      const slug = await uniqueEntitySlug(tx, slugForKey(e.key));
      row = await tx.entity.create({
        data: {
          key: e.key,
          slug,
          name: e.name,
          type: TYPE[e.type],
          aliases: e.surfaceForms.filter((s) => s !== e.name),
          relatedKeys: e.relatedKeys,
        },
        select: ENTITY_ROW,
      });
      byKey.set(e.key, row);
    } else {
      const newAliases = e.surfaceForms.filter((s) => s !== e.name && !row!.aliases.includes(s));
      // A place or person first met in a heading in capitals ("FRANCE WINS") was named "FRANCE"; the first
      // article that prints it in mixed case names it. Not organisations: "NATO" printed "Nato" by a British
      // paper stays NATO.
      const rename = row.key === e.key && (row.type === "PLACE" || row.type === "PERSON") && capitals(row.name) && !capitals(e.name) &&
        row.name.toLowerCase() === e.name.toLowerCase();
      if (newAliases.length || rename) {
        await tx.entity.update({
          where: { id: row.id },
          data: { ...(newAliases.length ? { aliases: { push: newAliases } } : {}), ...(rename ? { name: e.name } : {}) },
        });
        row.aliases.push(...newAliases);
        if (rename) row.name = e.name;
      }
    }
    stored.set(e.key, row.mergedIntoId ? await followMerge(tx, row.mergedIntoId) : { id: row.id, key: row.key, type: row.type });
  }

  // Merged keys can land on one entity: fold them into one ArticleEntity row.
  const perEntity = new Map<string, { entity: StoredEntity; salience: number; mentions: number; surfaces: Set<string>; descriptors: Set<string> }>();
  for (const e of entities) {
    const entity = stored.get(e.key)!;
    const id = entity.id;
    const acc = perEntity.get(id) ?? { entity, salience: 0, mentions: 0, surfaces: new Set(), descriptors: new Set() };
    acc.salience = Math.max(acc.salience, e.salience);
    acc.mentions += e.mentions.length;
    e.surfaceForms.forEach((s) => acc.surfaces.add(s));
    e.descriptors.forEach((d) => acc.descriptors.add(d));
    perEntity.set(id, acc);
  }
  await tx.articleEntity.createMany({
    data: [...perEntity].map(([entityId, a]) => ({
      articleId,
      entityId,
      salience: a.salience,
      mentionCount: a.mentions,
      surfaceForms: [...a.surfaces],
      descriptors: [...a.descriptors],
    })),
  });
  await tx.mention.createMany({
    data: entities.flatMap((e) =>
      e.mentions.map((m) => ({
        articleId,
        entityId: stored.get(e.key)!.id,
        field: m.field === "title" ? ("TITLE" as const) : ("BODY" as const),
        start: m.start,
        end: m.end,
        surface: m.surface,
        descriptor: m.descriptor,
      })),
    ),
  });
  await tx.entity.updateMany({ where: { id: { in: [...perEntity.keys()] } }, data: { articleCount: { increment: 1 } } });
  return [...perEntity.values()].map((a) => ({ key: a.entity.key, type: a.entity.type, salience: a.salience }));
}

/**
 * An editor split a wrongly merged name off an entity: mentions printed that way go to the split-off
 * entity from now on, also in articles ingested later.
 */
async function applySplitDecisions(tx: Tx, entities: ArticleEntity[]): Promise<ArticleEntity[]> {
  const splits = await tx.entityDecision.findMany({
    where: { kind: "SPLIT", fromKey: { in: entities.map((e) => e.key) } },
    orderBy: { createdAt: "asc" },
  });
  if (!splits.length) return entities;
  const out: ArticleEntity[] = [];
  for (const e of entities) {
    const mine = splits.filter((s) => s.fromKey === e.key && s.alias && s.toKey);
    const moved = new Map<string, ArticleEntity>();
    const kept = e.mentions.filter((m) => {
      const d = mine.find((s) => s.alias === m.surface);
      if (!d) return true;
      const target = moved.get(d.toKey!) ?? { ...e, key: d.toKey!, name: d.alias!, mentions: [], surfaceForms: [d.alias!], descriptors: [], relatedKeys: [] };
      target.mentions.push(m);
      if (m.descriptor && !target.descriptors.includes(m.descriptor)) target.descriptors.push(m.descriptor);
      moved.set(d.toKey!, target);
      return false;
    });
    if (kept.length) out.push({ ...e, mentions: kept, surfaceForms: e.surfaceForms.filter((s) => !mine.some((d) => d.alias === s)) });
    out.push(...moved.values());
  }
  return out;
}

const capitals = (name: string) => name === name.toUpperCase() && name !== name.toLowerCase();

/** Known entities a short name could stand for: people sharing the last word, organisations whose
 * words start with the acronym's letters. A small candidate set; the decision is resolveAgainstKnown's. */
async function knownCandidates(tx: Tx, e: ArticleEntity): Promise<KnownEntity[]> {
  const words = e.name.trim().split(/\s+/);
  if ((e.type === "PERSON" || e.type === "OTHER") && words.length === 1 && words[0]!.length >= 3 && /^\p{Lu}\p{Ll}/u.test(words[0]!)) {
    const rows = await tx.entity.findMany({
      where: { type: "PERSON", mergedIntoId: null, name: { endsWith: ` ${words[0]}`, mode: "insensitive" } },
      select: { key: true, name: true, type: true },
      take: 20,
    });
    return rows;
  }
  const letters = e.name.replace(/[.\s&-]/g, "");
  if (e.type === "ORGANIZATION" && /^\p{Lu}{2,8}$/u.test(letters)) {
    const rows = await tx.entity.findMany({
      where: { type: "ORGANIZATION", mergedIntoId: null, name: { startsWith: letters[0]!, mode: "insensitive" }, NOT: { key: e.key } },
      select: { key: true, name: true, type: true },
      take: 200,
    });
    return rows.filter((r) => r.name.includes(" "));
  }
  return [];
}

async function followMerge(tx: Tx, mergedIntoId: string): Promise<StoredEntity> {
  const select = { id: true, key: true, type: true, mergedIntoId: true } as const;
  let current = await tx.entity.findUniqueOrThrow({ where: { id: mergedIntoId }, select });
  for (let i = 0; i < 10 && current.mergedIntoId; i++) {
    const next = await tx.entity.findUnique({ where: { id: current.mergedIntoId }, select });
    if (!next) break;
    current = next;
  }
  return { id: current.id, key: current.key, type: current.type };
}

async function uniqueEntitySlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.entity.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

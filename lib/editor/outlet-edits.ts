// Outlets are records editors can rename and merge. A rename keeps the old name as an alias (so a later
// upload declaring it still finds the outlet); a merge moves the articles, domains, aliases and learned
// page signatures, and the stories that included either outlet are recomputed.
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { refreshStory } from "@/lib/ingest/refresh-story";

type Tx = Prisma.TransactionClient;

async function live(tx: Tx, slug: string) {
  const o = await tx.outlet.findUnique({ where: { slug } });
  if (!o) throw new AppError("NOT_FOUND", "OUTLET_NOT_FOUND", `No outlet at ${slug}.`);
  if (o.mergedIntoId) throw new AppError("CONFLICT", "OUTLET_MERGED", `${o.name} was merged into another outlet.`);
  return o;
}

async function refreshStoriesOf(tx: Tx, outletId: string): Promise<void> {
  const stories = await tx.article.findMany({ where: { outletId, storyId: { not: null } }, select: { storyId: true }, distinct: ["storyId"] });
  for (const s of stories) await refreshStory(tx, s.storyId!);
}

export async function renameOutlet(slug: string, name: string): Promise<{ slug: string }> {
  const clean = name.trim();
  if (!clean) throw new AppError("INVALID_INPUT", "EMPTY_NAME", "The outlet needs a name.");
  return db().$transaction(async (tx) => {
    const o = await live(tx, slug);
    const clash = await tx.outlet.findFirst({ where: { name: { equals: clean, mode: "insensitive" }, NOT: { id: o.id }, mergedIntoId: null } });
    if (clash) throw new AppError("CONFLICT", "NAME_TAKEN", `Another outlet is already called ${clash.name}; merge them instead.`);
    await tx.outlet.update({ where: { id: o.id }, data: { name: clean, aliases: [...new Set([...o.aliases, o.name])].filter((a) => a !== clean) } });
    await refreshStoriesOf(tx, o.id);
    return { slug: o.slug };
  }, { timeout: 120_000 });
}

export async function mergeOutlets(fromSlug: string, intoSlug: string): Promise<{ slug: string }> {
  if (fromSlug === intoSlug) throw new AppError("INVALID_INPUT", "SAME_OUTLET", "An outlet cannot be merged into itself.");
  return db().$transaction(async (tx) => {
    const from = await live(tx, fromSlug);
    const into = await live(tx, intoSlug);
    await tx.article.updateMany({ where: { outletId: from.id }, data: { outletId: into.id } });
    await tx.$executeRaw`
      INSERT INTO "OutletSignature" ("outletId", "lineHash", line, seen)
      SELECT ${into.id}, "lineHash", line, seen FROM "OutletSignature" WHERE "outletId" = ${from.id}
      ON CONFLICT ("outletId", "lineHash") DO UPDATE SET seen = "OutletSignature".seen + EXCLUDED.seen`;
    await tx.outletSignature.deleteMany({ where: { outletId: from.id } });
    await tx.outlet.update({
      where: { id: into.id },
      data: {
        domains: [...new Set([...into.domains, ...from.domains])],
        aliases: [...new Set([...into.aliases, from.name, ...from.aliases])].filter((a) => a !== into.name),
      },
    });
    await tx.outlet.update({ where: { id: from.id }, data: { mergedIntoId: into.id, domains: [] } });
    await refreshStoriesOf(tx, into.id);
    return { slug: into.slug };
  }, { timeout: 120_000 });
}

// The one door to the database: a single Prisma client per process (cached on globalThis so Next's
// dev server does not open a new pool on every hot reload).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { AppError } from "@/lib/errors";

const cache = globalThis as unknown as { parallaxPrisma?: PrismaClient; parallaxPrismaUrl?: string };

export type Db = PrismaClient;

export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new AppError("UNAVAILABLE", "NO_DATABASE", "DATABASE_URL is not set; start Parallax with `npm start`.");
  }
  if (!cache.parallaxPrisma || cache.parallaxPrismaUrl !== url) {
    cache.parallaxPrisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    });
    cache.parallaxPrismaUrl = url;
  }
  return cache.parallaxPrisma;
}

export async function disconnectDb(): Promise<void> {
  await cache.parallaxPrisma?.$disconnect();
  cache.parallaxPrisma = undefined;
  cache.parallaxPrismaUrl = undefined;
}

export { Prisma } from "./generated/client";
export type * from "./generated/client";

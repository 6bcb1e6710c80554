import "dotenv/config";
import { defineConfig } from "prisma/config";

// Prisma's CLI wants a native schema engine it would download from Prisma's servers, which these
// machines cannot reach. generate/validate/format run on WebAssembly and only check that this path
// exists; migrations run through scripts/migrate.ts on the WebAssembly schema engine instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/dev/null";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Only migrate/introspect use this; the app builds its own connection (lib/db).
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/parallax" },
});

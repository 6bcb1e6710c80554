// Which PostgreSQL to use: DATABASE_URL when set, else the embedded server under the data folder.
// Used by every Node entry point (start, CLI, migrations, tests), so they resolve it the same way.
import { env } from "@/lib/config/env";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { migrateDeploy } from "./migrate";

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

export const APP_DATABASE = "parallax";

export async function openDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const cfg = env();
  let url: string;
  let embedded: EmbeddedServer | null = null;
  if (cfg.DATABASE_URL) {
    url = cfg.DATABASE_URL;
  } else {
    embedded = await startEmbeddedPostgres(cfg.PARALLAX_DATA_DIR);
    await ensureDatabase(embedded.url("postgres"), APP_DATABASE);
    url = embedded.url(APP_DATABASE);
  }
  if (options.migrate) await migrateDeploy(url);
  return { url, embedded, close: async () => embedded?.stop() };
}

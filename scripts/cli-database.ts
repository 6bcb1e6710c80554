import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { describeStartupError } from "./startup-errors";

/** The database for a command-line run (migrated, DATABASE_URL set for the app's client), or null after
 * saying plainly why it could not be opened. */
export async function openCliDatabase(): Promise<DatabaseHandle | null> {
  try {
    const database = await openDatabase({ migrate: true });
    process.env.DATABASE_URL = database.url;
    return database;
  } catch (e) {
    console.error(describeStartupError(e));
    return null;
  }
}

/** "[#########---------------------] 30/100": the command-line scripts' progress line. */
export function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`;
}

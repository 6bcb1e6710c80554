import { env } from "@/lib/config/env";

// One clear sentence for the failures people actually hit at start, naming what to change.
export function describeStartupError(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { message?: string };
  const msg = err?.message ?? String(e);
  let where: string;
  try {
    const cfg = env();
    where = cfg.DATABASE_URL
      ? `the PostgreSQL server at DATABASE_URL (${redact(cfg.DATABASE_URL)})`
      : `the embedded PostgreSQL in the data folder ${cfg.PARALLAX_DATA_DIR}/postgres (set DATABASE_URL to use another server)`;
  } catch (configError) {
    return (configError as Error).message;
  }
  if (err?.code === "ECONNREFUSED" || /ECONNREFUSED|connect ETIMEDOUT|ENOTFOUND|Can't reach database server/.test(msg)) {
    return `Cannot reach ${where}: ${msg}`;
  }
  if (/password authentication failed|does not exist|no pg_hba/.test(msg)) {
    return `Cannot log in to ${where}: ${msg}`;
  }
  return `Database problem with ${where}: ${msg}`;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

// npm run db:migrate            apply committed migrations (offline, WebAssembly schema engine)
// npm run db:migrate -- dev NAME  write a new migration from prisma/schema.prisma, then apply it
import { openDatabase } from "@/lib/db/connection";
import { migrateDeploy, migrateDev } from "@/lib/db/migrate";
import { describeStartupError } from "./startup-errors";

const [cmd = "deploy", name = "migration"] = process.argv.slice(2);
let db;
try {
  db = await openDatabase();
  if (cmd === "dev") {
    const created = await migrateDev(db.url, name);
    console.log(created ? `created and applied ${created}` : "schema unchanged, no migration created");
  } else if (cmd === "deploy") {
    const applied = await migrateDeploy(db.url);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  } else {
    console.error("usage: npm run db:migrate [-- dev <name>]");
    process.exitCode = 2;
  }
} catch (e) {
  console.error(describeStartupError(e));
  process.exitCode = 1;
} finally {
  await db?.close();
}
process.exit(process.exitCode ?? 0);

// npm run db:migrate
// Applies the pending migrations of prisma/migrations to the configured database:
// DATABASE_URL when set, otherwise the embedded PGlite under $DATA_DIR/pglite (.data/pglite).
import { openDatabase } from "../src/client.ts";
import { applyMigrations, errorMessage, migrationStatus } from "../src/migrate/index.ts";

const started = performance.now();
let database: ReturnType<typeof openDatabase> | undefined;
try {
  database = openDatabase();
  const where = database.kind === "pglite" ? "embedded database (PGlite)" : "PostgreSQL (DATABASE_URL)";
  const before = await migrationStatus(database);
  if (before.failed.length > 0) {
    throw new Error(
      `These migrations failed earlier and were never finished: ${before.failed.join(", ")}.\n` +
        "Fix the database by hand, then mark them rolled back (see docs/database.md).",
    );
  }
  const { applied } = await applyMigrations(database);
  const ms = Math.round(performance.now() - started);
  if (applied.length === 0) {
    console.log(`${where}: up to date, no pending migrations (${ms} ms).`);
  } else {
    console.log(`${where}: applied ${applied.length} migration(s) in ${ms} ms:`);
    for (const name of applied) console.log(`  ${name}`);
  }
} catch (error) {
  console.error(`Migration failed: ${errorMessage(error)}`);
  process.exitCode = 1;
} finally {
  await database?.close().catch(() => undefined);
}

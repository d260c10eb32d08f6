// npm run db:reset [-- --force]
// Empties the configured database, applies every migration, then runs the seed when
// packages/db/scripts/seed.ts exists. PGlite: deletes the data folder. PostgreSQL
// (DATABASE_URL): drops and recreates the `public` schema. Refuses with NODE_ENV=production
// unless --force is given.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import pg from "pg";
import { openDatabase } from "../src/client.ts";
import { embeddedDataDir, readDbEnv } from "../src/env.ts";
import { applyMigrations, errorMessage, repoRoot } from "../src/migrate/index.ts";

const force = process.argv.includes("--force");
if (process.env.NODE_ENV === "production" && !force) {
  console.error(
    "Refusing to reset: NODE_ENV is production and this deletes every row. " +
      "Run npm run db:reset -- --force if you really mean it.",
  );
  process.exit(1);
}

async function main(): Promise<void> {
  const env = readDbEnv();
  const root = repoRoot();
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL, application_name: "oms-reset" });
    await client.connect();
    try {
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    } finally {
      await client.end();
    }
    console.log(`Emptied the public schema of ${redact(env.DATABASE_URL)}.`);
  } else {
    const dir = embeddedDataDir(env);
    // PGlite cannot be shared between processes: a running server would keep writing here.
    rmSync(dir, { recursive: true, force: true });
    console.log(`Deleted the embedded database at ${dir.startsWith(root) ? relative(root, dir) : dir} (stop the server first).`);
  }

  const started = performance.now();
  const database = openDatabase({ env });
  try {
    const { applied } = await applyMigrations(database);
    console.log(`Applied ${applied.length} migration(s) in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await database.close();
  }

  const seed = join(root, "packages", "db", "scripts", "seed.ts");
  if (existsSync(seed)) {
    // A child process, so reset does not depend on the seed's code (or break with it).
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    console.log("Seeding...");
    const run = spawnSync(process.execPath, [tsx, seed], { cwd: root, stdio: "inherit", env: process.env });
    if (run.status !== 0) throw new Error(`the seed failed (exit code ${run.status ?? run.signal}).`);
  } else {
    console.log("No seed script (packages/db/scripts/seed.ts): the database is empty.");
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

try {
  await main();
} catch (error) {
  console.error(`Reset failed: ${errorMessage(error)}`);
  process.exitCode = 1;
}

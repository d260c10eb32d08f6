// Throw-away databases for *.db.test.ts files. Only test code imports this module (it
// imports vitest). See docs/database.md "Test databases".
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, test } from "vitest";
import { openDatabase, type Database } from "../client.ts";
import { readDbEnv } from "../env.ts";
import { applyMigrationFiles } from "../migrate/migrations.ts";

export interface TestDatabase extends Database {
  /** `oms_test_<timestamp>_<random>` on PostgreSQL, `memory` on PGlite. */
  name: string;
  /** Closes the connection and drops the database. Safe to call twice. */
  drop(): Promise<void>;
}

const SKIP_REASON = "skipped: needs PostgreSQL (set TEST_DATABASE_URL)";

function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL?.trim() || undefined;
}

function inCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return !!ci && ci !== "0" && ci !== "false";
}

/** Which database `createTestDatabase` gives: PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKind(): "postgres" | "pglite" {
  return testDatabaseUrl() ? "postgres" : "pglite";
}

const ciWithoutPostgres =
  "CI is set but TEST_DATABASE_URL is not: CI must run the PostgreSQL-only tests (concurrency, locking). " +
  "Set TEST_DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres.";

/**
 * Whether tests that need real concurrency (row locks, parallel transactions) can run:
 * PGlite runs one statement at a time, so they need a PostgreSQL server. Locally without
 * TEST_DATABASE_URL: false. In CI without it: throws, so the gap cannot go unnoticed.
 */
export function requirePostgresForConcurrency(): boolean {
  if (testDatabaseUrl()) return true;
  if (inCi()) throw new Error(ciWithoutPostgres);
  return false;
}

/**
 * A suite that needs PostgreSQL. Runs when TEST_DATABASE_URL is set; otherwise it is
 * registered as skipped with the reason in its name. With CI set it never skips: without
 * TEST_DATABASE_URL it fails with a message saying what to set.
 */
export function describeOnPostgres(name: string, fn: () => void): void {
  if (testDatabaseUrl()) {
    describe(name, fn);
  } else if (inCi()) {
    describe(name, () => {
      test("has a PostgreSQL server (TEST_DATABASE_URL)", () => {
        throw new Error(ciWithoutPostgres);
      });
    });
  } else {
    describe.skipIf(true)(`${name} (${SKIP_REASON})`, fn);
  }
}

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database
 * `oms_test_<timestamp>_<random>` when TEST_DATABASE_URL is set (the URL is only used to
 * create and drop it), otherwise an in-memory PGlite. Call `drop()` in `afterAll`.
 *
 * Migrations are applied from the same files in the same order as `applyMigrations`, but
 * without the schema engine (loading its WebAssembly costs more than the migration itself),
 * and recorded in `_prisma_migrations`, so `migrationStatus` reports them as applied.
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const migrate = options.migrate ?? true;
  return url ? createPostgresTestDatabase(url, migrate) : createPgliteTestDatabase(migrate);
}

export interface CreateTestDatabaseOptions {
  /** false: an empty database, for tests of the migration runner itself. Default true. */
  migrate?: boolean;
}

async function createPgliteTestDatabase(migrate: boolean): Promise<TestDatabase> {
  const database = openDatabase({ dataDir: "memory://" });
  try {
    if (migrate) await applyMigrationFiles(database);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  const close = once(() => database.close());
  return { ...database, close, name: "memory", drop: close };
}

/** Test files often both close and drop; the second call must not fail. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

async function createPostgresTestDatabase(adminUrl: string, migrate: boolean): Promise<TestDatabase> {
  const name = `oms_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let database: Database | undefined;
  const close = once(async () => {
    await database?.close();
  });
  const drop = once(async () => {
    try {
      await close();
    } finally {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
  try {
    database = openDatabase({ url: url.toString() });
    if (migrate) await applyMigrationFiles(database);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { ...database, close, name, drop };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: "oms-tests" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The usual setup of a database test file in one call: a fresh database is created before
 * the file's tests and dropped after them. The returned handle reads through to it (using
 * it outside a test or hook is an error).
 */
export function useTestDatabase(): TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  });
  afterAll(async () => {
    await current?.drop();
  });
  const database = (): TestDatabase => {
    if (!current) throw new Error("The test database exists only while the file's tests run (after beforeAll).");
    return current;
  };
  return {
    get prisma() {
      return database().prisma;
    },
    get kind() {
      return database().kind;
    },
    get adapterFactory() {
      return database().adapterFactory;
    },
    get name() {
      return database().name;
    },
    close: () => database().close(),
    drop: () => database().drop(),
  };
}

/** A seeded random number generator in [0, 1) for property tests (the seed's mulberry32). */
export { mulberry32 as seededRandom } from "../seed/random.ts";

/**
 * A second client on a PostgreSQL test database with a pool large enough that many
 * transactions really overlap (concurrency tests). Close it before dropping the database.
 */
export function openConcurrentClient(db: TestDatabase, poolSize = 40): Database {
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) throw new Error("Concurrency tests need TEST_DATABASE_URL (use describeOnPostgres).");
  const url = new URL(adminUrl);
  url.pathname = `/${db.name}`;
  return openDatabase({
    url: url.toString(),
    env: { ...readDbEnv({}), DATABASE_POOL_SIZE: poolSize, DATABASE_CONNECT_TIMEOUT_MS: 10_000, DATABASE_LOCK_TIMEOUT_MS: 10_000 },
  });
}

/**
 * A database of the file's own plus a second client on it with a wide pool, created before
 * the file's tests and dropped after: the frame of every concurrency test (use inside
 * describeOnPostgres). `db` builds the world; `wide` runs the racing commands.
 */
export function useConcurrentDatabase(poolSize = 40): { readonly db: TestDatabase; readonly wide: Database } {
  let db: TestDatabase | undefined;
  let wide: Database | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    wide = openConcurrentClient(db, poolSize);
  });
  afterAll(async () => {
    await wide?.close();
    await db?.drop();
  });
  const ready = <T,>(value: T | undefined): T => {
    if (!value) throw new Error("The concurrency databases exist only while the file's tests run (after beforeAll).");
    return value;
  };
  return {
    get db() {
      return ready(db);
    },
    get wide() {
      return ready(wide);
    },
  };
}

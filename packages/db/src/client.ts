import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import { PrismaClient } from "./generated/prisma/client.ts";
import { embeddedDataDir, readDbEnv, type DbEnv } from "./env.ts";

export type Db = PrismaClient;
/** A Prisma client or an interactive transaction on it: domain functions take either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** The adapter factory, also used by the migration runner. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; omitted: embedded PGlite. */
  url?: string;
  /** PGlite data folder, or "memory://" for a throw-away database. */
  dataDir?: string;
  env?: DbEnv;
}

/** Opens a database connection. Callers own the result and must close it. */
export function openDatabase(options: OpenDatabaseOptions = {}): Database {
  const env = options.env ?? readDbEnv();
  const url = options.url ?? (options.dataDir ? undefined : env.DATABASE_URL);
  if (url) return openPostgres(url, env);
  return openPglite(options.dataDir ?? embeddedDataDir(env));
}

function openPostgres(url: string, env: DbEnv): Database {
  const adapterFactory = new PrismaPg(
    {
      connectionString: url,
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
      lock_timeout: env.DATABASE_LOCK_TIMEOUT_MS,
      application_name: "oms",
    } as ConstructorParameters<typeof PrismaPg>[0],
    {
      onPoolError: (err) => console.error("[db] idle PostgreSQL connection failed:", err.message),
    },
  );
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: "postgres",
    adapterFactory,
    close: () => prisma.$disconnect(),
  };
}

function openPglite(dataDir: string): Database {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: "pglite",
    adapterFactory,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

const globalKey = Symbol.for("oms.db.shared");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Database };

/**
 * The process-wide database of the app server. Kept on globalThis because Next bundles
 * route handlers apart from server.ts: two PGlite instances on one folder corrupt it.
 */
export function sharedDatabase(): Database {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openDatabase();
  return g[globalKey];
}

export async function closeSharedDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const db = g[globalKey];
  g[globalKey] = undefined;
  await db?.close();
}

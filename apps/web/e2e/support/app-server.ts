// Starts the real app (production build, server.ts) against a database of its own, for
// browser journeys. The database is PostgreSQL when TEST_DATABASE_URL is set (a new
// database per run, dropped afterwards), otherwise an embedded PGlite folder in a temp dir.
import { applyMigrations, openDatabase, type Database } from "@oms/db";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface AppServer {
  baseUrl: string;
  /** Closes the server and throws the database away. */
  stop(): Promise<void>;
  /** Server output so far, for failure messages. */
  output(): string;
  /** Stops the server process only (the database stays): "the server is down". */
  halt(): Promise<void>;
  /** Starts server.ts again on the same port and database, after halt(). */
  restart(): Promise<void>;
  /** The app's database from the test (PostgreSQL any time; the embedded one only while halted). Close it after use. */
  openDatabase(): Database;
}

/** Builds the web app if its sources changed since the last build (turbo caches it). */
export function buildWebApp(): void {
  // A build directory of its own (NEXT_DIST_DIR, e.g. ".next-routing") is built by Next
  // directly: turbo's cache only knows the default ".next".
  if (process.env.NEXT_DIST_DIR) {
    const own = spawnSync(join(root, "node_modules/.bin/next"), ["build"], {
      cwd: join(root, "apps/web"),
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (own.status !== 0) throw new Error("next build failed: see the output above");
    return;
  }
  const result = spawnSync(join(root, "node_modules/.bin/turbo"), ["run", "build", "--filter=@oms/web", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed: see the output above");
}

/**
 * Prepares a migrated database, lets `seed` fill it, then starts server.ts on a free port.
 */
export async function startAppServer(seed: (db: Database) => Promise<void>): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXTAUTH_SECRET: "e2e-secret-0123456789-abcdefghijklmnop",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
  };
  delete env.NEXTAUTH_URL;
  let cleanupDatabase: () => Promise<void>;
  let database: () => Database;

  if (process.env.TEST_DATABASE_URL) {
    const db: TestDatabase = await createTestDatabase();
    await seed(db);
    await db.close();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${db.name}`;
    env.DATABASE_URL = url.toString();
    cleanupDatabase = () => db.drop();
    database = () => openDatabase({ url: url.toString() });
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), "oms-e2e-"));
    const db = openDatabase({ dataDir: join(dataDir, "pglite") });
    try {
      await applyMigrations(db);
      await seed(db);
    } finally {
      await db.close();
    }
    delete env.DATABASE_URL;
    env.DATA_DIR = dataDir;
    cleanupDatabase = async () => rmSync(dataDir, { recursive: true, force: true });
    database = () => openDatabase({ dataDir: join(dataDir, "pglite") });
  }

  const port = await freePort();
  env.PORT = String(port);
  let log = "";
  const launch = (): ChildProcess => {
    const started = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "apps/web/server.ts")], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.stdout?.on("data", (chunk) => (log += chunk));
    started.stderr?.on("data", (chunk) => (log += chunk));
    return started;
  };
  let child: ChildProcess = launch();
  const baseUrl = `http://127.0.0.1:${port}`;

  const halt = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const stop = async () => {
    await halt();
    await cleanupDatabase();
  };
  const restart = async () => {
    await halt();
    child = launch();
    await waitForHealth(baseUrl, child, () => log);
  };

  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, output: () => log, halt, restart, openDatabase: () => database() };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The server did not become healthy in 120 s:\n${log()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

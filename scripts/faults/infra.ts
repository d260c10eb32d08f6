// The throw-away infrastructure of the fault scenarios: a PostgreSQL cluster of our own
// (initdb into a temp dir, random port, trust auth, fsync on), Redis servers on random
// ports, and app server processes (apps/web/server.ts, the production build). Nothing here
// touches the machine's shared PostgreSQL or Redis. Everything started is registered for
// teardown, which also runs on Ctrl-C and on failure.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { TEST_SECRET } from "@oms/realtime/testing";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The session secret the app servers run with (the realtime test harness signs cookies with it). */
export { TEST_SECRET };

const cleanups: Array<() => void | Promise<void>> = [];
export function onTeardown(fn: () => void | Promise<void>): void {
  cleanups.push(fn);
}
export async function teardown(): Promise<void> {
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      console.error(`[faults] teardown step failed: ${(error as Error).message}`);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n[faults] ${signal}: tearing down`);
    void teardown().finally(() => process.exit(130));
  });
}

export function log(message: string): void {
  const t = new Date().toISOString().slice(11, 23);
  console.log(`[faults ${t}] ${message}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── PostgreSQL ───────────────────────────────────────────────────────────────────────

function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const candidates = ["/usr/local/bin"];
  const config = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (config.status === 0) candidates.unshift(config.stdout.trim());
  for (const dir of ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"]) candidates.push(dir);
  const found = candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
  if (!found) throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found; set PG_BIN to their folder.");
  return found;
}

/** initdb and postgres refuse to run as root: as root we run them as the `postgres` (or `nobody`) user. */
function unprivilegedUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    const id = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (id.status === 0 && gid.status === 0) return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error("Running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as.");
}

export interface PgCluster {
  port: number;
  dataDir: string;
  /** postgresql://postgres@127.0.0.1:<port>/<db> */
  url(db?: string): string;
  stop(mode?: "fast" | "immediate"): void;
  start(): void;
  restart(): void;
  version: string;
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = pgBinDir();
  const user = unprivilegedUser();
  const base = mkdtempSync(join(tmpdir(), "oms-faults-pg-"));
  const dataDir = join(base, "data");
  if (user) {
    chownSync(base, user.uid, user.gid);
    chmodSync(base, 0o700);
  }
  const run = (command: string, args: string[], allowFail = false) => {
    const full = user ? ["runuser", ["-u", user.name, "--", join(bin, command), ...args]] as const : [join(bin, command), args] as const;
    const result = spawnSync(full[0], full[1], { encoding: "utf8", cwd: base });
    if (result.status !== 0 && !allowFail) {
      const logFile = join(base, "postgres.log");
      const serverLog = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-2_000) : "";
      throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr}${result.stdout}\n${serverLog}`);
    }
    return result;
  };
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${base}`, "-c listen_addresses=127.0.0.1", "-c fsync=on", "-c synchronous_commit=on", "-c max_connections=200", "-c shared_buffers=64MB"].join(" ");
  const cluster: PgCluster = {
    port,
    dataDir,
    version: spawnSync(join(bin, "postgres"), ["--version"], { encoding: "utf8" }).stdout.trim(),
    url: (db = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    start: () => void run("pg_ctl", ["-D", dataDir, "-o", options, "-l", join(base, "postgres.log"), "-w", "-t", "60", "start"]),
    stop: (mode = "fast") => void run("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"], true),
    restart: () => void run("pg_ctl", ["-D", dataDir, "-o", options, "-l", join(base, "postgres.log"), "-m", "fast", "-w", "-t", "60", "restart"]),
  };
  cluster.start();
  onTeardown(() => {
    cluster.stop("immediate");
    rmSync(base, { recursive: true, force: true });
  });
  return cluster;
}

// ── Redis ────────────────────────────────────────────────────────────────────────────

export interface RedisServer {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"], { stdio: "ignore" });
      const started = Date.now();
      while (Date.now() - started < 10_000) {
        if (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout.trim() === "PONG") return;
        await sleep(50);
      }
      throw new Error(`redis-server on port ${port} did not answer PING in 10 s`);
    },
    async stop() {
      const p = proc;
      proc = null;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((done) => {
        p.once("exit", () => done());
        p.kill("SIGKILL");
      });
    },
  };
  await server.start();
  onTeardown(() => server.stop());
  return server;
}

// ── The app server (production build) ───────────────────────────────────────────────

/** Builds the web app like `npm start` does (turbo caches it); NEXT_DIST_DIR: a build dir of one's own. */
export function buildWebApp(): void {
  if (process.env.FAULTS_SKIP_BUILD === "1" || process.env.E2E_SKIP_BUILD === "1") {
    const dist = join(root, "apps/web", process.env.NEXT_DIST_DIR || ".next");
    if (!existsSync(join(dist, "BUILD_ID"))) throw new Error(`No production build in ${dist}: run without FAULTS_SKIP_BUILD first.`);
    return;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" };
  const result = process.env.NEXT_DIST_DIR
    ? spawnSync(join(root, "node_modules/.bin/next"), ["build"], { cwd: join(root, "apps/web"), stdio: "inherit", env })
    : spawnSync(join(root, "node_modules/.bin/turbo"), ["run", "build", "--filter=@oms/web", "--output-logs=errors-only"], { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) throw new Error("next build failed: see the output above");
}

export interface AppProcess {
  name: string;
  baseUrl: string;
  pid: number;
  alive(): boolean;
  output(): string;
  /** kill -9: no shutdown hooks, connections cut mid-transaction. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the output contains `text` (e.g. the dispatcher's leader line). */
  waitForOutput(text: string, ms?: number): Promise<void>;
}

/**
 * Starts apps/web/server.ts as `node --import tsx` (one process, so kill -9 hits the server
 * itself, not a wrapper) on a free port against `databaseUrl`.
 */
export async function startApp(name: string, options: { databaseUrl: string; redisUrl?: string; env?: Record<string, string> }): Promise<AppProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXTAUTH_SECRET: TEST_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    ...options.env,
  };
  delete env.NEXTAUTH_URL;
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  else delete env.REDIS_URL;
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "apps/web/server.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 400_000) out = out.slice(-200_000);
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const app: AppProcess = {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => out,
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (!app.alive()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
    waitForOutput(text, ms = 30_000) {
      return new Promise((resolveWait, reject) => {
        const check = () => {
          if (!out.includes(text)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolveWait();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${name}: "${text}" did not appear in ${ms} ms`));
        }, ms);
        listeners.add(check);
        check();
      });
    },
  };
  onTeardown(() => app.stop());
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!app.alive()) throw new Error(`${name} exited during start-up:\n${out.slice(-3_000)}`);
    try {
      const response = await fetch(`${app.baseUrl}/api/health`);
      if (response.ok) return app;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${name} did not become healthy in 120 s:\n${out.slice(-3_000)}`);
}

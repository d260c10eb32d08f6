// One Node process, one port: Next (pages, /api/auth, /api/trpc, /api/health) and
// socket.io at /socket.io. It owns the database's lifecycle (closes it on shutdown), so it
// may import @oms/db (docs/web.md). Migrations and the demo seed run before this starts
// (scripts/start.mjs): the embedded database allows one process at a time.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { networkInterfaces } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadServerEnv } from "./src/env.ts";

const appDir = dirname(fileURLToPath(import.meta.url));
// First: the secret and AUTH_TRUST_HOST must be in process.env before next-auth loads.
const env = loadServerEnv({ appDir });

const [{ default: next }, { Server }, db, realtimeModule, api] = await Promise.all([
  import("next"),
  import("socket.io"),
  import("@oms/db"),
  import("@oms/realtime"),
  import("@oms/api"),
]);

const dev = env.NODE_ENV !== "production";
const app = next({ dev, dir: appDir, hostname: env.HOST, port: env.PORT, turbopack: dev });
const handle = app.getRequestHandler();

await app.prepare();

const httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
  handle(req, res).catch((error: unknown) => {
    console.error("[web] request failed:", req.method, req.url, error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Something went wrong on the server.");
  });
});

// Next attaches its own upgrade listener (dev HMR) on the first request; engine.io must
// leave upgrades on other paths alone instead of closing them.
const io = new Server(httpServer, { path: "/socket.io", destroyUpgrade: false, serveClient: false });

// Live updates (docs/realtime.md): Origin check, the next-auth session of the handshake
// checked against the user row, rooms by role and store, the outbox dispatcher, and the
// Redis adapter when REDIS_URL is set.
const realtimeEnv = realtimeModule.readRealtimeEnv();
const database = db.sharedDatabase();
const realtime = await realtimeModule.startRealtime({
  io,
  database,
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.REDIS_URL,
  origin: { allowedOrigins: env.NEXTAUTH_URL ? [env.NEXTAUTH_URL] : [], trustForwardedHost: true },
  retentionDays: realtimeEnv.OUTBOX_RETENTION_DAYS,
  headsIntervalMs: realtimeEnv.LIVE_HEADS_INTERVAL_MS,
  authenticate: (request) => realtimeModule.authenticateCookie(request.headers.cookie, { secret: env.NEXTAUTH_SECRET, prisma: database.prisma }),
});

// Webhooks out (docs/api-rest.md): turns committed outbox events into signed deliveries and
// retries them with backoff. Outbox pruning waits for this worker to have seen each row.
const stopWebhookWorker = api.startWebhookWorker({ db: database.prisma });

// Periodic jobs (customer messages, card refunds/voids/captures, pickup and SLA sweeps) on
// one leader per database (PostgreSQL advisory lock); JOBS_ENABLED=false turns them off.
const jobRunner = api.startServerJobs({ database, databaseUrl: env.DATABASE_URL });

httpServer.listen(env.PORT, env.HOST, () => {
  const mode = dev ? "development" : "production";
  console.log(`\n  OMS web (${mode}) is listening on ${env.HOST}:${env.PORT}`);
  for (const url of reachableUrls(env.HOST, env.PORT)) console.log(`  ➜ ${url}`);
  console.log("");
});

function reachableUrls(host: string, port: number): string[] {
  if (env.NEXTAUTH_URL) return [env.NEXTAUTH_URL];
  if (host !== "0.0.0.0" && host !== "::") return [`http://${host}:${port}`];
  const urls = [`http://localhost:${port}`];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === "IPv4" && !address.internal) urls.push(`http://${address.address}:${port}`);
    }
  }
  return urls;
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n[web] ${signal}: shutting down`);
  const force = setTimeout(() => {
    console.error("[web] shutdown took longer than 10 s; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  try {
    // io.close() also closes the HTTP server; wait for it before closing the database.
    await new Promise<void>((resolveClose) => {
      io.close(() => resolveClose());
      httpServer.closeAllConnections?.();
    });
    await app.close?.();
    stopWebhookWorker();
    await jobRunner?.stop();
    await realtime.close();
    await db.closeSharedDatabase();
    process.exit(0);
  } catch (error) {
    console.error("[web] shutdown failed:", error);
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

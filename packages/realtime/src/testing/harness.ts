// Test and benchmark helpers: a real socket.io server on a random port with startRealtime,
// next-auth session cookies, clients. Imported by *.db.test.ts and bench/ only.
import type { SessionUser } from "@oms/contracts";
import type { PrismaClient } from "@oms/db";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { Server } from "socket.io";
import { createLiveClient, type LiveClient, type LiveClientOptions } from "../client/live-client.ts";
import type { LiveEvent } from "../client/protocol.ts";
import { authenticateCookie } from "../session-auth.ts";
import { eventsSince } from "../since.ts";
import { startRealtime, type Realtime, type StartRealtimeOptions } from "../start.ts";

export const TEST_SECRET = "realtime-test-secret-0123456789abcdef";

export interface TestInstance {
  url: string;
  port: number;
  io: Server;
  http: HttpServer;
  realtime: Realtime;
  close(): Promise<void>;
}

export async function startTestInstance(
  options: Omit<StartRealtimeOptions, "io" | "authenticate"> & { prisma?: PrismaClient },
): Promise<TestInstance> {
  const http = createServer();
  const io = new Server(http, { path: "/socket.io", serveClient: false });
  const realtime = await startRealtime({
    ...options,
    io,
    authenticate: (req) => authenticateCookie(req.headers.cookie, { secret: TEST_SECRET, prisma: options.database.prisma }),
    log: options.log ?? quietLog,
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    io,
    http,
    realtime,
    async close() {
      await realtime.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export const quietLog = { info: () => undefined, warn: () => undefined, error: (...args: unknown[]) => console.error(...args) };

/** The Cookie header a signed-in browser of `user` sends. */
export async function sessionCookie(user: SessionUser, secret = TEST_SECRET): Promise<string> {
  const token = await encode({ token: { sub: user.id, user }, secret });
  return `next-auth.session-token=${token}`;
}

export interface TestClient extends LiveClient {
  events: LiveEvent[];
  statuses: string[];
  /** Resolves when `predicate` holds for the received events (or rejects after `ms`). */
  waitFor(predicate: (events: LiveEvent[]) => boolean, ms?: number): Promise<void>;
}

/** A LiveClient as `user`, resyncing through eventsSince (what live.since runs). */
export async function connectClient(
  url: string,
  user: SessionUser,
  prisma: PrismaClient,
  extra: Partial<LiveClientOptions> & { origin?: string; connect?: boolean } = {},
): Promise<TestClient> {
  const events: LiveEvent[] = [];
  const statuses: string[] = [];
  const listeners = new Set<() => void>();
  const headers: Record<string, string> = { cookie: await sessionCookie(user) };
  if (extra.origin) headers.origin = extra.origin;
  const client = createLiveClient({
    url,
    fetchSince: async (stream, after, limit) => (await eventsSince({ stream, after, limit }, { db: prisma, user })).events,
    onEvents: (batch) => {
      events.push(...batch);
      for (const l of listeners) l();
    },
    onStatus: (status) => {
      statuses.push(status);
      for (const l of listeners) l();
    },
    ...extra,
    socket: { transports: ["websocket"], extraHeaders: headers, reconnectionDelay: 100, reconnectionDelayMax: 300, ...extra.socket },
  });
  const waitFor = (predicate: (events: LiveEvent[]) => boolean, ms = 5_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate(events)) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out after ${ms} ms; received ${events.map((e) => `${e.stream}#${e.seq}`).join(", ") || "nothing"}; status ${client.status()}`));
      }, ms);
      listeners.add(check);
      check();
    });
  const result = Object.assign(client, { events, statuses, waitFor });
  if (extra.connect !== false) await waitForStatus(result, "live");
  return result;
}

export function waitForStatus(client: TestClient, status: string, ms = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (client.status() === status) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`status stayed ${client.status()} (wanted ${status}); seen ${client.statuses.join(" → ")}`));
      setTimeout(poll, 10);
    };
    poll();
  });
}

/** A product variant to change stock of (the catalog has no test factory of its own). */
export async function createTestVariant(prisma: PrismaClient) {
  const tag = Math.random().toString(36).slice(2, 10);
  const category = await prisma.category.create({ data: { slug: `rt-${tag}`, name: "Realtime test" } });
  const product = await prisma.product.create({ data: { handle: `rt-${tag}`, name: "Live jacket", categoryId: category.id } });
  return prisma.variant.create({ data: { productId: product.id, sku: `RT-${tag}`, name: "One size" } });
}

/** The PostgreSQL URL of a test database (createTestDatabase names it; the admin URL is the env's). */
export function testDatabaseUrl(name: string): string | undefined {
  const admin = process.env.TEST_DATABASE_URL?.trim();
  if (!admin) return undefined;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

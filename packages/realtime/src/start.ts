// Live updates on an existing socket.io server: origin check, authentication, rooms,
// the outbox dispatcher, the Redis adapter and the periodic heads that let clients notice
// what they missed. server.ts calls startRealtime once.
import type { SessionUser } from "@oms/contracts";
import type { Database } from "@oms/db";
import type { IncomingMessage } from "node:http";
import type { Server, Socket } from "socket.io";
import { HQ_STREAM, LIVE, orderRoom, roomOf, WatchOrderRequest, type LiveEvent, type WatchAck } from "./client/protocol.ts";
import { startDispatcher, type Dispatcher, type DispatcherOptions } from "./dispatcher.ts";
import { checkOrigin, type OriginPolicy } from "./origin.ts";
import { attachRedisAdapter, type RedisFanout } from "./redis.ts";
import { canWatchOrder, roomsFor, streamsFor } from "./rooms.ts";

export interface StartRealtimeOptions {
  io: Server;
  database: Pick<Database, "prisma" | "kind">;
  /** PostgreSQL URL (LISTEN/NOTIFY and the dispatcher's leader lock); unused on PGlite. */
  databaseUrl?: string;
  /** With Redis, events fan out across every app process. */
  redisUrl?: string;
  /** Redis channel prefix (default "oms-live"). */
  redisKey?: string;
  /** The signed-in person of a handshake, or null (refused with "Please sign in"). */
  authenticate(request: IncomingMessage): Promise<SessionUser | null>;
  origin?: OriginPolicy;
  headsIntervalMs?: number;
  retentionDays?: number;
  /** Passed to the dispatcher (tests: faults, poll interval). */
  dispatcher?: Partial<Pick<DispatcherOptions, "pollMs" | "faults" | "standbyRetryMs" | "pruneEveryMs" | "name">>;
  /** false: this process serves sockets but never dispatches (tests). */
  dispatch?: boolean;
  log?: Pick<Console, "info" | "warn" | "error">;
}

export interface Realtime {
  dispatcher: Dispatcher | null;
  /** Sends the streams' heads to this process's sockets now (normally on a timer). */
  broadcastHeads(): Promise<void>;
  /** Stops the dispatcher, the timers and Redis; the caller closes io. */
  close(): Promise<void>;
}

/** Rooms an event goes to: its stream's, HQ (admins see every stream) and its order's. */
export function roomsForEvent(event: LiveEvent): string[] {
  const rooms = new Set([roomOf(event.stream), roomOf(HQ_STREAM)]);
  const orderId = (event.payload as { orderId?: unknown } | null)?.orderId;
  if (typeof orderId === "string") rooms.add(orderRoom(orderId));
  return [...rooms];
}

async function headsOf(database: StartRealtimeOptions["database"]): Promise<Record<string, number>> {
  const rows = await database.prisma.liveStream.findMany({ select: { key: true, lastSequence: true } });
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.lastSequence)]));
}

function visibleHeads(heads: Record<string, number>, streams: "all" | string[]): Record<string, number> {
  if (streams === "all") return heads;
  return Object.fromEntries(streams.map((s) => [s, heads[s] ?? 0]));
}

export async function startRealtime(options: StartRealtimeOptions): Promise<Realtime> {
  const { io, database } = options;
  const log = options.log ?? console;
  let redis: RedisFanout | null = null;
  if (options.redisUrl) {
    redis = await attachRedisAdapter(io, options.redisUrl, log, options.redisKey);
    log.info("[realtime] socket.io events fan out through Redis");
  }

  io.use((socket, next) => {
    const refusal = checkOrigin(socket.request.headers, options.origin);
    if (!refusal) return next();
    log.warn(`[realtime] refused a socket: ${refusal}`);
    next(new Error("Live updates are only available on this site."));
  });

  io.use((socket, next) => {
    options
      .authenticate(socket.request)
      .then((user) => {
        if (!user) return next(new Error("Please sign in to continue."));
        socket.data.user = user;
        next();
      })
      .catch((error: unknown) => {
        log.error("[realtime] handshake check failed:", error);
        next(new Error("Live updates are not available right now."));
      });
  });

  io.on("connection", (socket: Socket) => {
    const user = socket.data.user as SessionUser;
    void socket.join(roomsFor(user));
    const streams = streamsFor(user);
    headsOf(database)
      .then((heads) => socket.emit(LIVE.hello, { streams, heads: visibleHeads(heads, streams) }))
      .catch((error: unknown) => log.error("[realtime] could not greet a socket:", error));

    socket.on(LIVE.watch, (raw: unknown, reply?: (ack: WatchAck) => void) => {
      const request = WatchOrderRequest.safeParse(raw);
      const answer = (ack: WatchAck) => typeof reply === "function" && reply(ack);
      if (!request.success) return answer({ ok: false, message: "That is not an order." });
      canWatchOrder(database.prisma, user, request.data.orderId)
        .then(async (allowed) => {
          if (!allowed) return answer({ ok: false, message: "You cannot follow this order." });
          await socket.join(orderRoom(request.data.orderId));
          answer({ ok: true });
        })
        .catch((error: unknown) => {
          log.error("[realtime] watch failed:", error);
          answer({ ok: false, message: "Live updates are not available right now." });
        });
    });
    socket.on(LIVE.unwatch, (raw: unknown) => {
      const request = WatchOrderRequest.safeParse(raw);
      if (request.success) void socket.leave(orderRoom(request.data.orderId));
    });
    // Liveness probe used by the app and tests.
    socket.on("ping", (reply?: (answer: { ok: true; time: string }) => void) => {
      if (typeof reply === "function") reply({ ok: true, time: new Date().toISOString() });
    });
  });

  const publish = (events: LiveEvent[]) => {
    for (const event of events) io.to(roomsForEvent(event)).emit(LIVE.event, event);
  };

  const dispatcher =
    options.dispatch === false
      ? null
      : startDispatcher({
          prisma: database.prisma,
          kind: database.kind,
          databaseUrl: options.databaseUrl,
          publish,
          retentionDays: options.retentionDays,
          log,
          ...options.dispatcher,
        });

  /**
   * Each process tells its own sockets where their streams stand (read from the database,
   * not through Redis): a client that lost events in transit (Redis down, a dropped
   * packet) sees it is behind and fetches them with live.since.
   */
  async function broadcastHeads(): Promise<void> {
    const localRooms = io.of("/").adapter.rooms;
    if (localRooms.size === 0) return;
    const heads = await headsOf(database);
    if (localRooms.has("hq")) io.local.to("hq").emit(LIVE.heads, { heads });
    for (const room of localRooms.keys()) {
      if (!room.startsWith("location:")) continue;
      const stream = room.slice("location:".length);
      io.local.to(room).emit(LIVE.heads, { heads: { [stream]: heads[stream] ?? 0 } });
    }
  }
  const headsTimer = setInterval(() => {
    broadcastHeads().catch((error: unknown) => log.warn("[realtime] could not send stream heads:", (error as Error).message));
  }, options.headsIntervalMs ?? 5_000);
  headsTimer.unref();

  return {
    dispatcher,
    broadcastHeads,
    async close() {
      clearInterval(headsTimer);
      await dispatcher?.stop();
      await redis?.close();
    },
  };
}

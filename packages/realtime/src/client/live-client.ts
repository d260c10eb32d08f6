// The browser's (and the tests' and the benchmark's) side of live updates, framework-free:
// one socket.io connection, per-stream sequence tracking, gap and reconnect resync through
// a `fetchSince` function (the live.since tRPC query in the app).
import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import { LIVE, LiveEvent, LiveHeads, LiveHello, type WatchAck } from "./protocol.ts";
import { StreamTracker, type TrackerState } from "./tracker.ts";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface LiveClientOptions {
  /** Server URL; omitted: the page's own origin. */
  url?: string;
  /** Published events of `stream` after `after`, oldest first, at most `limit`. */
  fetchSince(stream: string, after: number, limit: number): Promise<LiveEvent[]>;
  /** Events to apply, in stream order, each once (duplicates are filtered out). */
  onEvents(events: LiveEvent[]): void;
  onStatus?(status: LiveStatus, reason?: string): void;
  /** Where the applied sequences survive a page reload (sessionStorage in the app). */
  storage?: { load(): Partial<TrackerState> | null; save(state: TrackerState): void };
  /** Extra socket.io options (tests pass `extraHeaders` with a cookie). */
  socket?: Partial<ManagerOptions & SocketOptions>;
  resyncLimit?: number;
}

export interface LiveClient {
  readonly socket: Socket;
  status(): LiveStatus;
  tracker: StreamTracker;
  /** Also receive one order's events (server checks the person may see it). */
  watchOrder(orderId: string): Promise<WatchAck>;
  unwatchOrder(orderId: string): void;
  /** Resolves when everything received so far has been applied (tests). */
  idle(): Promise<void>;
  close(): void;
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const limit = options.resyncLimit ?? 200;
  const tracker = new StreamTracker(options.storage?.load() ?? undefined);
  let status: LiveStatus = "connecting";
  const setStatus = (next: LiveStatus, reason?: string) => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next, reason);
  };
  const socketOptions: Partial<ManagerOptions & SocketOptions> = {
    path: "/socket.io",
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    ...options.socket,
  };
  const socket = options.url ? io(options.url, socketOptions) : io(socketOptions);

  // Everything runs through one chain so events apply in order and resyncs do not overlap.
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void> | void) => {
    chain = chain.then(work).catch((error: unknown) => console.warn("[live] could not apply an update:", error));
    return chain;
  };
  const save = () => options.storage?.save(tracker.state());

  function apply(events: LiveEvent[]) {
    const fresh = events.filter((event) => {
      const verdict = tracker.check(event);
      if (verdict.kind !== "apply") return false;
      tracker.applied(event);
      return true;
    });
    if (fresh.length > 0) {
      options.onEvents(fresh);
      save();
    }
  }

  /** Fetches and applies a stream's events after `after`; false when the fetch failed. */
  async function resync(stream: string, after: number): Promise<boolean> {
    let from = Math.max(after, tracker.lastApplied(stream) ?? 0);
    for (;;) {
      let page: LiveEvent[];
      try {
        page = await options.fetchSince(stream, from, limit);
      } catch (error) {
        console.warn(`[live] could not fetch missed updates of ${stream}:`, error);
        return false;
      }
      apply(page);
      const last = page.at(-1)?.seq;
      if (page.length < limit || last === undefined) return true;
      from = last;
    }
  }

  async function receive(event: LiveEvent) {
    const verdict = tracker.check(event);
    if (verdict.kind === "duplicate") return;
    if (verdict.kind === "gap" && !(await resync(event.stream, verdict.after))) {
      // The fetch failed: let the screens refresh anyway, without claiming the missing
      // numbers; the next heads or reconnect fetches them.
      options.onEvents([event]);
      return;
    }
    apply([event]);
  }

  socket.on(LIVE.event, (raw: unknown) => {
    const parsed = LiveEvent.safeParse(raw);
    if (parsed.success) void enqueue(() => receive(parsed.data));
  });
  socket.on(LIVE.hello, (raw: unknown) => {
    const hello = LiveHello.safeParse(raw);
    if (!hello.success) return;
    void enqueue(async () => {
      for (const { stream, after } of tracker.hello(hello.data.streams, hello.data.heads)) await resync(stream, after);
      save();
      if (socket.connected) setStatus("live");
    });
  });
  socket.on(LIVE.heads, (raw: unknown) => {
    const heads = LiveHeads.safeParse(raw);
    if (!heads.success) return;
    void enqueue(async () => {
      for (const { stream, after } of tracker.heads(heads.data.heads)) await resync(stream, after);
    });
  });
  socket.on("disconnect", (reason) => setStatus(socket.active ? "reconnecting" : "offline", reason));
  socket.on("connect_error", (error) => setStatus(socket.active ? "reconnecting" : "offline", error.message));
  socket.io.on("reconnect_attempt", () => setStatus("reconnecting"));

  return {
    socket,
    tracker,
    status: () => status,
    watchOrder: (orderId) =>
      new Promise<WatchAck>((resolve) => {
        socket.timeout(5_000).emit(LIVE.watch, { orderId }, (error: Error | null, ack: WatchAck) => resolve(error ? { ok: false, message: "Live updates are not available right now." } : ack));
      }),
    unwatchOrder: (orderId) => void socket.emit(LIVE.unwatch, { orderId }),
    idle: () => chain,
    close: () => {
      socket.close();
      setStatus("offline", "closed");
    },
  };
}

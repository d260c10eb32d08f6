// The socket.io Redis adapter: every process publishes its broadcasts to Redis and relays
// the others' to its own sockets, so a sale on one instance reaches a tablet on another.
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { Server } from "socket.io";

export interface RedisFanout {
  close(): Promise<void>;
}

export async function attachRedisAdapter(
  io: Server,
  url: string,
  log: Pick<Console, "warn"> = console,
  /** Channel prefix: instances that share it hear each other (tests isolate themselves). */
  key = "oms-live",
): Promise<RedisFanout> {
  const pub = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) } });
  const sub = pub.duplicate();
  let lastWarning = 0;
  const warn = (which: string) => (error: Error) => {
    // A Redis outage reconnects in the background; say so once in a while, not per retry.
    if (Date.now() - lastWarning > 10_000) {
      lastWarning = Date.now();
      log.warn(`[realtime] Redis ${which} connection: ${error.message} (live events reach other instances' clients through their resync meanwhile)`);
    }
  };
  pub.on("error", warn("publish"));
  sub.on("error", warn("subscribe"));
  await Promise.all([pub.connect(), sub.connect()]);
  // The adapter does not await publish(): a failure during an outage must not become an
  // unhandled rejection that stops the process.
  const publish = pub.publish.bind(pub);
  (pub as unknown as { publish: typeof publish }).publish = ((...args: Parameters<typeof publish>) =>
    publish(...args).catch((error: Error) => {
      warn("publish")(error);
      return 0;
    })) as typeof publish;
  io.adapter(createAdapter(pub, sub, { key }));
  return {
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}

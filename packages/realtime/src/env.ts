// Settings of live updates (STYLE.md §9); the defaults fit the embedded demo.
import { z } from "zod";

const Env = z.object({
  /** Redis for the socket.io adapter: needed when more than one app process serves sockets. */
  REDIS_URL: z.url().optional(),
  /** Days published outbox events are kept for clients catching up (and for audits). */
  OUTBOX_RETENTION_DAYS: z.coerce.number().min(0).default(7),
  /** How often each process tells its sockets the streams' heads (catches events lost in transit). */
  LIVE_HEADS_INTERVAL_MS: z.coerce.number().int().min(200).default(5_000),
});
export type RealtimeEnv = z.infer<typeof Env>;

export function readRealtimeEnv(source: Record<string, string | undefined> = process.env): RealtimeEnv {
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid live update settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

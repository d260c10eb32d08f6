// What travels over the socket, shared by the server and the browser. Browser-safe: zod
// and contracts only.
import { outboxTopics, type OutboxPayload, type OutboxTopic } from "@oms/contracts";
import { z } from "zod";

/** The stream of events without a location (network-wide): admins see it in the `hq` room. */
export const HQ_STREAM = "hq";

/** A live stream: a location id, or "hq" for events that belong to no location. */
export function streamOf(locationId: string | null): string {
  return locationId ?? HQ_STREAM;
}

/** The socket.io room that receives a stream's events (admins are in `hq` and get all). */
export function roomOf(stream: string): string {
  return stream === HQ_STREAM ? "hq" : `location:${stream}`;
}

export function orderRoom(orderId: string): string {
  return `order:${orderId}`;
}

/** Socket event names. */
export const LIVE = {
  /** server → client: one published outbox event. */
  event: "live:event",
  /** server → client, once after connecting: which streams the socket follows, and their heads. */
  hello: "live:hello",
  /** server → client, periodically from the instance the socket is on: the streams' heads. */
  heads: "live:heads",
  /** client → server (ack): also receive one order's events (an order the person works on). */
  watch: "live:watch",
  unwatch: "live:unwatch",
} as const;

/** One published event. `seq` is gap-free within `stream`. */
export const LiveEvent = z.object({
  id: z.string(),
  stream: z.string(),
  seq: z.number().int().positive(),
  topic: z.string(),
  locationId: z.string().nullable(),
  payload: z.unknown(),
  /** When the command that caused it committed its transaction (ISO time). */
  createdAt: z.string(),
});
export type LiveEvent = z.infer<typeof LiveEvent>;

export const LiveHello = z.object({
  /** "all": every stream (admins); otherwise the streams this socket receives in full. */
  streams: z.union([z.literal("all"), z.array(z.string())]),
  /** The last sequence number handed out per stream (streams without events are absent). */
  heads: z.record(z.string(), z.number().int().nonnegative()),
});
export type LiveHello = z.infer<typeof LiveHello>;

export const LiveHeads = z.object({ heads: z.record(z.string(), z.number().int().nonnegative()) });
export type LiveHeads = z.infer<typeof LiveHeads>;

export const WatchOrderRequest = z.object({ orderId: z.string().uuid() });
export type WatchAck = { ok: true } | { ok: false; message: string };

/** A known topic with its payload checked against the contracts schema. */
export type TypedLiveEvent = { [T in OutboxTopic]: Omit<LiveEvent, "topic" | "payload"> & { topic: T; payload: OutboxPayload<T> } }[OutboxTopic];

export function isKnownTopic(topic: string): topic is OutboxTopic {
  return Object.hasOwn(outboxTopics, topic);
}

/**
 * The event with its payload validated for its topic, or null for a topic this client does
 * not know (newer server) or a payload that does not match: the sequence still counts.
 */
export function typedEvent(event: LiveEvent): TypedLiveEvent | null {
  if (!isKnownTopic(event.topic)) return null;
  const parsed = outboxTopics[event.topic].safeParse(event.payload);
  if (!parsed.success) return null;
  return { ...event, payload: parsed.data } as TypedLiveEvent;
}

// live.since: the events of one stream after a sequence number, for a client that noticed a
// gap or reconnected. Returns every numbered event (numbers are committed in order, so
// whatever is numbered is final), published or about to be.
import { AppError, type SessionUser } from "@oms/contracts";
import type { PrismaClient } from "@oms/db";
import { z } from "zod";
import { HQ_STREAM, type LiveEvent } from "./client/protocol.ts";
import { toLiveEvent } from "./dispatcher.ts";
import { canSeeStream } from "./rooms.ts";

export const LiveSinceInput = z.object({
  /** A location id, or "hq" for events that belong to no location. */
  stream: z.union([z.literal(HQ_STREAM), z.uuid()]),
  /** The last sequence number the client applied (0: from the oldest kept). */
  after: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type LiveSinceInput = z.input<typeof LiveSinceInput>;

export interface LiveSinceResult {
  events: LiveEvent[];
  /** The stream's last number handed out; events beyond `events` exist when it is higher. */
  head: number;
  /** The oldest events were pruned: the client cannot patch, it should refetch its screens. */
  truncated: boolean;
}

export async function eventsSince(input: LiveSinceInput, ctx: { db: PrismaClient; user: SessionUser }): Promise<LiveSinceResult> {
  const { stream, after, limit } = LiveSinceInput.parse(input);
  if (!canSeeStream(ctx.user, stream)) {
    throw new AppError("FORBIDDEN", stream === HQ_STREAM ? "Only headquarters staff can follow network-wide updates." : "You can only follow updates of your own store.", { stream });
  }
  const locationId = stream === HQ_STREAM ? null : stream;
  const [rows, counter] = await Promise.all([
    ctx.db.outboxEvent.findMany({
      where: { locationId, locationSequence: { gt: after } },
      orderBy: { locationSequence: "asc" },
      take: limit,
      select: { id: true, topic: true, locationId: true, payload: true, createdAt: true, locationSequence: true },
    }),
    ctx.db.liveStream.findUnique({ where: { key: stream }, select: { lastSequence: true } }),
  ]);
  const events = rows.map(toLiveEvent);
  const firstSeq = events[0]?.seq;
  return { events, head: Number(counter?.lastSequence ?? 0), truncated: firstSeq !== undefined && firstSeq > after + 1 };
}

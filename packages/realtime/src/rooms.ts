// Which rooms and streams a person may see: admins the whole network (`hq`, every stream),
// store staff their store only, plus the orders they work on (checked on request).
import type { SessionUser } from "@oms/contracts";
import type { PrismaClient } from "@oms/db";
import { HQ_STREAM, roomOf } from "./client/protocol.ts";

/** The rooms a person's socket joins: the network for admins, their store for the rest. */
export function roomsFor(user: SessionUser): string[] {
  if (user.role === "ADMIN") return ["hq"];
  return user.locationId ? [roomOf(user.locationId)] : [];
}

/** The streams a person receives in full: "all" for admins. */
export function streamsFor(user: SessionUser): "all" | string[] {
  if (user.role === "ADMIN") return "all";
  return user.locationId ? [user.locationId] : [];
}

/** Whether the person may read a stream's events (live.since). */
export function canSeeStream(user: SessionUser, stream: string): boolean {
  if (user.role === "ADMIN") return true;
  return stream !== HQ_STREAM && user.locationId === stream;
}

/** An order's room: admins any; store staff when it started at, or is fulfilled by, their store. */
export async function canWatchOrder(prisma: PrismaClient, user: SessionUser, orderId: string): Promise<boolean> {
  if (user.role === "ADMIN") return true;
  if (!user.locationId) return false;
  const found = await prisma.order.findFirst({
    where: {
      id: orderId,
      OR: [{ originLocationId: user.locationId }, { fulfillmentOrders: { some: { locationId: user.locationId } } }],
    },
    select: { id: true },
  });
  return found !== null;
}

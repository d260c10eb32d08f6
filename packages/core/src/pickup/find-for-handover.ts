import type { Tx } from "@oms/db";
import { parseInput } from "../shared/parse-input.ts";
import { pickupCardInclude, toPickupCards, type PickupCard } from "./pickup-queue.ts";
import { FindForHandoverInput } from "./schemas.ts";

/**
 * The counter's search: what the customer shows (pickup code, the QR code's text, the
 * order number) or says (their name). Exact code matches come first. Only this store's
 * pickup orders; ready ones first, then the ones still being prepared.
 */
export async function findForHandover(rawInput: FindForHandoverInput, ctx: { db: Tx; now: Date }): Promise<PickupCard[]> {
  const input = parseInput(FindForHandoverInput, rawInput);
  // A QR code carries "PICKUP:<order number>:<code>"; a scanner types it like any text.
  const qr = /^PICKUP:([^:]+):([^:]+)$/i.exec(input.query);
  const term = qr ? qr[2]! : input.query;
  const rows = await ctx.db.fulfillmentOrder.findMany({
    where: {
      locationId: input.locationId,
      type: "PICKUP",
      status: { in: ["READY_FOR_PICKUP", "PACKED", "PICKING", "NEW"] },
      OR: [
        { pickupCode: { equals: term, mode: "insensitive" } },
        { number: { contains: term, mode: "insensitive" } },
        { order: { number: { contains: qr ? qr[1]! : term, mode: "insensitive" } } },
        { order: { customerName: { contains: term, mode: "insensitive" } } },
      ],
    },
    include: pickupCardInclude,
    orderBy: [{ createdAt: "asc" }],
    take: 20,
  });
  const cards = await toPickupCards(ctx.db, input.locationId, rows, ctx.now);
  const rank = (c: PickupCard) => (c.pickupCode?.toLowerCase() === term.toLowerCase() ? 0 : 1) * 2 + (c.status === "READY_FOR_PICKUP" ? 0 : 1);
  return cards.sort((a, b) => rank(a) - rank(b));
}

/** The text of the QR code on the customer's "ready" message. */
export const pickupQrText = (orderNumber: string, pickupCode: string) => `PICKUP:${orderNumber}:${pickupCode}`;

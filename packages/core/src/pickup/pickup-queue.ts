import type { FulfillmentStatus } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import { parseInput } from "../shared/parse-input.ts";
import { PickupQueueInput } from "./schemas.ts";

/** The tablet's columns. PACKED waits for its shelf, so it stays with the pickers. */
export type PickupGroup = "new" | "picking" | "ready" | "problems" | "collected";
export const pickupGroups: readonly PickupGroup[] = ["new", "picking", "ready", "problems", "collected"];

export function pickupGroupOf(status: FulfillmentStatus): PickupGroup | null {
  switch (status) {
    case "NEW":
      return "new";
    case "PICKING":
    case "PACKED":
      return "picking";
    case "READY_FOR_PICKUP":
      return "ready";
    case "REJECTED":
    case "CANCELLED":
      return "problems";
    case "PICKED_UP":
      return "collected";
    default:
      return null;
  }
}

export interface PickupLine {
  id: string;
  variantId: string;
  sku: string;
  name: string;
  barcodes: string[];
  bin: string | null;
  quantity: number;
  quantityPicked: number;
  quantityRejected: number;
  quantityFulfilled: number;
}

export interface PickupCard {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  customerName: string | null;
  status: FulfillmentStatus;
  group: PickupGroup;
  pickupCode: string | null;
  paymentStatus: string;
  currency: string;
  /** What the customer still has to pay at the counter (pay at pickup), minor units. */
  amountDue: number;
  /** How the last handover was verified (CODE, QR, ID); set after a (partial) collection. */
  handoverVerification: string | null;
  createdAt: Date;
  promisedAt: Date | null;
  /** Not ready yet and the promised time has passed. */
  late: boolean;
  claimedBy: { id: string; name: string } | null;
  claimedAt: Date | null;
  bagCount: number | null;
  stagingShelf: string | null;
  rejectedReason: string | null;
  readyAt: Date | null;
  pickedUpAt: Date | null;
  /** Sorted by bin (no bin last), then SKU: the walk through the store. */
  lines: PickupLine[];
}

export interface PickupQueue {
  location: { id: string; name: string; timeZone: string; locale: string };
  now: Date;
  counts: Record<PickupGroup, number>;
  groups: Record<PickupGroup, PickupCard[]>;
}

const cardInclude = {
  order: { select: { number: true, customerName: true, paymentStatus: true, total: true, currency: true, payments: { select: { amountCaptured: true, amountRefunded: true } } } },
  lines: { orderBy: { id: "asc" }, include: { orderLine: { select: { sku: true, name: true } } } },
} satisfies Prisma.FulfillmentOrderInclude;
type CardRow = Prisma.FulfillmentOrderGetPayload<{ include: typeof cardInclude }>;

/** Midnight today in `timeZone`, as a UTC instant ("collected today" on the shop floor). */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offset = wall - Math.floor(now.getTime() / 1000) * 1000;
  return new Date(Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!) - offset);
}

/** Cards for fulfillment rows: bins, barcodes and claimant names in three queries. */
export async function toPickupCards(db: Tx, locationId: string, rows: CardRow[], now: Date): Promise<PickupCard[]> {
  const variantIds = [...new Set(rows.flatMap((r) => r.lines.map((l) => l.variantId)))];
  const claimantIds = [...new Set(rows.map((r) => r.claimedById).filter((id): id is string => id !== null))];
  const [levels, barcodes, users] = await Promise.all([
    variantIds.length ? db.inventoryLevel.findMany({ where: { locationId, variantId: { in: variantIds } }, select: { variantId: true, bin: true } }) : [],
    variantIds.length ? db.barcode.findMany({ where: { variantId: { in: variantIds } }, select: { variantId: true, code: true } }) : [],
    claimantIds.length ? db.user.findMany({ where: { id: { in: claimantIds } }, select: { id: true, name: true } }) : [],
  ]);
  const binOf = new Map(levels.map((l) => [l.variantId, l.bin]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const group = pickupGroupOf(r.status) ?? "problems";
    const open = r.status === "NEW" || r.status === "PICKING" || r.status === "PACKED";
    // A line whose units were all cancelled or substituted has nothing left to show.
    const lines = r.lines
      .filter((l) => l.quantity > 0)
      .map((l) => ({
        id: l.id,
        variantId: l.variantId,
        sku: l.orderLine.sku,
        name: l.orderLine.name,
        barcodes: barcodes.filter((b) => b.variantId === l.variantId).map((b) => b.code),
        bin: binOf.get(l.variantId) ?? null,
        quantity: l.quantity,
        quantityPicked: l.quantityPicked,
        quantityRejected: l.quantityRejected,
        quantityFulfilled: l.quantityFulfilled,
      }))
      .sort((a, b) => (a.bin === b.bin ? a.sku.localeCompare(b.sku) : a.bin === null ? 1 : b.bin === null ? -1 : a.bin.localeCompare(b.bin, "en", { numeric: true })));
    return {
      id: r.id,
      number: r.number,
      orderId: r.orderId,
      orderNumber: r.order.number,
      customerName: r.order.customerName,
      status: r.status,
      group,
      pickupCode: r.pickupCode,
      paymentStatus: r.order.paymentStatus,
      currency: r.order.currency,
      amountDue: r.order.paymentStatus === "AUTHORIZED" ? 0 : Math.max(0, r.order.total - r.order.payments.reduce((s, p) => s + p.amountCaptured - p.amountRefunded, 0)),
      handoverVerification: r.handoverVerification,
      createdAt: r.createdAt,
      promisedAt: r.promisedAt,
      late: open && r.promisedAt !== null && r.promisedAt.getTime() < now.getTime(),
      claimedBy: r.claimedById ? { id: r.claimedById, name: nameOf.get(r.claimedById) ?? "Another associate" } : null,
      claimedAt: r.claimedAt,
      bagCount: r.bagCount,
      stagingShelf: r.stagingShelf,
      rejectedReason: r.rejectedReason,
      readyAt: r.readyAt,
      pickedUpAt: r.pickedUpAt,
      lines,
    };
  });
}

/**
 * The store's pickup board: open orders by state, oldest first, plus today's problems
 * (rejected or cancelled) and collections, in the store's own day.
 */
export async function pickupQueue(rawInput: PickupQueueInput & { now?: Date }, ctx: { db: Tx; now: Date }): Promise<PickupQueue> {
  const input = parseInput(PickupQueueInput, { locationId: rawInput.locationId });
  const now = rawInput.now ?? ctx.now;
  const location = await ctx.db.location.findUniqueOrThrow({ where: { id: input.locationId }, select: { id: true, name: true, timeZone: true, locale: true } });
  const today = startOfLocalDay(now, location.timeZone);
  const rows = await ctx.db.fulfillmentOrder.findMany({
    where: {
      locationId: location.id,
      type: "PICKUP",
      OR: [{ status: { in: ["NEW", "PICKING", "PACKED", "READY_FOR_PICKUP"] } }, { status: { in: ["REJECTED", "CANCELLED", "PICKED_UP"] }, updatedAt: { gte: today } }],
    },
    include: cardInclude,
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
    take: 500,
  });
  const cards = await toPickupCards(ctx.db, location.id, rows, now);
  const groups = Object.fromEntries(pickupGroups.map((g) => [g, [] as PickupCard[]])) as Record<PickupGroup, PickupCard[]>;
  for (const card of cards) groups[card.group].push(card);
  // Most recent first where the order is done; oldest first where someone has to act.
  groups.collected.sort((a, b) => (b.pickedUpAt?.getTime() ?? 0) - (a.pickedUpAt?.getTime() ?? 0));
  const counts = Object.fromEntries(pickupGroups.map((g) => [g, groups[g].length])) as Record<PickupGroup, number>;
  return { location, now, counts, groups };
}

export { cardInclude as pickupCardInclude };

import { FindTillOrdersInput, type TillOrderSummary } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { findCustomers } from "../customers/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { returnableUnits } from "./returnable.ts";

const summarySelect = {
  id: true,
  number: true,
  channel: true,
  status: true,
  placedAt: true,
  customerName: true,
  total: true,
  currency: true,
  originLocation: { select: { name: true } },
  lines: { select: { quantity: true, quantityCancelled: true, quantityFulfilled: true, quantityReturned: true } },
} satisfies Prisma.OrderSelect;

type SummaryRow = Prisma.OrderGetPayload<{ select: typeof summarySelect }>;

/**
 * The till's order lookup, newest first:
 * - no query: the store's recent sales (orders rung up there);
 * - a receipt scan or typed order number: that order, from any channel (the receipt's
 *   Code 128 barcode is the order number; case and surrounding spaces are ignored);
 * - otherwise a customer's phone, e-mail or name (as findCustomers): their orders.
 * Goods can come back to any store, so a number or customer search is not limited to this one.
 */
export async function findTillOrders(rawInput: FindTillOrdersInput, ctx: Pick<DomainContext, "db" | "actor" | "now">): Promise<TillOrderSummary[]> {
  const input = parseInput(FindTillOrdersInput, rawInput);
  const query = input.query?.trim() ?? "";
  const orderBy: Prisma.OrderOrderByWithRelationInput[] = [{ placedAt: "desc" }, { id: "desc" }];
  const notDraft: Prisma.OrderWhereInput = { status: { not: "DRAFT" } };
  if (query === "") {
    const rows = await ctx.db.order.findMany({ where: { originLocationId: input.locationId, ...notDraft }, select: summarySelect, orderBy, take: input.limit });
    return rows.map(toSummary);
  }
  const byNumber = await ctx.db.order.findMany({ where: { number: { equals: query, mode: "insensitive" }, ...notDraft }, select: summarySelect, take: 1 });
  if (byNumber.length > 0) return byNumber.map(toSummary);
  if (query.length < 2) return [];

  const customers = await findCustomers({ query, limit: 20 }, { db: ctx.db, actor: ctx.actor, now: ctx.now });
  const rows = await ctx.db.order.findMany({
    where: {
      ...notDraft,
      OR: [
        ...(customers.length > 0 ? [{ customerId: { in: customers.map((c) => c.id) } }] : []),
        // Guest orders carry the e-mail without a customer record; and a partial number.
        ...(query.includes("@") ? [{ email: { equals: query, mode: "insensitive" as const } }] : []),
        ...(/\d/.test(query) && !/\s/.test(query) ? [{ number: { startsWith: query, mode: "insensitive" as const } }] : []),
      ],
    },
    select: summarySelect,
    orderBy,
    take: input.limit,
  });
  return rows.map(toSummary);
}

function toSummary(row: SummaryRow): TillOrderSummary {
  return {
    id: row.id,
    number: row.number,
    channel: row.channel,
    status: row.status,
    placedAt: row.placedAt,
    customerName: row.customerName,
    originLocationName: row.originLocation?.name ?? null,
    total: row.total,
    currency: row.currency,
    units: row.lines.reduce((s, l) => s + l.quantity, 0),
    returnableUnits: row.lines.reduce((s, l) => s + returnableUnits(l), 0),
  };
}

import { GetCustomerInput, type CustomerHistory } from "@oms/contracts";
import type { OrderStatus } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { findCustomerOrThrow } from "./customer-rows.ts";

/** Orders that are not sales (yet or any more) do not count towards lifetime value. */
const NOT_SALES: OrderStatus[] = ["CANCELLED", "DRAFT"];
const LISTED = 200;

/**
 * A customer's orders and returns (newest first, up to 200 of each) and lifetime value per
 * currency: totals of orders that are not cancelled or drafts, minus the refunds that
 * succeeded on those orders. Currencies are never added together.
 */
export async function getCustomerHistory(rawInput: GetCustomerInput, ctx: DomainContext): Promise<CustomerHistory> {
  const { customerId } = parseInput(GetCustomerInput, rawInput);
  const customer = await findCustomerOrThrow(ctx.db, customerId);
  const orders = await ctx.db.order.findMany({
    where: { customerId },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: LISTED,
    select: { id: true, number: true, placedAt: true, channel: true, status: true, total: true, currency: true },
  });
  const returns = await ctx.db.return.findMany({
    where: { order: { customerId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LISTED,
    select: {
      id: true,
      number: true,
      orderId: true,
      status: true,
      refundMethod: true,
      refundTotal: true,
      currency: true,
      createdAt: true,
      order: { select: { number: true } },
    },
  });
  const sales = await ctx.db.order.groupBy({
    by: ["currency"],
    where: { customerId, status: { notIn: NOT_SALES } },
    _sum: { total: true },
    _count: { _all: true },
  });
  const refunds = await ctx.db.refund.groupBy({
    by: ["currency"],
    where: { status: "SUCCEEDED", order: { customerId, status: { notIn: NOT_SALES } } },
    _sum: { amount: true },
  });
  const refunded = new Map(refunds.map((r) => [r.currency, r._sum.amount ?? 0]));
  const lifetimeValue = sales
    .map((s) => ({ currency: s.currency, amount: (s._sum.total ?? 0) - (refunded.get(s.currency) ?? 0), orders: s._count._all }))
    .sort((a, b) => a.currency.localeCompare(b.currency));

  return {
    customer,
    orders,
    returns: returns.map(({ order, ...r }) => ({ ...r, orderNumber: order.number })),
    lifetimeValue,
  };
}

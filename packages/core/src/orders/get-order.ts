import { AppError, OrderIdInput, type OrderRoutingTrace } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { readAddress, readRoutingTrace } from "./order-rows.ts";

export const orderDetailInclude = {
  lines: { orderBy: { lineNo: "asc" } },
  fulfillmentOrders: {
    orderBy: { number: "asc" },
    include: { lines: true, shipments: { orderBy: { createdAt: "asc" } }, location: { select: { id: true, code: true, name: true } } },
  },
  payments: { orderBy: { createdAt: "asc" } },
  refunds: { orderBy: { createdAt: "asc" } },
  returns: { orderBy: { createdAt: "asc" }, include: { lines: true } },
  events: { orderBy: { id: "asc" } },
  tasks: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.OrderInclude;

type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderDetailInclude }>;

export type OrderDetail = Omit<OrderRow, "routingTrace" | "shippingAddress" | "events"> & {
  shippingAddress: ReturnType<typeof readAddress>;
  routingTrace: OrderRoutingTrace;
  /** OrderEvent ids are bigint in the database; strings here so the result serialises. */
  events: (Omit<OrderRow["events"][number], "id"> & { id: string })[];
};

/** One order with everything the order screen shows, the routing trace included. */
export async function getOrder(rawInput: OrderIdInput, ctx: Pick<DomainContext, "db">): Promise<OrderDetail> {
  const input = parseInput(OrderIdInput, rawInput);
  const order = await ctx.db.order.findUnique({ where: { id: input.orderId }, include: orderDetailInclude });
  if (!order) throw new AppError("NOT_FOUND", "That order does not exist.", { orderId: input.orderId });
  return {
    ...order,
    shippingAddress: readAddress(order),
    routingTrace: readRoutingTrace(order),
    events: order.events.map((e) => ({ ...e, id: e.id.toString() })),
  };
}

import { AppError, OrderIdInput, type OrderRoutingTrace } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { readAddress, readRoutingTrace } from "./order-rows.ts";

export const orderDetailInclude = {
  lines: { orderBy: { lineNo: "asc" } },
  fulfillmentOrders: {
    orderBy: { number: "asc" },
    include: { lines: true, shipments: { where: { status: { notIn: ["LABEL_PENDING", "CANCELLED"] } }, orderBy: { createdAt: "asc" } }, location: { select: { id: true, code: true, name: true } } },
  },
  payments: { orderBy: { createdAt: "asc" } },
  refunds: { orderBy: { createdAt: "asc" } },
  returns: { orderBy: { createdAt: "asc" }, include: { lines: true, location: { select: { id: true, code: true, name: true } } } },
  events: { orderBy: { id: "asc" } },
  tasks: { orderBy: { createdAt: "asc" }, include: { location: { select: { id: true, code: true, name: true } } } },
  originLocation: { select: { id: true, code: true, name: true } },
} satisfies Prisma.OrderInclude;

type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderDetailInclude }>;

export type OrderDetail = Omit<OrderRow, "routingTrace" | "shippingAddress" | "events"> & {
  shippingAddress: ReturnType<typeof readAddress>;
  routingTrace: OrderRoutingTrace;
  /**
   * OrderEvent ids are bigint in the database; strings here so the result serialises.
   * `actorName`: the person or API key that did it (null: the system).
   */
  events: (Omit<OrderRow["events"][number], "id"> & { id: string; actorName: string | null })[];
};

/** Names of the people and API keys on an order's timeline, by id. */
async function actorNames(db: DomainContext["db"], events: OrderRow["events"]): Promise<Map<string, string>> {
  const ids = (kind: string) => [...new Set(events.filter((e) => e.actorKind === kind && e.actorId).map((e) => e.actorId!))];
  const userIds = ids("USER");
  const keyIds = ids("API_KEY");
  const [users, keys] = await Promise.all([
    userIds.length > 0 ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    keyIds.length > 0 ? db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } }) : [],
  ]);
  return new Map([...users, ...keys].map((row) => [row.id, row.name]));
}

/** One order with everything the order screen shows, the routing trace included. */
export async function getOrder(rawInput: OrderIdInput, ctx: Pick<DomainContext, "db">): Promise<OrderDetail> {
  const input = parseInput(OrderIdInput, rawInput);
  const order = await ctx.db.order.findUnique({ where: { id: input.orderId }, include: orderDetailInclude });
  if (!order) throw new AppError("NOT_FOUND", "That order does not exist.", { orderId: input.orderId });
  const names = await actorNames(ctx.db, order.events);
  return {
    ...order,
    shippingAddress: readAddress(order),
    routingTrace: readRoutingTrace(order),
    events: order.events.map((e) => ({ ...e, id: e.id.toString(), actorName: e.actorId ? (names.get(e.actorId) ?? null) : null })),
  };
}

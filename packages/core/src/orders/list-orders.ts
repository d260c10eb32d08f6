import { AppError, ListOrdersInput } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

export interface OrderSummary {
  id: string;
  number: string;
  channel: string;
  status: string;
  paymentStatus: string;
  customerName: string | null;
  email: string | null;
  currency: string;
  total: number;
  isLate: boolean;
  placedAt: Date;
  promisedAt: Date | null;
  originLocationId: string | null;
}

export interface OrderPage {
  items: OrderSummary[];
  nextCursor: string | null;
}

function decodeCursor(cursor: string): { placedAt: Date; id: string } {
  try {
    const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
    const placedAt = new Date(time!);
    if (!id || Number.isNaN(placedAt.getTime())) throw new Error("bad cursor");
    return { placedAt, id };
  } catch {
    throw new AppError("VALIDATION_FAILED", "cursor: That page link is no longer valid; start from the first page.", {
      fields: [{ path: ["cursor"], message: "Not a valid cursor" }],
    });
  }
}

const encodeCursor = (o: { placedAt: Date; id: string }) => Buffer.from(`${o.placedAt.toISOString()}|${o.id}`).toString("base64url");

/** Newest first, with filters; keyset pagination on (placedAt, id). */
export async function listOrders(rawInput: ListOrdersInput, ctx: Pick<DomainContext, "db">): Promise<OrderPage> {
  const input = parseInput(ListOrdersInput, rawInput);
  const and: Prisma.OrderWhereInput[] = [];
  if (input.status) and.push({ status: { in: input.status } });
  if (input.channel) and.push({ channel: { in: input.channel } });
  if (input.locationId) {
    and.push({ OR: [{ originLocationId: input.locationId }, { fulfillmentOrders: { some: { locationId: input.locationId } } }] });
  }
  if (input.from) and.push({ placedAt: { gte: input.from } });
  if (input.to) and.push({ placedAt: { lte: input.to } });
  if (input.late !== undefined) and.push({ isLate: input.late });
  if (input.search) {
    const q = input.search;
    and.push({
      OR: [
        { number: { startsWith: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        { customerName: { contains: q, mode: "insensitive" } },
        { externalId: q },
      ],
    });
  }
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    and.push({ OR: [{ placedAt: { lt: c.placedAt } }, { placedAt: c.placedAt, id: { lt: c.id } }] });
  }
  const rows = await ctx.db.order.findMany({
    where: { AND: and },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      number: true,
      channel: true,
      status: true,
      paymentStatus: true,
      customerName: true,
      email: true,
      currency: true,
      total: true,
      isLate: true,
      placedAt: true,
      promisedAt: true,
      originLocationId: true,
    },
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? encodeCursor(items[items.length - 1]!) : null };
}

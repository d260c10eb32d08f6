import { AppError, ListReturnsInput, type ReturnPage } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

/**
 * Returns, newest first, filtered by receiving location, order and creation date
 * (`from` inclusive, `to` exclusive). Keyset pagination on (createdAt, id): pages stay
 * stable while new returns arrive.
 */
export async function listReturns(rawInput: ListReturnsInput, ctx: DomainContext): Promise<ReturnPage> {
  const input = parseInput(ListReturnsInput, rawInput);
  const and: Prisma.ReturnWhereInput[] = [];
  if (input.locationId) and.push({ locationId: input.locationId });
  if (input.orderId) and.push({ orderId: input.orderId });
  if (input.from) and.push({ createdAt: { gte: input.from } });
  if (input.to) and.push({ createdAt: { lt: input.to } });
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    and.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  }
  const rows = await ctx.db.return.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    include: { order: { select: { number: true } }, location: { select: { name: true } }, lines: { select: { quantity: true } } },
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      number: r.number,
      orderId: r.orderId,
      orderNumber: r.order.number,
      locationId: r.locationId,
      locationName: r.location.name,
      status: r.status,
      refundMethod: r.refundMethod,
      refundTotal: r.refundTotal,
      currency: r.currency,
      units: r.lines.reduce((s, l) => s + l.quantity, 0),
      exchangeOrderId: r.exchangeOrderId,
      createdAt: r.createdAt,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("VALIDATION_FAILED", "cursor: That page cursor is not valid; start from the first page.", {
      fields: [{ path: ["cursor"], message: "Invalid cursor" }],
    });
  }
  return { createdAt, id };
}

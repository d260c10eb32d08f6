import { AppError, GetReturnableLinesInput, type ReturnableLine, type ReturnableLines } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { refundForUnits, unitShares } from "./refund-amounts.ts";
import { returnableUnits } from "./returnable.ts";

/** What can still come back from an order, line by line, and what it would refund. */
export async function getReturnableLines(rawInput: GetReturnableLinesInput, ctx: DomainContext): Promise<ReturnableLines> {
  const input = parseInput(GetReturnableLinesInput, rawInput);
  const order = await ctx.db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, number: true, channel: true, status: true, currency: true, lines: { orderBy: { lineNo: "asc" } } },
  });
  if (!order) throw new AppError("NOT_FOUND", "orderId: That order does not exist.", { fields: [{ path: ["orderId"], message: "No such order" }] });
  return {
    orderId: order.id,
    orderNumber: order.number,
    channel: order.channel,
    status: order.status,
    currency: order.currency,
    lines: order.lines.map(returnableLine),
  };
}

/** One order line as the returns screens show it. */
export function returnableLine(line: {
  id: string;
  lineNo: number;
  variantId: string;
  sku: string;
  name: string;
  quantity: number;
  quantityCancelled: number;
  quantityFulfilled: number;
  quantityReturned: number;
  total: number;
}): ReturnableLine {
  const returnable = returnableUnits(line);
  const shares = unitShares(line.total, line.quantity);
  return {
    orderLineId: line.id,
    lineNo: line.lineNo,
    variantId: line.variantId,
    sku: line.sku,
    name: line.name,
    bought: line.quantity,
    cancelled: line.quantityCancelled,
    fulfilled: line.quantityFulfilled,
    returned: line.quantityReturned,
    returnable,
    unitRefund: returnable > 0 ? (shares[line.quantityReturned] ?? 0) : 0,
    returnableRefund: refundForUnits(line.total, line.quantity, line.quantityReturned, returnable),
    lineTotal: line.total,
  };
}

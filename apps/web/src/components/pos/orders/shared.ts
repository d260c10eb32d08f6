// Types of the till's order lookup (returns router) and helpers the POS order and returns
// screens share.
import type { AppRouter } from "@oms/api";
import { allocateProportionally } from "@oms/contracts";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["returns"];
export type TillOrderSummaryData = Outputs["findOrders"][number];
export type TillOrderData = Outputs["tillOrder"];
export type TillOrderLineData = TillOrderData["lines"][number];
export type TillReturnData = Outputs["tillReturn"];
export type TillExchangeData = Outputs["tillExchange"];
export type ExchangeItemData = Outputs["exchangeItems"][number];

/** The store the screen works for, with how it shows money and time. */
export interface TillStore {
  id: string;
  name: string;
  currency: string;
  locale: string;
  timeZone: string;
}

/** The server's message (already written for the reader), without a leading "field: ". */
export function serverMessage(error: unknown): string | null {
  if (!(error instanceof Error) || !error.message) return null;
  return error.message.replace(/^[a-zA-Z]+(\.\d+\.[a-zA-Z]+)?: /, "");
}

/**
 * What returning `count` more units of a line refunds: the same exact unit shares as the
 * server (the line total split over the units, leftovers to the first), from the next unit on.
 */
export function refundPreview(line: Pick<TillOrderLineData, "lineTotal" | "bought" | "returned">, count: number): number {
  if (count <= 0 || line.bought <= 0) return 0;
  const shares = allocateProportionally(line.lineTotal, Array.from({ length: line.bought }, () => 1));
  let sum = 0;
  for (let i = line.returned; i < Math.min(line.returned + count, line.bought); i++) sum += shares[i]!;
  return sum;
}

export const CHANNEL_COLORS: Record<string, string> = { POS: "teal", WEB: "blue", MARKETPLACE: "grape", SOCIAL: "pink", PHONE: "orange" };

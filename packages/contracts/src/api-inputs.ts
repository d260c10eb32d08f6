import { z } from "zod";
import { TaskStatus } from "./enums.ts";
import { RoutingRuleInput } from "./routing.ts";

// Inputs of read queries and small commands the tRPC API exposes that no other contracts
// file defines (inventory lists, transfers, cycle counts, tasks, routing rules).

const id = (what: string) => z.uuid({ message: `Choose ${what}` });
const limit = (max: number, byDefault: number) => z.number().int().min(1).max(max).default(byDefault);

export const ListLevelsInput = z.object({
  locationId: id("a location"),
  /** The `nextCursor` of the previous page. */
  cursor: z.uuid({ message: "That page link is not valid; start from the first page" }).optional(),
  limit: limit(500, 100),
  /** SKU (start) or variant / product name (contains). */
  search: z.string().trim().min(1).max(200).optional(),
  /** Only levels whose available-to-promise is at or below the reorder point. */
  lowOnly: z.boolean().default(false),
});
export type ListLevelsInput = z.input<typeof ListLevelsInput>;

export const ListMovementsInput = z.object({
  locationId: id("a location"),
  variantId: id("a product variant"),
  /** The `nextCursor` of the previous page (a movement id). */
  cursor: z.string().regex(/^\d{1,20}$/, "That page link is not valid; start from the first page").optional(),
  limit: limit(500, 100),
});
export type ListMovementsInput = z.input<typeof ListMovementsInput>;

export const TransferStatusInput = z.enum(["REQUESTED", "SHIPPED", "RECEIVED", "CANCELLED"]);

export const ListTransfersInput = z.object({
  locationId: id("a location"),
  /** Transfers leaving (`OUT`), arriving (`IN`) or both (default). */
  direction: z.enum(["IN", "OUT", "BOTH"]).default("BOTH"),
  status: z.array(TransferStatusInput).max(4).optional(),
  cursor: z.uuid({ message: "That page link is not valid; start from the first page" }).optional(),
  limit: limit(200, 50),
});
export type ListTransfersInput = z.input<typeof ListTransfersInput>;

export const TransferIdInput = z.object({ transferId: id("a transfer") });
export type TransferIdInput = z.input<typeof TransferIdInput>;

export const CycleCountIdInput = z.object({ cycleCountId: id("a cycle count") });
export type CycleCountIdInput = z.input<typeof CycleCountIdInput>;

export const TaskKindInput = z.enum(["VALIDATION", "PICK", "LATE_PICKUP", "LATE_SHIPMENT", "PROMISE_MISSED", "UNCLAIMED_PICKUP", "REPLENISHMENT", "GENERAL"]);

export const ListTasksInput = z.object({
  /** Tasks of this location; omitted: every task the caller may see (an admin: all). */
  locationId: id("a location").optional(),
  /** Default: open and in-progress tasks. */
  status: z.array(TaskStatus).max(4).default(["OPEN", "IN_PROGRESS"]),
  kind: z.array(TaskKindInput).max(8).optional(),
  cursor: z.uuid({ message: "That page link is not valid; start from the first page" }).optional(),
  limit: limit(200, 50),
});
export type ListTasksInput = z.input<typeof ListTasksInput>;

export const RoutingRuleIdInput = z.object({ routingRuleId: id("a routing rule") });

export const UpdateRoutingRuleInput = RoutingRuleInput.extend({ routingRuleId: id("a routing rule") });
export type UpdateRoutingRuleInput = z.input<typeof UpdateRoutingRuleInput>;

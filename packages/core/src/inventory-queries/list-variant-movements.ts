import type { ActorKind, AdjustmentReason, MovementKind } from "@oms/db";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

export const ListVariantMovementsInput = z.object({
  variantId: z.uuid({ message: "Choose a product variant" }),
  /** One location's lines only; omitted: every location. */
  locationId: z.uuid({ message: "Choose a location" }).optional(),
  /** The last movement id of the previous page. */
  cursor: z.string().regex(/^\d+$/, "Start from the first page again").optional(),
  limit: z.number().int().min(1).max(200).default(25),
});
export type ListVariantMovementsInput = z.input<typeof ListVariantMovementsInput>;

export interface VariantMovementRow {
  id: string;
  kind: MovementKind;
  quantity: number;
  reason: AdjustmentReason | null;
  note: string | null;
  locationId: string;
  locationCode: string;
  locationName: string;
  orderId: string | null;
  transferId: string | null;
  cycleCountId: string | null;
  purchaseOrderId: string | null;
  returnId: string | null;
  actorKind: ActorKind;
  actorName: string | null;
  createdAt: Date;
}

/** The ledger of one variant at every location (or one), newest first, a page at a time. */
export async function listVariantMovements(rawInput: ListVariantMovementsInput, ctx: Pick<DomainContext, "db">): Promise<{ items: VariantMovementRow[]; nextCursor: string | null }> {
  const input = parseInput(ListVariantMovementsInput, rawInput);
  const rows = await ctx.db.inventoryMovement.findMany({
    where: { variantId: input.variantId, ...(input.locationId ? { locationId: input.locationId } : {}), ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    include: { location: { select: { code: true, name: true } } },
  });
  const page = rows.slice(0, input.limit);
  const userIds = [...new Set(page.filter((m) => m.actorKind === "USER" && m.actorId).map((m) => m.actorId!))];
  const users = userIds.length ? await ctx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    items: page.map((m) => ({
      id: m.id.toString(),
      kind: m.kind,
      quantity: m.quantity,
      reason: m.reason,
      note: m.note,
      locationId: m.locationId,
      locationCode: m.location.code,
      locationName: m.location.name,
      orderId: m.orderId,
      transferId: m.transferId,
      cycleCountId: m.cycleCountId,
      purchaseOrderId: m.purchaseOrderId,
      returnId: m.returnId,
      actorKind: m.actorKind,
      actorName: m.actorId ? (names.get(m.actorId) ?? null) : null,
      createdAt: m.createdAt,
    })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.id.toString() : null,
  };
}

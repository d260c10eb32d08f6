import { AppError } from "@oms/contracts";
import type { AdjustmentReason, MovementKind, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
import type { OutboxMessage } from "../shared/outbox.ts";
import { availableToPromise } from "./atp.ts";

export interface LevelRow {
  id: string;
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  inTransit: number;
}

export interface MovementRefs {
  orderId?: string | null;
  fulfillmentOrderId?: string | null;
  returnId?: string | null;
  transferId?: string | null;
  cycleCountId?: string | null;
  purchaseOrderId?: string | null;
  reason?: AdjustmentReason | null;
  note?: string | null;
}

export interface OnHandChange {
  variantId: string;
  locationId: string;
  /** Signed change of on hand. */
  delta: number;
  kind: MovementKind;
  /**
   * Units leaving that were reserved for this purpose (a sale or shipment of reserved
   * stock): reserved drops by this much too. Otherwise units leaving must be unreserved.
   */
  fromReserved?: number;
  refs?: MovementRefs;
}

/**
 * The only way on hand changes: one conditional UPDATE (or an insert for a new level) and
 * one ledger row, in the caller's transaction. The ledger therefore sums to on hand by
 * construction; the CHECK constraints are the last line of defence.
 */
export async function changeOnHand(db: Tx, change: OnHandChange, ctx: DomainContext): Promise<LevelRow> {
  const { variantId, locationId, delta, kind } = change;
  const fromReserved = change.fromReserved ?? 0;
  let rows: LevelRow[];
  if (delta >= 0 && fromReserved === 0) {
    rows = await db.$queryRaw<LevelRow[]>`
      INSERT INTO "InventoryLevel" ("id", "variantId", "locationId", "onHand", "updatedAt")
      VALUES (gen_random_uuid(), ${variantId}::uuid, ${locationId}::uuid, ${delta}, ${ctx.now})
      ON CONFLICT ("variantId", "locationId")
      DO UPDATE SET "onHand" = "InventoryLevel"."onHand" + ${delta}, "updatedAt" = ${ctx.now}
      RETURNING "id", "variantId", "locationId", "onHand", "reserved", "safetyStock", "inTransit"`;
  } else {
    // Units may leave only from what is not promised to someone else.
    rows = await db.$queryRaw<LevelRow[]>`
      UPDATE "InventoryLevel"
      SET "onHand" = "onHand" + ${delta}, "reserved" = "reserved" - ${fromReserved}, "updatedAt" = ${ctx.now}
      WHERE "variantId" = ${variantId}::uuid AND "locationId" = ${locationId}::uuid
        AND "reserved" >= ${fromReserved}
        AND "onHand" + ${delta} >= "reserved" - ${fromReserved}
      RETURNING "id", "variantId", "locationId", "onHand", "reserved", "safetyStock", "inTransit"`;
    if (rows.length === 0) await failNotEnough(db, variantId, locationId, -delta - fromReserved, "remove");
  }
  if (delta !== 0) {
    const refs = change.refs ?? {};
    await db.inventoryMovement.create({
      data: {
        variantId,
        locationId,
        kind,
        quantity: delta,
        reason: refs.reason ?? null,
        note: refs.note ?? null,
        orderId: refs.orderId ?? null,
        fulfillmentOrderId: refs.fulfillmentOrderId ?? null,
        returnId: refs.returnId ?? null,
        transferId: refs.transferId ?? null,
        cycleCountId: refs.cycleCountId ?? null,
        purchaseOrderId: refs.purchaseOrderId ?? null,
        ...actorRef(ctx.actor),
        createdAt: ctx.now,
      },
    });
  }
  return rows[0]!;
}

/** Raises an INSUFFICIENT_STOCK error that names the item, the place and what is free. */
export async function failNotEnough(
  db: Tx,
  variantId: string,
  locationId: string,
  requested: number,
  verb: "reserve" | "remove" | "ship",
): Promise<never> {
  // One after another: a transaction has one connection.
  const level = await db.inventoryLevel.findUnique({ where: { variantId_locationId: { variantId, locationId } } });
  const variant = await db.variant.findUnique({ where: { id: variantId }, select: { sku: true, name: true, product: { select: { name: true } } } });
  const location = await db.location.findUnique({ where: { id: locationId }, select: { code: true, name: true } });
  if (!variant) throw new AppError("NOT_FOUND", "That product variant does not exist.", { variantId });
  if (!location) throw new AppError("NOT_FOUND", "That location does not exist.", { locationId });
  const free = level ? (verb === "reserve" ? availableToPromise(level) : Math.max(0, level.onHand - level.reserved)) : 0;
  throw new AppError(
    "INSUFFICIENT_STOCK",
    `Insufficient stock: ${variant.product.name} (${variant.sku}) has ${free} available at ${location.name}; ${requested} requested.`,
    { variantId, locationId, sku: variant.sku, requested, available: free },
  );
}

export function inventoryEvent(level: LevelRow): OutboxMessage<"inventory.changed"> {
  return {
    topic: "inventory.changed",
    locationId: level.locationId,
    payload: {
      variantId: level.variantId,
      locationId: level.locationId,
      onHand: level.onHand,
      reserved: level.reserved,
      available: availableToPromise(level),
      inTransit: level.inTransit,
    },
  };
}

/** Sorts stock lines into the one lock order every command uses: location, then variant. */
export function byLockOrder<T extends { locationId: string; variantId: string }>(a: T, b: T): number {
  return a.locationId.localeCompare(b.locationId) || a.variantId.localeCompare(b.variantId);
}

/** Adds up lines of the same variant at the same location. */
export function mergeStockLines<T extends { locationId: string; variantId: string; quantity: number }>(
  lines: T[],
): { locationId: string; variantId: string; quantity: number }[] {
  const merged = new Map<string, { locationId: string; variantId: string; quantity: number }>();
  for (const line of lines) {
    const key = `${line.locationId}:${line.variantId}`;
    const entry = merged.get(key) ?? { locationId: line.locationId, variantId: line.variantId, quantity: 0 };
    entry.quantity += line.quantity;
    merged.set(key, entry);
  }
  return [...merged.values()].sort(byLockOrder);
}

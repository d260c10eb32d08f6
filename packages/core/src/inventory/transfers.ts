import { AppError } from "@oms/contracts";
import type { Tx, TransferStatus } from "@oms/db";
import type { DomainContext } from "../context.ts";
import type { LevelRow } from "./levels.ts";

/** Allowed transfer transitions: the one table the transfer commands consult. */
export const transferTransitions: Record<TransferStatus, TransferStatus[]> = {
  REQUESTED: ["SHIPPED", "CANCELLED"],
  SHIPPED: ["RECEIVED"],
  RECEIVED: [],
  CANCELLED: [],
};

/** Moves a transfer from one status to the next, atomically; a stale status fails. */
export async function moveTransfer(
  tx: Tx,
  transferId: string,
  to: TransferStatus,
  data: { shippedAt?: Date; receivedAt?: Date; note?: string | null },
) {
  const transfer = await tx.transfer.findUnique({ where: { id: transferId }, include: { lines: true } });
  if (!transfer) throw new AppError("NOT_FOUND", "That transfer does not exist.", { transferId });
  if (!transferTransitions[transfer.status].includes(to)) {
    throw new AppError("INVALID_TRANSITION", `Transfer ${transfer.number} is ${transfer.status.toLowerCase()}; it cannot become ${to.toLowerCase()}.`, {
      from: transfer.status,
      to,
    });
  }
  const moved = await tx.transfer.updateMany({
    where: { id: transferId, status: transfer.status },
    data: { status: to, ...data, ...(data.note === undefined ? {} : { note: data.note }) },
  });
  if (moved.count === 0) {
    throw new AppError("CONFLICT", `Transfer ${transfer.number} was changed by someone else. Reload and try again.`);
  }
  return transfer;
}

/** Adds to (or takes from) the units in transit to a location. */
export async function changeInTransit(tx: Tx, variantId: string, locationId: string, delta: number, ctx: DomainContext): Promise<LevelRow> {
  const rows = await tx.$queryRaw<LevelRow[]>`
    INSERT INTO "InventoryLevel" ("id", "variantId", "locationId", "inTransit", "updatedAt")
    VALUES (gen_random_uuid(), ${variantId}::uuid, ${locationId}::uuid, ${Math.max(0, delta)}, ${ctx.now})
    ON CONFLICT ("variantId", "locationId")
    DO UPDATE SET "inTransit" = GREATEST(0, "InventoryLevel"."inTransit" + ${delta}), "updatedAt" = ${ctx.now}
    RETURNING "id", "variantId", "locationId", "onHand", "reserved", "safetyStock", "inTransit"`;
  return rows[0]!;
}

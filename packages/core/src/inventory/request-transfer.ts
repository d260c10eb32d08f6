import { RequestTransferInput } from "@oms/contracts";
import type { Transfer, TransferLine } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { nextNumber } from "../shared/counters.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertLocationExists, assertVariantExists } from "./lookups.ts";
import { mergeStockLines } from "./levels.ts";

/** Asks one location to send stock to another. Nothing moves until it is shipped. */
export async function requestTransfer(rawInput: RequestTransferInput, ctx: DomainContext): Promise<Transfer & { lines: TransferLine[] }> {
  const input = parseInput(RequestTransferInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    await assertLocationExists(tx, input.fromLocationId);
    await assertLocationExists(tx, input.toLocationId);
    const lines = mergeStockLines(input.lines.map((l) => ({ ...l, locationId: input.fromLocationId })));
    for (const line of lines) await assertVariantExists(tx, line.variantId);
    return tx.transfer.create({
      data: {
        number: await nextNumber(tx, "transfer", "TR-"),
        fromLocationId: input.fromLocationId,
        toLocationId: input.toLocationId,
        note: input.note,
        createdById: actorUserId(ctx.actor),
        createdAt: ctx.now,
        lines: { create: lines.map((l) => ({ variantId: l.variantId, quantityRequested: l.quantity })) },
      },
      include: { lines: true },
    });
  });
}

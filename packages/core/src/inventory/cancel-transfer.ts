import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { moveTransfer } from "./transfers.ts";

export const CancelTransferInput = z.object({ transferId: z.uuid({ message: "Choose a transfer" }) });

/** Cancels a transfer that has not shipped; nothing had moved, so nothing moves back. */
export async function cancelTransfer(rawInput: z.input<typeof CancelTransferInput>, ctx: DomainContext) {
  const input = parseInput(CancelTransferInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    await moveTransfer(tx, input.transferId, "CANCELLED", {});
    return tx.transfer.findUniqueOrThrow({ where: { id: input.transferId }, include: { lines: true } });
  });
}

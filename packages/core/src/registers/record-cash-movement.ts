import { formatMoney, RecordCashMovementInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { actingPersonId } from "./access.ts";
import { assertOpenRegisterSession } from "./assert-open-register-session.ts";
import { registerChanged } from "./events.ts";

export interface RecordedCashMovement {
  id: string;
  registerSessionId: string;
  kind: "CASH_IN" | "CASH_OUT";
  /** Signed as stored: cash out is negative. */
  amount: number;
  reason: string;
  createdAt: Date;
  /** For the confirmation: "€20.00 taken out: bank drop". */
  message: string;
}

/**
 * Cash in (change from the bank, a top-up) or cash out (a bank drop, a small purchase)
 * during the shift, always with a reason. The amount is entered positive; cash out is
 * stored negative, so the drawer's expected cash stays the plain sum of its movements.
 */
export async function recordCashMovement(rawInput: RecordCashMovementInput, ctx: DomainContext): Promise<RecordedCashMovement> {
  const input = parseInput(RecordCashMovementInput, rawInput);
  const me = actingPersonId(ctx.actor, "move cash in or out of a drawer");
  return withTransaction(ctx, async (tx) => {
    const session = await assertOpenRegisterSession({ registerSessionId: input.registerSessionId }, { ...ctx, db: tx });
    const amount = input.kind === "CASH_IN" ? input.amount : -input.amount;
    const row = await tx.cashMovement.create({
      data: { registerSessionId: session.id, kind: input.kind, amount, reason: input.reason, actorId: me, createdAt: ctx.now },
    });
    await enqueueEvents(tx, [registerChanged({ ...session, status: "OPEN" }, input.kind === "CASH_IN" ? "register.cash_in" : "register.cash_out")]);
    const money = formatMoney(input.amount, session.currency);
    return {
      id: row.id,
      registerSessionId: session.id,
      kind: input.kind,
      amount,
      reason: input.reason,
      createdAt: row.createdAt,
      message: input.kind === "CASH_IN" ? `${money} put into ${session.registerName}: ${input.reason}` : `${money} taken out of ${session.registerName}: ${input.reason}`,
    };
  });
}

import { AppError, RegisterSessionRef } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertCanAccessRegisterSession } from "./access.ts";
import { buildCashReport, type CashReport } from "./cash-report.ts";

/** Z report of a closed session (to print again later); an open session has only an X report. */
export async function getZReport(rawInput: RegisterSessionRef, ctx: DomainContext): Promise<CashReport> {
  const input = parseInput(RegisterSessionRef, rawInput);
  await assertCanAccessRegisterSession(ctx.actor, input.registerSessionId, ctx.db);
  const report = await buildCashReport(ctx.db, input.registerSessionId, "Z", ctx.now);
  if (report.status !== "CLOSED") {
    throw new AppError("INVALID_TRANSITION", `${report.register.name} is still open: its Z report is printed when it is closed.`, { registerSessionId: input.registerSessionId });
  }
  return report;
}

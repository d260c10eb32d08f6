import { AppError, RegisterSessionRef } from "@oms/contracts";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertCanAccessRegisterSession } from "./access.ts";
import { buildCashReport, type CashReport } from "./cash-report.ts";

/**
 * X report: the session's figures so far (expected cash, tenders, cash in/out), any time,
 * without closing. Managers and HQ only: a cashier counts the drawer blind at close, which
 * would mean nothing if they could read the expected amount first.
 */
export async function getXReport(rawInput: RegisterSessionRef, ctx: DomainContext): Promise<CashReport> {
  const input = parseInput(RegisterSessionRef, rawInput);
  assertRole(ctx.actor, ["ADMIN", "MANAGER"]);
  await assertCanAccessRegisterSession(ctx.actor, input.registerSessionId, ctx.db);
  const report = await buildCashReport(ctx.db, input.registerSessionId, "X", ctx.now);
  if (report.status !== "OPEN") {
    throw new AppError("INVALID_TRANSITION", `${report.register.name}'s session is closed; its figures are in the Z report.`, { registerSessionId: input.registerSessionId });
  }
  return report;
}

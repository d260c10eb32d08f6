import { AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { assertCanAccessAnyLocation } from "../access-entities.ts";

export interface OpenRegisterSessionRow {
  id: string;
  registerId: string;
  registerName: string;
  locationId: string;
  currency: string;
}

/**
 * For commands that put money through a till (a POS sale, a cash refund): the session is
 * OPEN, at a store the actor may work at, and — when given — at `locationId` and in
 * `currency`. Call it inside the command's transaction: it takes a FOR SHARE lock on the
 * session row, so a close (FOR UPDATE) waits for the sale and sees its cash movement, and a
 * sale that comes after the close is refused here.
 */
export async function assertOpenRegisterSession(
  input: { registerSessionId: string; locationId?: string; currency?: string },
  ctx: DomainContext,
): Promise<OpenRegisterSessionRow> {
  const rows = await ctx.db.$queryRaw<(OpenRegisterSessionRow & { status: string })[]>`
    SELECT s."id", s."registerId", r."name" AS "registerName", s."locationId", s."currency", s."status"::text AS "status"
    FROM "RegisterSession" s JOIN "Register" r ON r."id" = s."registerId"
    WHERE s."id" = ${input.registerSessionId}::uuid
    FOR SHARE OF s`;
  const session = rows[0];
  if (!session) {
    throw new AppError("NOT_FOUND", "registerSessionId: That register session does not exist. Choose a register and open it first.", {
      fields: [{ path: ["registerSessionId"], message: "No such register session" }],
    });
  }
  await assertCanAccessAnyLocation(ctx.actor, [session.locationId], ctx.db);
  if (session.status !== "OPEN") {
    throw new AppError("INVALID_TRANSITION", `${session.registerName} was closed. Open the register (count the float) before taking or paying out money.`, {
      registerSessionId: session.id,
      code: "REGISTER_CLOSED",
    });
  }
  if (input.locationId !== undefined && input.locationId !== session.locationId) {
    throw new AppError("VALIDATION_FAILED", `registerSessionId: ${session.registerName} belongs to another store; use a register of this store.`, {
      fields: [{ path: ["registerSessionId"], message: "A register of another store" }],
    });
  }
  if (input.currency !== undefined && input.currency !== session.currency) {
    throw new AppError("VALIDATION_FAILED", `registerSessionId: The drawer of ${session.registerName} holds ${session.currency}, not ${input.currency}.`, {
      fields: [{ path: ["registerSessionId"], message: "The drawer holds another currency" }],
    });
  }
  return { id: session.id, registerId: session.registerId, registerName: session.registerName, locationId: session.locationId, currency: session.currency };
}

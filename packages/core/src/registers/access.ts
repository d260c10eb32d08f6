// Store scoping of registers and their sessions, for the router's checks and the module's
// own commands: NOT_FOUND when the row does not exist, FORBIDDEN naming the person's store
// when it is another store's (as access-entities.ts does for orders and tasks).
import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";
import { assertCanAccessAnyLocation } from "../access-entities.ts";
import type { Actor } from "../context.ts";

export async function assertCanAccessRegister(actor: Actor, registerId: string, db: Tx): Promise<{ registerId: string; locationId: string }> {
  const register = await db.register.findUnique({ where: { id: registerId }, select: { id: true, locationId: true } });
  if (!register) throw new AppError("NOT_FOUND", "That register does not exist.", { registerId });
  await assertCanAccessAnyLocation(actor, [register.locationId], db);
  return { registerId: register.id, locationId: register.locationId };
}

export async function assertCanAccessRegisterSession(actor: Actor, registerSessionId: string, db: Tx): Promise<{ registerSessionId: string; locationId: string }> {
  const session = await db.registerSession.findUnique({ where: { id: registerSessionId }, select: { id: true, locationId: true } });
  if (!session) throw new AppError("NOT_FOUND", "That register session does not exist.", { registerSessionId });
  await assertCanAccessAnyLocation(actor, [session.locationId], db);
  return { registerSessionId: session.id, locationId: session.locationId };
}

/** Managers (and HQ, and the system) see the expected cash; cashiers count blind. */
export function seesExpectedCash(actor: Actor): boolean {
  return actor.kind !== "USER" || actor.user.role === "ADMIN" || actor.user.role === "MANAGER";
}

/** The person doing a register command: sessions and movements name a person. */
export function actingPersonId(actor: Actor, what: string): string {
  if (actor.kind !== "USER") throw new AppError("FORBIDDEN", `Only a signed-in person can ${what}.`);
  return actor.user.id;
}

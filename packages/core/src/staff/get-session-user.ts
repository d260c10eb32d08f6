import type { SessionUser } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { toSessionUser } from "./sign-in-attempts.ts";

/**
 * The current SessionUser for a session that claims `userId` at `sessionVersion`, or null
 * when the session must end: unknown user, deactivated, or the version was raised
 * (deactivation, password change). One primary-key lookup: it runs on every request.
 * Role and store come fresh from the database, so a change applies at the next request.
 */
export async function getSessionUser(
  input: { userId: string; sessionVersion: number },
  ctx: Pick<DomainContext, "db">,
): Promise<SessionUser | null> {
  const user = await ctx.db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, email: true, name: true, role: true, homeLocationId: true, sessionVersion: true, active: true },
  });
  if (!user || !user.active || user.sessionVersion !== input.sessionVersion) return null;
  return toSessionUser(user);
}

import { AppError } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { toUserStatus, UserIdInput, userStatusSelect, type UserStatus } from "./user-status.ts";

/**
 * Switches a person's account off (ADMIN only). Raising `sessionVersion` ends every
 * session they hold at their next request (see getSessionUser). Deactivating an inactive
 * account changes nothing.
 */
export async function deactivateUser(input: unknown, ctx: DomainContext): Promise<UserStatus> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { userId } = parseInput(UserIdInput, input);
  if (ctx.actor.kind === "USER" && ctx.actor.user.id === userId) {
    throw new AppError("CONFLICT", "You cannot switch off your own account. Ask another administrator.");
  }
  return withTransaction(ctx, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: userStatusSelect });
    if (!user) throw new AppError("NOT_FOUND", "That person was not found.", { userId });
    if (!user.active) return toUserStatus(user);
    const updated = await tx.user.update({
      where: { id: userId },
      data: { active: false, sessionVersion: { increment: 1 } },
      select: userStatusSelect,
    });
    await tx.auditLog.create({
      data: {
        ...actorRef(ctx.actor),
        action: "user.deactivated",
        entityType: "User",
        entityId: userId,
        data: { sessionVersion: updated.sessionVersion },
        createdAt: ctx.now,
      },
    });
    return toUserStatus(updated);
  });
}

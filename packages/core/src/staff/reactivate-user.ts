import { AppError } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { toUserStatus, UserIdInput, userStatusSelect, type UserStatus } from "./user-status.ts";

/**
 * Switches an account back on (ADMIN only) and clears any lock. Old sessions stay ended:
 * deactivation raised the session version, reactivation does not lower it.
 */
export async function reactivateUser(input: unknown, ctx: DomainContext): Promise<UserStatus> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { userId } = parseInput(UserIdInput, input);
  return withTransaction(ctx, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: userStatusSelect });
    if (!user) throw new AppError("NOT_FOUND", "That person was not found.", { userId });
    if (user.active) return toUserStatus(user);
    const updated = await tx.user.update({
      where: { id: userId },
      data: { active: true, failedAttempts: 0, lockedUntil: null },
      select: userStatusSelect,
    });
    await tx.auditLog.create({
      data: { ...actorRef(ctx.actor), action: "user.reactivated", entityType: "User", entityId: userId, data: {}, createdAt: ctx.now },
    });
    return toUserStatus(updated);
  });
}

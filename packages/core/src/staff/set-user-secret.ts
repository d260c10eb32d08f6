import { AppError, SetUserPasswordInput, SetUserPinInput } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { writeAudit } from "../shared/audit.ts";
import { parseInput } from "../shared/parse-input.ts";
import { hashSecret } from "./password.ts";
import { findStaffMember, staffMemberSelect, toStaffMember, type StaffMember } from "./staff-admin.ts";

/**
 * Sets a new password (ADMIN). It ends every session the person holds (sessionVersion + 1:
 * whoever knew the old password is out at their next request) and clears a lockout. The
 * audit row says that it happened, never what the password is.
 */
export async function setUserPassword(rawInput: unknown, ctx: DomainContext): Promise<StaffMember> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(SetUserPasswordInput, rawInput);
  const passwordHash = await hashSecret(input.password);
  return withTransaction(ctx, async (tx) => {
    await findStaffMember(tx, input.userId);
    const row = await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.now },
      select: { ...staffMemberSelect, sessionVersion: true },
    });
    await writeAudit(tx, ctx, { action: "user.password_set", entityType: "User", entityId: input.userId, data: { sessionsEnded: true, sessionVersion: row.sessionVersion } });
    return toStaffMember(row);
  });
}

/** Sets or (pin: null) removes a store person's PIN (ADMIN); administrators have none. */
export async function setUserPin(rawInput: unknown, ctx: DomainContext): Promise<StaffMember> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(SetUserPinInput, rawInput);
  const pinHash = input.pin ? await hashSecret(input.pin) : null;
  return withTransaction(ctx, async (tx) => {
    const current = await findStaffMember(tx, input.userId);
    if (current.role === "ADMIN" && pinHash) {
      throw new AppError("VALIDATION_FAILED", "pin: Administrators cannot use a PIN", { fields: [{ path: ["pin"], message: "Administrators cannot use a PIN: PINs open a store's shared device" }] });
    }
    if (!pinHash && current.pinHash === null) return toStaffMember(current);
    const row = await tx.user.update({ where: { id: input.userId }, data: { pinHash, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.now }, select: staffMemberSelect });
    await writeAudit(tx, ctx, { action: pinHash ? "user.pin_set" : "user.pin_removed", entityType: "User", entityId: input.userId, data: {} });
    return toStaffMember(row);
  });
}

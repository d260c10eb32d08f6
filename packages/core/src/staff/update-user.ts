import { AppError, UpdateUserInput } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { changedFields, writeAudit } from "../shared/audit.ts";
import { parseInput } from "../shared/parse-input.ts";
import { findStaffMember, resolveHomeLocation, staffMemberSelect, toStaffMember, type StaffMember } from "./staff-admin.ts";

/**
 * Changes a person's name, role or home location (ADMIN), audited field by field. Sessions
 * read role and home store on every request, so the change applies at the person's next
 * click without signing them out. Becoming an administrator removes the PIN (PINs open a
 * store's shared device). Nobody changes their own role: another admin must.
 */
export async function updateUser(rawInput: unknown, ctx: DomainContext): Promise<StaffMember> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(UpdateUserInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const current = await findStaffMember(tx, input.userId);
    if (ctx.actor.kind === "USER" && ctx.actor.user.id === input.userId && input.role !== current.role) {
      throw new AppError("CONFLICT", "You cannot change your own role. Ask another administrator.", { fields: [{ path: ["role"], message: "You cannot change your own role" }] });
    }
    const homeLocationId = await resolveHomeLocation(tx, input.role, input.homeLocationId);
    const next = { name: input.name, role: input.role, homeLocationId };
    const diff = changedFields({ name: current.name, role: current.role, homeLocationId: current.homeLocationId }, next, ["name", "role", "homeLocationId"]);
    if (diff.changed.length === 0) return toStaffMember(current);
    const removePin = input.role === "ADMIN" && current.pinHash !== null;
    const row = await tx.user.update({ where: { id: input.userId }, data: { ...next, ...(removePin ? { pinHash: null } : {}), updatedAt: ctx.now }, select: staffMemberSelect });
    await writeAudit(tx, ctx, { action: "user.updated", entityType: "User", entityId: input.userId, data: { before: diff.before, after: diff.after, ...(removePin ? { pinRemoved: true } : {}) } });
    return toStaffMember(row);
  });
}

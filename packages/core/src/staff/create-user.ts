import { randomBytes } from "node:crypto";
import { AppError, CreateUserInput } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { writeAudit } from "../shared/audit.ts";
import { isUniqueViolation } from "../shared/database-errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { hashSecret } from "./password.ts";
import { resolveHomeLocation, staffFieldError, staffMemberSelect, toStaffMember, type StaffMember } from "./staff-admin.ts";

const EMAIL_TAKEN = "Someone already signs in with this e-mail address";

/**
 * A new staff account (ADMIN). Store roles get a home location; a password, a PIN or both
 * (a PIN-only person gets a random password nobody knows, so the e-mail sign-in stays shut
 * until an admin sets one). Hashes are made before the transaction: bcrypt takes ~70 ms.
 */
export async function createUser(rawInput: unknown, ctx: DomainContext): Promise<StaffMember> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(CreateUserInput, rawInput);
  const [passwordHash, pinHash] = await Promise.all([hashSecret(input.password ?? randomBytes(32).toString("base64url")), input.pin ? hashSecret(input.pin) : null]);
  try {
    return await withTransaction(ctx, async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw staffFieldError("email", EMAIL_TAKEN);
      const homeLocationId = await resolveHomeLocation(tx, input.role, input.homeLocationId);
      const row = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, homeLocationId, passwordHash, pinHash, createdAt: ctx.now, updatedAt: ctx.now },
        select: staffMemberSelect,
      });
      await writeAudit(tx, ctx, {
        action: "user.created",
        entityType: "User",
        entityId: row.id,
        data: { before: null, after: { name: row.name, email: row.email, role: row.role, homeLocationId, password: Boolean(input.password), pin: Boolean(input.pin) } },
      });
      return toStaffMember(row);
    });
  } catch (error) {
    if (!AppError.isAppError(error) && isUniqueViolation(error, "email")) throw staffFieldError("email", EMAIL_TAKEN);
    throw error;
  }
}

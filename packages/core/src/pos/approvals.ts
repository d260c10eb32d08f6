import { createHash, randomBytes } from "node:crypto";
import { AppError, PosApproveInput, PosApproversInput, type PosApproval, type PosApprovalKind } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { authenticateWithPin } from "../staff/index.ts";

// A manager's approval at the till (docs/pos.md): the manager types their PIN on the
// cashier's screen; the approval is an AuditLog row and the token the till carries in the
// cart is `<audit id>.<nonce>`. Only the nonce's SHA-256 is stored, so the log does not
// hold usable tokens; a token is good for its store and kind (and variant, when it names
// one) for APPROVAL_MINUTES.

export const APPROVAL_ACTION = "pos.approval";
export const APPROVAL_MINUTES = 15;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Active managers of the store with a PIN: the tiles of the approval dialog. */
export async function listPosApprovers(rawInput: unknown, ctx: DomainContext): Promise<{ id: string; name: string }[]> {
  const { locationId } = parseInput(PosApproversInput, rawInput);
  return ctx.db.user.findMany({
    where: { homeLocationId: locationId, role: "MANAGER", active: true, pinHash: { not: null } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/**
 * Checks the manager's PIN with the PIN sign-in rules (same store, lockout after repeated
 * failures, audited) and records the approval. A wrong PIN is a field error, not a sign-out
 * of the cashier. Runs outside a transaction so failed attempts are counted even though the
 * command fails.
 */
export async function approvePosAction(rawInput: PosApproveInput, ctx: DomainContext): Promise<PosApproval> {
  const input = parseInput(PosApproveInput, rawInput);
  let manager;
  try {
    manager = await authenticateWithPin({ locationId: input.locationId, userId: input.managerId, pin: input.managerPin }, ctx);
  } catch (error) {
    if (AppError.isAppError(error) && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) {
      const path = error.code === "FORBIDDEN" ? ["managerId"] : ["managerPin"];
      throw new AppError("VALIDATION_FAILED", `${path[0]}: ${error.message}`, { fields: [{ path, message: error.message }] });
    }
    throw error;
  }
  if (manager.role !== "MANAGER") {
    throw new AppError("VALIDATION_FAILED", "managerId: Only a manager of this store can approve this.", {
      fields: [{ path: ["managerId"], message: "Not a manager" }],
    });
  }
  const nonce = randomBytes(18).toString("base64url");
  const expiresAt = new Date(ctx.now.getTime() + APPROVAL_MINUTES * 60_000);
  const row = await ctx.db.auditLog.create({
    data: {
      actorKind: "USER",
      actorId: manager.id,
      action: APPROVAL_ACTION,
      entityType: "Location",
      entityId: input.locationId,
      data: {
        kind: input.scope.kind,
        variantId: input.scope.variantId ?? null,
        reason: input.reason,
        requestedById: actorUserId(ctx.actor),
        nonceHash: sha256(nonce),
        expiresAt: expiresAt.toISOString(),
      } satisfies Prisma.InputJsonObject,
      createdAt: ctx.now,
    },
  });
  return {
    approvalToken: `${row.id.toString()}.${nonce}`,
    kind: input.scope.kind,
    variantId: input.scope.variantId ?? null,
    managerId: manager.id,
    managerName: manager.name,
    expiresAt,
  };
}

export interface VerifiedApproval {
  kind: PosApprovalKind;
  variantId: string | null;
  managerId: string;
  managerName: string;
}

/**
 * The approvals behind the cart's tokens. A token that is malformed, of another store,
 * expired or forged is a field error naming it, so the till asks the manager again.
 */
export async function verifyApprovals(tx: Tx, locationId: string, tokens: { approvalToken: string }[], now: Date): Promise<VerifiedApproval[]> {
  const verified: VerifiedApproval[] = [];
  for (const [index, { approvalToken }] of tokens.entries()) {
    const refuse = (message: string): never => {
      throw new AppError("VALIDATION_FAILED", `cart.approvals.${index}: ${message}`, { fields: [{ path: ["cart", "approvals", index, "approvalToken"], message }] });
    };
    const match = /^(\d{1,18})\.([A-Za-z0-9_-]{10,64})$/.exec(approvalToken);
    if (!match) refuse("This is not an approval. Ask the manager again.");
    const row = await tx.auditLog.findUnique({ where: { id: BigInt(match![1]!) } });
    const data = (row?.data ?? {}) as { kind?: PosApprovalKind; variantId?: string | null; nonceHash?: string; expiresAt?: string };
    if (!row || row.action !== APPROVAL_ACTION || row.entityId !== locationId || data.nonceHash !== sha256(match![2]!) || !data.kind || !row.actorId) {
      refuse("This approval is not valid at this store. Ask the manager again.");
    }
    if (!data.expiresAt || new Date(data.expiresAt).getTime() <= now.getTime()) refuse(`The approval expired (after ${APPROVAL_MINUTES} minutes). Ask the manager again.`);
    const manager = await tx.user.findUnique({ where: { id: row!.actorId! }, select: { id: true, name: true, active: true } });
    if (!manager?.active) refuse("The manager who approved this is no longer active. Ask another manager.");
    verified.push({ kind: data.kind!, variantId: data.variantId ?? null, managerId: manager!.id, managerName: manager!.name });
  }
  return verified;
}

/** The approval covering a need: same kind, and the same variant when the approval names one. */
export function findApproval(approvals: VerifiedApproval[], kind: PosApprovalKind, variantId: string | null): VerifiedApproval | null {
  return approvals.find((a) => a.kind === kind && (a.variantId === null || a.variantId === variantId)) ?? null;
}

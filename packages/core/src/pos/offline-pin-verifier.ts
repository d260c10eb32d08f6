import { pbkdf2Sync, randomBytes } from "node:crypto";
import { AppError, OfflinePinVerifierInput, type OfflinePinVerifier } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { verifySecret } from "../staff/index.ts";
import { loadOfflineSettings } from "./offline-settings.ts";

/** PBKDF2-SHA-256 rounds of the offline PIN check: slow on purpose (a stolen device must not give up 4-digit PINs at once). */
export const OFFLINE_PIN_ITERATIONS = 310_000;

/**
 * The signed-in person's offline PIN verifier, for their store's till only: the PIN is
 * checked against the stored hash first (so nobody plants a verifier for a PIN that is
 * not theirs), then salted and hashed with PBKDF2 for the device; the PIN itself is never
 * stored. Valid for `offlinePinDays` (docs/pos.md#offline-sign-in).
 */
export async function issueOfflinePinVerifier(rawInput: OfflinePinVerifierInput, ctx: DomainContext): Promise<OfflinePinVerifier> {
  const input = parseInput(OfflinePinVerifierInput, rawInput);
  if (ctx.actor.kind !== "USER") throw new AppError("FORBIDDEN", "Only a signed-in person has a PIN.");
  const user = await ctx.db.user.findUnique({ where: { id: ctx.actor.user.id }, select: { id: true, name: true, role: true, homeLocationId: true, pinHash: true, active: true } });
  if (!user || !user.active || !user.homeLocationId || (user.role !== "CASHIER" && user.role !== "MANAGER")) {
    throw new AppError("FORBIDDEN", "Only a store's cashiers and managers sign in at its till offline.");
  }
  if (!user.pinHash || !(await verifySecret(input.pin, user.pinHash))) {
    throw new AppError("VALIDATION_FAILED", "pin: That is not your PIN.", { fields: [{ path: ["pin"], message: "Not your PIN" }] });
  }
  const { offlinePinDays } = await loadOfflineSettings(ctx.db);
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(input.pin, salt, OFFLINE_PIN_ITERATIONS, 32, "sha256");
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    locationId: user.homeLocationId,
    salt: salt.toString("base64"),
    iterations: OFFLINE_PIN_ITERATIONS,
    hash: hash.toString("base64"),
    expiresAt: new Date(ctx.now.getTime() + offlinePinDays * 86_400_000).toISOString(),
  };
}

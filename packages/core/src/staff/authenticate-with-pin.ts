import { AppError, PinSignInInput, type SessionUser } from "@oms/contracts";
import { isStoreRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { ACCOUNT_DEACTIVATED } from "./authenticate-with-password.ts";
import { verifySecret } from "./password.ts";
import {
  audit,
  isLocked,
  lockedError,
  recordFailedAttempt,
  recordSuccess,
  refuseLocked,
  signInUserSelect,
  toSessionUser,
  type SignInOptions,
} from "./sign-in-attempts.ts";

export const WRONG_PIN = "That PIN is not right.";
export const NOT_THIS_STORE = "You can only sign in with a PIN at your own store. Use your e-mail and password instead.";

/**
 * Signs a store person in on a shared store device: the device's store, the person's tile
 * and their PIN. Only active store roles whose home store is this store may use it.
 */
export async function authenticateWithPin(
  input: unknown,
  ctx: Pick<DomainContext, "db" | "now">,
  options: SignInOptions = {},
): Promise<SessionUser> {
  const { locationId, userId, pin } = parseInput(PinSignInInput, input);
  const { db, now } = ctx;
  const user = await db.user.findUnique({ where: { id: userId }, select: signInUserSelect });

  if (!user || !isStoreRole(user.role) || user.homeLocationId !== locationId) {
    await verifySecret(pin, null);
    await audit(db, {
      action: "auth.sign_in_failed",
      userId: user?.id ?? null,
      data: { method: "pin", locationId, reason: user ? "other_store" : "unknown_user", ...(user ? {} : { userId }) },
      ip: options.ip,
      now,
    });
    if (!user) throw new AppError("UNAUTHENTICATED", "Choose who is signing in: that person was not found.");
    throw new AppError("FORBIDDEN", NOT_THIS_STORE, { locationId });
  }

  if (!user.pinHash) {
    await verifySecret(pin, null);
    throw new AppError("UNAUTHENTICATED", "You have no PIN yet. Sign in with your e-mail and password.");
  }
  const valid = await verifySecret(pin, user.pinHash);
  if (isLocked(user, now)) await refuseLocked(db, user, "pin", now, options);
  if (!valid) {
    const lockedUntil = await recordFailedAttempt(db, user, "pin", now, options);
    if (lockedUntil) throw lockedError(user, lockedUntil);
    throw new AppError("UNAUTHENTICATED", WRONG_PIN);
  }
  if (!user.active) {
    await audit(db, { action: "auth.sign_in_refused_inactive", userId: user.id, data: { method: "pin" }, ip: options.ip, now });
    throw new AppError("FORBIDDEN", ACCOUNT_DEACTIVATED);
  }
  await recordSuccess(db, user, now);
  return toSessionUser(user);
}

import { AppError, PasswordSignInInput, type SessionUser } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
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

/** The same words for an unknown e-mail and a wrong password: the answer must not tell which. */
export const WRONG_CREDENTIALS = "The e-mail address or password is not right.";
export const ACCOUNT_DEACTIVATED = "This account has been switched off. Ask an administrator to reactivate it.";

/**
 * Signs a person in with e-mail and password. Refuses (AppError) with UNAUTHENTICATED for
 * wrong credentials, ACCOUNT_LOCKED while locked (even with the right password), FORBIDDEN
 * for a deactivated account (only told to someone who knew the password).
 */
export async function authenticateWithPassword(
  input: unknown,
  ctx: Pick<DomainContext, "db" | "now">,
  options: SignInOptions = {},
): Promise<SessionUser> {
  const { email, password } = parseInput(PasswordSignInInput, input);
  const { db, now } = ctx;
  const user = await db.user.findUnique({ where: { email }, select: signInUserSelect });

  if (!user) {
    await verifySecret(password, null);
    await audit(db, { action: "auth.sign_in_failed", userId: null, data: { method: "password", email, reason: "unknown_email" }, ip: options.ip, now });
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }

  const valid = await verifySecret(password, user.passwordHash);
  if (isLocked(user, now)) await refuseLocked(db, user, "password", now, options);
  if (!valid) {
    const lockedUntil = await recordFailedAttempt(db, user, "password", now, options);
    if (lockedUntil) throw lockedError(user, lockedUntil);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  if (!user.active) {
    await audit(db, { action: "auth.sign_in_refused_inactive", userId: user.id, data: { method: "password" }, ip: options.ip, now });
    throw new AppError("FORBIDDEN", ACCOUNT_DEACTIVATED);
  }
  await recordSuccess(db, user, now);
  return toSessionUser(user);
}

// Shared by password and PIN sign-in: lockout, failure counting, audit rows. Not exported
// from the package; each sign-in verb is.
import { AppError, lockoutPolicy, type SessionUser } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";

export const signInUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  homeLocationId: true,
  passwordHash: true,
  pinHash: true,
  active: true,
  failedAttempts: true,
  lockedUntil: true,
  sessionVersion: true,
  homeLocation: { select: { timeZone: true } },
} satisfies Prisma.UserSelect;

export type SignInUser = Prisma.UserGetPayload<{ select: typeof signInUserSelect }>;

export interface SignInOptions {
  /** The client's address, recorded on audit rows. */
  ip?: string | null;
}

export type SignInMethod = "password" | "pin";

export function toSessionUser(user: {
  id: string;
  email: string;
  name: string;
  role: SessionUser["role"];
  homeLocationId: string | null;
  sessionVersion: number;
}): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locationId: user.homeLocationId,
    sessionVersion: user.sessionVersion,
  };
}

/** "14:35" in the user's store time zone, "14:35 UTC" for people without a store. */
function clockTime(at: Date, timeZone: string | undefined): string {
  const time = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: timeZone ?? "UTC",
  }).format(at);
  return timeZone ? time : `${time} UTC`;
}

export function lockedError(user: Pick<SignInUser, "homeLocation">, lockedUntil: Date): AppError {
  return new AppError(
    "ACCOUNT_LOCKED",
    `Too many wrong attempts: this account is locked. Please try again at ${clockTime(lockedUntil, user.homeLocation?.timeZone)}.`,
    { lockedUntil: lockedUntil.toISOString() },
  );
}

export function isLocked(user: Pick<SignInUser, "lockedUntil">, now: Date): user is { lockedUntil: Date } & SignInUser {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

export async function audit(
  db: Tx,
  entry: { action: string; userId: string | null; data: Record<string, unknown>; ip?: string | null | undefined; now: Date },
): Promise<void> {
  await db.auditLog.create({
    data: {
      actorKind: entry.userId ? "USER" : "SYSTEM",
      actorId: entry.userId,
      action: entry.action,
      entityType: "User",
      entityId: entry.userId,
      data: entry.data as Prisma.InputJsonObject,
      ip: entry.ip ?? null,
      createdAt: entry.now,
    },
  });
}

/**
 * Counts one failed attempt and locks the account when it reaches the limit. The counter
 * is raised in SQL (`increment`), so parallel guesses cannot each read 4 and write 5.
 * Locking resets the counter: after the lock ends the person has the full number of tries.
 * Runs outside any transaction on purpose: the caller throws next, and the count and the
 * audit rows must stay.
 * Returns the lock end when this attempt locked the account.
 */
export async function recordFailedAttempt(
  db: Tx,
  user: SignInUser,
  method: SignInMethod,
  now: Date,
  options: SignInOptions,
): Promise<Date | null> {
  const { failedAttempts } = await db.user.update({
    where: { id: user.id },
    data: { failedAttempts: { increment: 1 } },
    select: { failedAttempts: true },
  });
  await audit(db, { action: "auth.sign_in_failed", userId: user.id, data: { method, failedAttempts }, ip: options.ip, now });
  if (failedAttempts < lockoutPolicy.maxFailedAttempts) return null;

  const lockedUntil = new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000);
  const locked = await db.user.updateMany({
    where: { id: user.id, failedAttempts: { gte: lockoutPolicy.maxFailedAttempts } },
    data: { failedAttempts: 0, lockedUntil },
  });
  // Another request may have locked it a moment earlier; one audit row per lock is enough.
  if (locked.count > 0) {
    await audit(db, {
      action: "auth.account_locked",
      userId: user.id,
      data: { method, lockedUntil: lockedUntil.toISOString(), lockMinutes: lockoutPolicy.lockMinutes },
      ip: options.ip,
      now,
    });
  }
  return lockedUntil;
}

/** A successful sign-in clears the counter and any expired lock and records the time. */
export async function recordSuccess(db: Tx, user: SignInUser, now: Date): Promise<void> {
  await db.user.update({
    where: { id: user.id },
    data: { failedAttempts: 0, lockedUntil: null, lastLoginAt: now },
  });
}

export async function refuseLocked(db: Tx, user: SignInUser & { lockedUntil: Date }, method: SignInMethod, now: Date, options: SignInOptions): Promise<never> {
  await audit(db, {
    action: "auth.sign_in_refused_locked",
    userId: user.id,
    data: { method, lockedUntil: user.lockedUntil.toISOString() },
    ip: options.ip,
    now,
  });
  throw lockedError(user, user.lockedUntil);
}

// What the HQ staff commands share: the row HQ sees (never a hash) and the home-store check.
import { AppError, type Role } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  homeLocationId: string | null;
  homeLocationName: string | null;
  active: boolean;
  hasPin: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export const staffMemberSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  homeLocationId: true,
  homeLocation: { select: { name: true } },
  active: true,
  pinHash: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

/** The hash is read only to say whether there is one; it never leaves this function. */
export function toStaffMember(row: Prisma.UserGetPayload<{ select: typeof staffMemberSelect }>): StaffMember {
  const { homeLocation, pinHash, ...rest } = row;
  return { ...rest, homeLocationName: homeLocation?.name ?? null, hasPin: pinHash !== null };
}

export const staffFieldError = (path: string, message: string) => new AppError("VALIDATION_FAILED", `${path}: ${message}`, { fields: [{ path: [path], message }] });

/** The home store of a store role: an active location. An administrator has none. */
export async function resolveHomeLocation(tx: Tx, role: Role, homeLocationId: string | null | undefined): Promise<string | null> {
  if (role === "ADMIN") return null;
  const location = await tx.location.findUnique({ where: { id: homeLocationId! }, select: { active: true, name: true } });
  if (!location) throw staffFieldError("homeLocationId", "There is no such location: choose one from the list");
  if (!location.active) throw staffFieldError("homeLocationId", `${location.name} is switched off: choose an active location`);
  return homeLocationId!;
}

export async function findStaffMember(tx: Tx, userId: string): Promise<Prisma.UserGetPayload<{ select: typeof staffMemberSelect }>> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: staffMemberSelect });
  if (!user) throw new AppError("NOT_FOUND", "That person was not found.", { userId });
  return user;
}

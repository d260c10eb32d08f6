import { AppError, type Role, type SessionUser } from "@oms/contracts";
import { getServerSession } from "next-auth/next";
import { authOptions } from "./options.ts";
import "./next-auth-types.ts";

/**
 * The signed-in person for a server component, server action or route handler, or null.
 * Goes through the jwt callback, so an ended session (deactivated, version raised) is null.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
}

export function hasRole(user: SessionUser | null | undefined, roles: readonly Role[]): boolean {
  return !!user && roles.includes(user.role);
}

/** The user, or AppError UNAUTHENTICATED (no session) / FORBIDDEN (another role). */
export function requireRole(user: SessionUser | null | undefined, roles: readonly Role[]): SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  if (!roles.includes(user.role)) {
    throw new AppError("FORBIDDEN", "Your role does not give access to this. Ask a manager or an administrator.", {
      requiredRoles: [...roles],
    });
  }
  return user;
}

/** The user, or AppError UNAUTHENTICATED. */
export function requireUser(user: SessionUser | null | undefined): SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  return user;
}

import { AppError, storeRoles, type Role } from "@oms/contracts";
import type { Actor } from "./context.ts";

const roleNames: Record<Role, string> = {
  ADMIN: "an administrator",
  MANAGER: "a store manager",
  CASHIER: "a cashier",
  ASSOCIATE: "a store associate",
};

function listRoles(roles: readonly Role[]): string {
  const names = roles.map((r) => roleNames[r]);
  if (names.length <= 1) return names[0] ?? "nobody";
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

export function isStoreRole(role: Role): boolean {
  return storeRoles.includes(role);
}

/**
 * Whether the actor may work with a location: ADMIN, API keys and the system everywhere;
 * store roles only at their home store.
 */
export function canAccessLocation(actor: Actor, locationId: string): boolean {
  if (actor.kind !== "USER") return true;
  if (actor.user.role === "ADMIN") return true;
  return actor.user.locationId !== null && actor.user.locationId === locationId;
}

/**
 * Throws FORBIDDEN unless the actor may work with the location. `homeLocationName` makes
 * the message name the person's own store; callers that have it at hand pass it.
 */
export function assertCanAccessLocation(actor: Actor, locationId: string, homeLocationName?: string): void {
  if (canAccessLocation(actor, locationId)) return;
  const own = homeLocationName ?? "your own store";
  throw new AppError("FORBIDDEN", `You can only work with ${own}.`, {
    locationId,
    homeLocationId: actor.kind === "USER" ? actor.user.locationId : null,
  });
}

/**
 * Throws FORBIDDEN unless a signed-in person holds one of `roles`. The system (jobs,
 * sweeps) passes; API keys never pass a role check: they have scopes, not roles.
 */
export function assertRole(actor: Actor, roles: readonly Role[]): void {
  if (actor.kind === "SYSTEM") return;
  if (actor.kind === "USER" && roles.includes(actor.user.role)) return;
  const who = actor.kind === "USER" ? `You are signed in as ${roleNames[actor.user.role]}.` : "An API key cannot do this.";
  throw new AppError("FORBIDDEN", `Only ${listRoles(roles)} can do this. ${who}`, { requiredRoles: [...roles] });
}

// The three work areas and who may open them. Pure: used by the server-side guards of the
// area layouts, the sign-in redirect and the "/" page.
import type { Role } from "@oms/contracts";

export const areas = ["pos", "pickup", "fulfillment", "hq"] as const;
export type Area = (typeof areas)[number];

/** Who may open each area. HQ is the whole network, so admins only. */
export const areaRoles: Record<Area, readonly Role[]> = {
  hq: ["ADMIN"],
  pos: ["ADMIN", "MANAGER", "CASHIER"],
  pickup: ["ADMIN", "MANAGER", "ASSOCIATE"],
  fulfillment: ["ADMIN", "MANAGER", "ASSOCIATE"],
};

const homeArea: Record<Role, Area> = {
  ADMIN: "hq",
  MANAGER: "pos",
  CASHIER: "pos",
  ASSOCIATE: "pickup",
};

export function homeAreaFor(role: Role): Area {
  return homeArea[role];
}

export function homePathFor(role: Role): string {
  return `/${homeArea[role]}`;
}

export function canOpenArea(role: Role, area: Area): boolean {
  return areaRoles[area].includes(role);
}

/** The area a path belongs to ("/hq/locations" → "hq"), or null. */
export function areaOfPath(path: string): Area | null {
  const first = path.split(/[?#]/)[0]?.split("/")[1] ?? "";
  return (areas as readonly string[]).includes(first) ? (first as Area) : null;
}

/**
 * Where to go after signing in: the requested page when it is a path on this site that
 * the role may open, otherwise the role's home. Never another origin ("//evil", "https:").
 */
export function afterSignInPath(role: Role, callbackUrl: string | null | undefined, origin?: string): string {
  const home = homePathFor(role);
  if (!callbackUrl) return home;
  let path = callbackUrl;
  if (origin && callbackUrl.startsWith(origin)) path = callbackUrl.slice(origin.length) || "/";
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return home;
  if (path === "/" || path.startsWith("/login") || path.startsWith("/api/")) return home;
  const area = areaOfPath(path);
  if (area && !canOpenArea(role, area)) return home;
  return path;
}

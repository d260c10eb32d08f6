// Server-side access checks of the area layouts. The proxy is only a convenience (it
// passes the requested path along); these checks are what actually protect the pages.
import { getSessionUser } from "@oms/auth";
import type { SessionUser } from "@oms/contracts";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { areaOfPath, canOpenArea, type Area } from "../areas.ts";

/** Set by src/proxy.ts: the path and query the browser asked for. */
export const REQUEST_PATH_HEADER = "x-oms-path";

/** The path to come back to after signing in: the exact page when known, else the area. */
async function requestedPath(area: Area): Promise<string> {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  return path && areaOfPath(path) === area ? path : `/${area}`;
}

/**
 * The signed-in user allowed into `area`. Anonymous: redirect to /login with a callback.
 * Signed in with another role: forbidden() → the area's forbidden.tsx with HTTP 403.
 */
export async function requireArea(area: Area): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(await requestedPath(area))}`);
  if (!canOpenArea(user.role, area)) forbidden();
  return user;
}

import type { LocationSummary, SessionUser } from "@oms/contracts";
import { cache } from "react";
import { serverCaller } from "../trpc/server.ts";

export type LocationResult = { status: "none" } | { status: "ok"; location: LocationSummary } | { status: "failed" };

/** The user's store through locations.get, once per request (layout and page share it). */
export const loadHomeLocation = cache(async (user: SessionUser): Promise<LocationResult> => {
  if (!user.locationId) return { status: "none" };
  try {
    const caller = await serverCaller(user);
    return { status: "ok", location: await caller.locations.get({ locationId: user.locationId }) };
  } catch (error) {
    console.error("[web] could not load the user's location:", error);
    return { status: "failed" };
  }
});

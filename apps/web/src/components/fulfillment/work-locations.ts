// The locations a /fulfillment page works for: the person's own store or warehouse, or for
// HQ (no home location) every location to choose from. Server side only.
import type { SessionUser } from "@oms/contracts";
import { loadHomeLocation } from "../../auth/location.ts";
import { serverCaller } from "../../trpc/server.ts";

export interface WorkLocation {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
}

export async function loadWorkLocations(user: SessionUser): Promise<{ home: WorkLocation | null; locations: WorkLocation[] }> {
  const home = await loadHomeLocation(user);
  if (home.status === "ok") {
    const own = { id: home.location.id, name: home.location.name, timeZone: home.location.timeZone, locale: home.location.locale };
    return { home: own, locations: [own] };
  }
  const all = await (await serverCaller(user)).locations.list();
  return { home: null, locations: all.map((l) => ({ id: l.id, name: l.name, timeZone: l.timeZone, locale: l.locale })) };
}

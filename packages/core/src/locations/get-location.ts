import { AppError, LocationIdInput, type LocationSummary } from "@oms/contracts";
import { assertCanAccessLocation, canAccessLocation } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { locationSummarySelect, toLocationSummary } from "./location-summary.ts";

/** One location; NOT_FOUND when there is none, FORBIDDEN when it is not the actor's store. */
export async function getLocation(input: unknown, ctx: Pick<DomainContext, "db" | "actor">): Promise<LocationSummary> {
  const { locationId } = parseInput(LocationIdInput, input);
  const row = await ctx.db.location.findUnique({ where: { id: locationId }, select: locationSummarySelect });
  if (!row) throw new AppError("NOT_FOUND", "That location was not found. It may have been removed.", { locationId });
  if (!canAccessLocation(ctx.actor, locationId)) {
    const homeId = ctx.actor.kind === "USER" ? ctx.actor.user.locationId : null;
    const home = homeId ? await ctx.db.location.findUnique({ where: { id: homeId }, select: { name: true } }) : null;
    assertCanAccessLocation(ctx.actor, locationId, home?.name);
  }
  return toLocationSummary(row);
}

import { AppError, LocationIdInput } from "@oms/contracts";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { locationDetailSelect, toLocationDetail, type LocationDetail } from "./location-admin.ts";

/** Every editable field of one location, for the HQ location page (ADMIN). */
export async function getLocationDetail(rawInput: unknown, ctx: DomainContext): Promise<LocationDetail> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { locationId } = parseInput(LocationIdInput, rawInput);
  const row = await ctx.db.location.findUnique({ where: { id: locationId }, select: locationDetailSelect });
  if (!row) throw new AppError("NOT_FOUND", "That location was not found. It may have been removed.", { locationId });
  return toLocationDetail(row);
}

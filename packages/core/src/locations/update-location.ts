import { AppError, UpdateLocationInput } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { changedFields, writeAudit } from "../shared/audit.ts";
import { parseInput } from "../shared/parse-input.ts";
import { checkLocationAgainstMarket, comparableFields, locationDetailSelect, locationFieldNames, rethrowLocationError, toLocationDetail, type LocationDetail } from "./location-admin.ts";

/**
 * Replaces a location's fields (ADMIN) and records the before and after of each changed
 * field in one audit row; saving unchanged values writes nothing. The row is locked first,
 * so two admins saving at once each log against what they replaced. Routing, the till and
 * the pickup screens read the location on each use, so a change applies from the next one.
 */
export async function updateLocation(rawInput: unknown, ctx: DomainContext): Promise<LocationDetail> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { locationId, ...input } = parseInput(UpdateLocationInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Location" WHERE id = ${locationId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("NOT_FOUND", "That location was not found. It may have been removed.", { locationId });
      const before = toLocationDetail(await tx.location.findUniqueOrThrow({ where: { id: locationId }, select: locationDetailSelect }));
      const diff = changedFields(comparableFields(before), input, locationFieldNames);
      if (diff.changed.length === 0) return before;
      await checkLocationAgainstMarket(tx, input, locationId);
      const row = await tx.location.update({ where: { id: locationId }, data: { ...input, updatedAt: ctx.now }, select: locationDetailSelect });
      await writeAudit(tx, ctx, { action: "location.updated", entityType: "Location", entityId: locationId, data: { before: diff.before, after: diff.after } });
      return toLocationDetail(row);
    });
  } catch (error) {
    rethrowLocationError(error);
  }
}

import { CreateLocationInput } from "@oms/contracts";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { changedFields, writeAudit } from "../shared/audit.ts";
import { parseInput } from "../shared/parse-input.ts";
import { checkLocationAgainstMarket, comparableFields, locationDetailSelect, locationFieldNames, rethrowLocationError, toLocationDetail, type LocationDetail } from "./location-admin.ts";

/**
 * A new store, warehouse or drop-ship supplier (ADMIN). Writes the location and one audit
 * row with every field's first value. No live event: no screen lists locations live.
 */
export async function createLocation(rawInput: unknown, ctx: DomainContext): Promise<LocationDetail> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(CreateLocationInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      await checkLocationAgainstMarket(tx, input, null);
      const row = await tx.location.create({ data: { ...input, createdAt: ctx.now, updatedAt: ctx.now }, select: locationDetailSelect });
      const created = toLocationDetail(row);
      const { after } = changedFields(null, comparableFields(created), locationFieldNames);
      await writeAudit(tx, ctx, { action: "location.created", entityType: "Location", entityId: created.id, data: { before: null, after } });
      return created;
    });
  } catch (error) {
    rethrowLocationError(error);
  }
}

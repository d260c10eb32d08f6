import { AppError, LocationIdInput, storeRoles, type StaffTile } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

/**
 * The tiles of a store device's PIN screen: active store staff of that store who have a
 * PIN. Public (the device is not signed in yet), so it shows names and roles only.
 */
export async function listPinStaff(input: unknown, ctx: Pick<DomainContext, "db">): Promise<StaffTile[]> {
  const { locationId } = parseInput(LocationIdInput, input);
  const store = await ctx.db.location.findUnique({ where: { id: locationId }, select: { kind: true, active: true } });
  if (!store || store.kind !== "STORE" || !store.active) {
    throw new AppError("NOT_FOUND", "That store was not found. Choose this device's store again.", { locationId });
  }
  const staff = await ctx.db.user.findMany({
    where: { homeLocationId: locationId, active: true, pinHash: { not: null }, role: { in: [...storeRoles] } },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return staff;
}

import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";

export async function assertLocationExists(db: Tx, locationId: string) {
  const location = await db.location.findUnique({ where: { id: locationId } });
  if (!location) throw new AppError("NOT_FOUND", "That location does not exist.", { locationId });
  return location;
}

export async function assertVariantExists(db: Tx, variantId: string) {
  const variant = await db.variant.findUnique({ where: { id: variantId } });
  if (!variant) throw new AppError("NOT_FOUND", "That product variant does not exist.", { variantId });
  return variant;
}

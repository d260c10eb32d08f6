import { AvailabilityInput } from "@oms/contracts";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { availableToPromise } from "./atp.ts";

export interface LocationAvailability {
  locationId: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  available: number;
  inTransit: number;
}

export interface VariantAvailability {
  variantId: string;
  /** Sum of ATP over the locations asked about (every location when none were named). */
  networkAvailable: number;
  networkInTransit: number;
  locations: LocationAvailability[];
}

/** ATP per variant × location and across the network; in-transit units shown apart. */
export async function getAvailability(
  rawInput: z.input<typeof AvailabilityInput>,
  ctx: Pick<DomainContext, "db">,
): Promise<VariantAvailability[]> {
  const input = parseInput(AvailabilityInput, rawInput);
  const levels = await ctx.db.inventoryLevel.findMany({
    where: {
      variantId: { in: input.variantIds },
      ...(input.locationIds ? { locationId: { in: input.locationIds } } : {}),
      location: { active: true },
    },
    orderBy: [{ variantId: "asc" }, { locationId: "asc" }],
  });
  return input.variantIds.map((variantId) => {
    const rows = levels.filter((l) => l.variantId === variantId);
    const locations = rows.map((l) => ({
      locationId: l.locationId,
      onHand: l.onHand,
      reserved: l.reserved,
      safetyStock: l.safetyStock,
      available: availableToPromise(l),
      inTransit: l.inTransit,
    }));
    return {
      variantId,
      networkAvailable: locations.reduce((s, l) => s + l.available, 0),
      networkInTransit: locations.reduce((s, l) => s + l.inTransit, 0),
      locations,
    };
  });
}

import { LocationKind, type LocationSummary } from "@oms/contracts";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { locationSummarySelect, toLocationSummary } from "./location-summary.ts";

export const ListLocationsInput = z
  .object({
    kind: LocationKind.optional(),
    /** Include switched-off locations (default: only active ones). */
    includeInactive: z.boolean().optional(),
  })
  .optional();
export type ListLocationsInput = z.infer<typeof ListLocationsInput>;

/**
 * Locations the actor may see: ADMIN, API keys and the system all of them; a store role
 * only its own store.
 */
export async function listLocations(input: unknown, ctx: Pick<DomainContext, "db" | "actor">): Promise<LocationSummary[]> {
  const filter = parseInput(ListLocationsInput, input) ?? {};
  const { actor } = ctx;
  const onlyOwn = actor.kind === "USER" && actor.user.role !== "ADMIN";
  if (onlyOwn && !actor.user.locationId) return [];
  const rows = await ctx.db.location.findMany({
    where: {
      ...(onlyOwn ? { id: actor.user.locationId! } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.includeInactive ? {} : { active: true }),
    },
    select: locationSummarySelect,
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
  return rows.map(toLocationSummary);
}

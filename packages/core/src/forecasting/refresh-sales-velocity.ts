import { Prisma } from "@oms/db";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { salesVelocitySql } from "./velocity.ts";

export const RefreshSalesVelocityInput = z
  .object({
    /** Only these locations (tests, a store's own refresh); omitted: the whole network. */
    locationIds: z.array(z.uuid({ message: "Choose a location" })).max(1000).optional(),
  })
  .default({});
export type RefreshSalesVelocityInput = z.input<typeof RefreshSalesVelocityInput>;

export interface SalesVelocityRefresh {
  /** Locations processed (one batch each). */
  locations: number;
  /** Levels whose stored velocity changed (and was written). */
  levels: number;
  durationMs: number;
}

/**
 * Computes every level's sales velocity (`salesVelocitySql`, exponentially weighted over 28
 * days) and stores it on the level (`soldPerDay`; `velocityAt` = when it last changed),
 * set-based in SQL, one location per statement: each batch is its own short transaction, so
 * the row locks it takes never hold up the tills for long, and a network of any size is done
 * in as many steps as it has locations. Only values that change are written (an unchanged
 * level keeps its row: no dead tuples, no index churn). Safe to run twice at once (both
 * compute the same numbers). The job runner calls it
 * (`refreshSalesVelocity`, JOBS_FORECAST_INTERVAL_MS).
 */
export async function refreshSalesVelocity(rawInput: RefreshSalesVelocityInput, ctx: Pick<DomainContext, "db" | "now">): Promise<SalesVelocityRefresh> {
  const input = parseInput(RefreshSalesVelocityInput, rawInput);
  const started = performance.now();
  const locations = await ctx.db.location.findMany({
    where: input.locationIds ? { id: { in: input.locationIds } } : {},
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let levels = 0;
  for (const { id } of locations) {
    // The location's velocities, plus a zero for each level that sold before and not now;
    // only values that change are written (rounded to 4 decimals, so a rerun writes nothing).
    levels += await ctx.db.$executeRaw`
      WITH s AS MATERIALIZED (${salesVelocitySql(ctx.now, Prisma.sql`m."locationId" = ${id}::uuid`)})
      UPDATE "InventoryLevel" l SET "soldPerDay" = x."perDay", "velocityAt" = ${ctx.now}::timestamptz
      FROM (
        SELECT s."variantId", round(s."perDay"::numeric, 4)::float8 AS "perDay" FROM s
        UNION ALL
        SELECT lv."variantId", 0 FROM "InventoryLevel" lv
        WHERE lv."locationId" = ${id}::uuid AND lv."soldPerDay" > 0 AND NOT EXISTS (SELECT 1 FROM s WHERE s."variantId" = lv."variantId")
      ) x
      WHERE l."locationId" = ${id}::uuid AND l."variantId" = x."variantId" AND l."soldPerDay" IS DISTINCT FROM x."perDay"`;
  }
  return { locations: locations.length, levels, durationMs: Math.round(performance.now() - started) };
}

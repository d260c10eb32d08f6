import { Prisma } from "@oms/db";

// The sales velocity is stored on the level (`InventoryLevel.soldPerDay`, units per day,
// exponentially weighted over 28 days) by forecasting's `refreshSalesVelocity`, which holds
// its one definition (docs/forecasting.md). The inventory screens, the CSV and the sorts
// read the column.

/**
 * Days the units on hand last at the current velocity: on hand ÷ units sold per day, to one
 * decimal. null when nothing sold in the window (the screen shows ∞, or nothing when there
 * is nothing on hand either).
 */
export function daysOfCover(onHand: number, perDay: number): number | null {
  if (!(perDay > 0)) return null;
  return Math.round((onHand / perDay) * 10) / 10;
}

/**
 * The same number in SQL over a level `l`, for levels with `l."soldPerDay" > 0` (the
 * condition of the partial index "InventoryLevel_daysOfCover_id_idx", which this expression
 * matches exactly: keep the two equal).
 */
export const daysOfCoverSql = Prisma.sql`(l."onHand" / l."soldPerDay")`;

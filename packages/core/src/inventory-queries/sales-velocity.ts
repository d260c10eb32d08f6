import { Prisma } from "@oms/db";

/** The window of the sales velocity behind days of cover (docs/hq-inventory.md). */
export const VELOCITY_WINDOW_DAYS = 28;
/** Ledger kinds that are units sold: till sales, shipped orders, pickups handed over. */
export const SOLD_MOVEMENT_KINDS = ["SALE", "SHIPMENT", "PICKUP_HANDOVER"] as const;

/**
 * THE sales velocity: a SQL relation ("variantId", "locationId", "perDay") with one row per
 * level that sold anything in the window = units sold in the last 28 days ÷ 28. Every
 * screen, the sort by days of cover and the CSV use this one function, so replacing it
 * (e.g. with an exponentially weighted velocity from forecasting) changes all of them.
 * `scope` narrows the movements read (alias `m`), e.g. to the variants of one page.
 */
export function salesVelocitySql(now: Date, scope: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const since = new Date(now.getTime() - VELOCITY_WINDOW_DAYS * 86_400_000);
  const kinds = Prisma.join(SOLD_MOVEMENT_KINDS.map((k) => Prisma.sql`${k}::"MovementKind"`));
  return Prisma.sql`
    SELECT m."variantId", m."locationId", (-SUM(m."quantity"))::float8 / ${VELOCITY_WINDOW_DAYS} AS "perDay"
    FROM "InventoryMovement" m
    WHERE m."kind" IN (${kinds}) AND m."createdAt" >= ${since} AND m."createdAt" < ${now} AND (${scope})
    GROUP BY m."variantId", m."locationId"
    HAVING SUM(m."quantity") < 0`;
}

/**
 * Days the units on hand last at the current velocity: on hand ÷ units sold per day, to one
 * decimal. null when nothing sold in the window (the screen shows ∞, or nothing when there
 * is nothing on hand either).
 */
export function daysOfCover(onHand: number, perDay: number): number | null {
  if (!(perDay > 0)) return null;
  return Math.round((onHand / perDay) * 10) / 10;
}

/** The same number in SQL, for sorting (`l` = the level, `s` = the velocity row). */
export const daysOfCoverSql = Prisma.sql`(l."onHand" / NULLIF(s."perDay", 0))`;

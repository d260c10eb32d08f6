import { Prisma } from "@oms/db";
import { SOLD_MOVEMENT_KINDS, VELOCITY_HALF_LIFE_DAYS, VELOCITY_WINDOW_DAYS } from "./policy.ts";

const DAY_MS = 86_400_000;

/** Weight of day `d` (0 = the last 24 hours): halves every VELOCITY_HALF_LIFE_DAYS. */
export const VELOCITY_DECAY = 0.5 ** (1 / VELOCITY_HALF_LIFE_DAYS);
/** Sum of the weights of the whole window: the divisor, so a steady seller's velocity is its daily rate. */
export const VELOCITY_WEIGHT_SUM = (1 - VELOCITY_DECAY ** VELOCITY_WINDOW_DAYS) / (1 - VELOCITY_DECAY);

/**
 * THE sales velocity, in units per day: the exponentially weighted mean of the units sold on
 * each of the last 28 days, `dailyUnits[0]` being the last 24 hours. Days with no sales
 * count as zero (missing entries too); entries past the window are ignored. Weights halve
 * every 7 days and are normalised over the window, so selling 1 a day every day gives 1.
 * `refreshSalesVelocity` computes the same number in SQL (`salesVelocitySql`); a db test
 * holds the two together.
 */
export function exponentialVelocity(dailyUnits: readonly number[]): number {
  let weighted = 0;
  for (let d = 0; d < Math.min(dailyUnits.length, VELOCITY_WINDOW_DAYS); d++) weighted += (dailyUnits[d] ?? 0) * VELOCITY_DECAY ** d;
  return weighted / VELOCITY_WEIGHT_SUM;
}

/** Day index of a movement for the velocity at `now`: 0 = (now − 24 h, now]. */
export function velocityDay(at: Date, now: Date): number {
  return Math.max(0, Math.ceil((now.getTime() - at.getTime()) / DAY_MS) - 1);
}

/**
 * The velocity in SQL: a relation ("variantId", "locationId", "perDay") with a row per level
 * that sold anything in the window (now − 28 days, now]. `scope` narrows the movements read
 * (alias `m`), e.g. to one location. Day d of a movement is ceil(age in days) − 1, as in
 * `velocityDay`.
 */
export function salesVelocitySql(now: Date, scope: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const since = new Date(now.getTime() - VELOCITY_WINDOW_DAYS * DAY_MS);
  const kinds = Prisma.join(SOLD_MOVEMENT_KINDS.map((k) => Prisma.sql`${k}::"MovementKind"`));
  return Prisma.sql`
    SELECT m."variantId", m."locationId",
      SUM(-m."quantity" * power(${VELOCITY_DECAY}::float8,
        GREATEST(0, ceil(extract(epoch FROM (${now}::timestamptz - m."createdAt")) / 86400) - 1))) / ${VELOCITY_WEIGHT_SUM}::float8 AS "perDay"
    FROM "InventoryMovement" m
    WHERE m."kind" IN (${kinds}) AND m."createdAt" > ${since}::timestamptz AND m."createdAt" <= ${now}::timestamptz AND (${scope})
    GROUP BY m."variantId", m."locationId"
    HAVING SUM(m."quantity") < 0`;
}

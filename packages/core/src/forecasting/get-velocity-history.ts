import { AppError, ForecastLevelInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { SOLD_MOVEMENT_KINDS, VELOCITY_WINDOW_DAYS } from "./policy.ts";
import { localDate } from "./stockout.ts";
import { exponentialVelocity, velocityDay } from "./velocity.ts";

const DAY_MS = 86_400_000;

export interface VelocityHistoryDay {
  /** YYYY-MM-DD (location calendar) of the 24 hours' end. */
  date: string;
  /** Units sold in those 24 hours. */
  units: number;
  /** The velocity as it stood at the end of them (the 28 days before, exponentially weighted). */
  velocity: number;
}

/**
 * One level's daily units sold over the last 28 days and the velocity line over the same
 * days (exponentialVelocity on the 28 days before each one): the forecast drawer's chart.
 * Days are the velocity's 24-hour steps ending now, labelled with the location's date.
 */
export async function getVelocityHistory(rawInput: ForecastLevelInput, ctx: Pick<DomainContext, "db"> & { now?: Date }) {
  const input = parseInput(ForecastLevelInput, rawInput);
  const now = ctx.now ?? new Date();
  const level = await ctx.db.inventoryLevel.findUnique({
    where: { id: input.levelId },
    select: { variantId: true, locationId: true, soldPerDay: true, velocityAt: true, location: { select: { timeZone: true } } },
  });
  if (!level) throw new AppError("NOT_FOUND", "That stock level does not exist.", { levelId: input.levelId });
  const span = VELOCITY_WINDOW_DAYS * 2;
  const movements = await ctx.db.inventoryMovement.findMany({
    where: {
      variantId: level.variantId,
      locationId: level.locationId,
      kind: { in: [...SOLD_MOVEMENT_KINDS] },
      createdAt: { gt: new Date(now.getTime() - span * DAY_MS), lte: now },
    },
    select: { quantity: true, createdAt: true },
  });
  const units = Array.from({ length: span }, () => 0);
  for (const m of movements) units[velocityDay(m.createdAt, now)]! += -m.quantity;
  const days: VelocityHistoryDay[] = [];
  for (let d = VELOCITY_WINDOW_DAYS - 1; d >= 0; d--) {
    days.push({
      date: localDate(new Date(now.getTime() - d * DAY_MS), level.location.timeZone),
      units: units[d]!,
      velocity: Math.round(exponentialVelocity(units.slice(d, d + VELOCITY_WINDOW_DAYS)) * 100) / 100,
    });
  }
  return { days, soldPerDay: Math.round(level.soldPerDay * 100) / 100, velocityAt: level.velocityAt };
}
export type VelocityHistory = Awaited<ReturnType<typeof getVelocityHistory>>;

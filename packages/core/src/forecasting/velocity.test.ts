import { describe, expect, it } from "vitest";
import { daysOfCover } from "../inventory-queries/index.ts";
import { REORDER_COVER_DAYS, TARGET_COVER_DAYS } from "./policy.ts";
import { daysToStockout, localDate, stockoutDate } from "./stockout.ts";
import { exponentialVelocity, VELOCITY_DECAY, VELOCITY_WEIGHT_SUM, velocityDay } from "./velocity.ts";

const DAY = 86_400_000;

describe("the exponentially weighted velocity (docs/forecasting.md, worked example)", () => {
  it("weights halve every 7 days and are normalised over the 28-day window", () => {
    expect(VELOCITY_DECAY).toBeCloseTo(0.905724, 6);
    expect(VELOCITY_DECAY ** 7).toBeCloseTo(0.5, 12);
    expect(VELOCITY_WEIGHT_SUM).toBeCloseTo(9.944171, 6);
  });

  it("the worked example: 4 today, 2 a week ago, 8 two weeks ago, 10 on day 27 → 0.773 a day", () => {
    const days = Array.from({ length: 28 }, () => 0);
    days[0] = 4;
    days[7] = 2;
    days[14] = 8;
    days[27] = 10;
    // 4·1 + 2·0.5 + 8·0.25 + 10·0.0690 = 7.690; ÷ 9.944 = 0.7733 (the plain mean would be 24 / 28 = 0.857).
    expect(exponentialVelocity(days)).toBeCloseTo(0.7733, 4);
    // On that level (9 on hand, 1 reserved, safety stock 2 → ATP 6):
    expect(daysOfCover(9, 0.7733)).toBe(11.6);
    expect(daysToStockout(6, 0.7733)).toBe(7.8);
    // Reorder below 14 days of cover (10.83 units), order up to 28 days (21.65 units) → 16.
    expect(0.7733 * REORDER_COVER_DAYS).toBeCloseTo(10.83, 2);
    expect(Math.ceil(0.7733 * TARGET_COVER_DAYS - 6)).toBe(16);
  });

  it("a steady seller's velocity is its daily rate; days without sales count as zero", () => {
    expect(exponentialVelocity(Array.from({ length: 28 }, () => 1))).toBeCloseTo(1, 12);
    expect(exponentialVelocity(Array.from({ length: 28 }, () => 3))).toBeCloseTo(3, 12);
    // Missing days are zeros: one sale today is worth 1 / 9.944.
    expect(exponentialVelocity([1])).toBeCloseTo(1 / VELOCITY_WEIGHT_SUM, 12);
    expect(exponentialVelocity([])).toBe(0);
    // Recent sales weigh more than old ones.
    expect(exponentialVelocity([5])).toBeGreaterThan(exponentialVelocity([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]));
  });

  it("ignores anything past the 28-day window", () => {
    const inside = Array.from({ length: 28 }, () => 2);
    expect(exponentialVelocity([...inside, 500, 500])).toBeCloseTo(exponentialVelocity(inside), 12);
  });

  it("day 0 is the last 24 hours, day 27 the oldest of the window", () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(velocityDay(now, now)).toBe(0);
    expect(velocityDay(new Date(now.getTime() - 1), now)).toBe(0);
    expect(velocityDay(new Date(now.getTime() - DAY), now)).toBe(0);
    expect(velocityDay(new Date(now.getTime() - DAY - 1), now)).toBe(1);
    expect(velocityDay(new Date(now.getTime() - 27.5 * DAY), now)).toBe(27);
  });
});

describe("stockout", () => {
  it("is ATP ÷ velocity from now, as a date in the location's calendar", () => {
    const now = new Date("2026-11-20T22:30:00Z"); // 23:30 in Warsaw, 07:30 next day in Tokyo
    expect(stockoutDate(now, 6, 0.7733, "Europe/Warsaw")).toBe("2026-11-28"); // + 7.76 days = 28 Nov 17:40 UTC
    expect(stockoutDate(now, 0, 2, "Europe/Warsaw")).toBe("2026-11-20"); // nothing left: today
    expect(stockoutDate(now, 0, 2, "Asia/Tokyo")).toBe("2026-11-21"); // already tomorrow there
    expect(stockoutDate(now, 1, 1, "America/New_York")).toBe("2026-11-21");
    expect(stockoutDate(now, 10, 0, "Europe/Warsaw")).toBeNull();
  });

  it("days to stockout are to one decimal, null when nothing sells", () => {
    expect(daysToStockout(10, 3)).toBe(3.3);
    expect(daysToStockout(0, 1)).toBe(0);
    expect(daysToStockout(5, 0)).toBeNull();
    expect(localDate(new Date("2026-03-29T00:30:00Z"), "Europe/London")).toBe("2026-03-29");
  });
});

import { addDays, changeOf, daysInPeriod, previousPeriod, ReportPeriodInput } from "@oms/contracts";
import { describe, expect, it } from "vitest";
import { previousSpan, spanWindow } from "./period.ts";
import { salesFigures } from "./sales-figures.ts";

describe("report periods", () => {
  it("counts days with both ends included, across month ends and leap days", () => {
    expect(daysInPeriod("2026-11-10", "2026-11-10")).toBe(1);
    expect(daysInPeriod("2028-02-01", "2028-03-01")).toBe(30);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("the previous period has the same length and ends the day before", () => {
    expect(previousPeriod({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-10-02", to: "2026-10-31" });
    expect(previousPeriod({ from: "2026-11-10", to: "2026-11-10" })).toEqual({ from: "2026-11-09", to: "2026-11-09" });
    expect(previousSpan({ today: 0 })).toEqual({ today: 1 });
  });

  it("the UTC window holds the day in every time zone (UTC−12 to UTC+14)", () => {
    const { lo, hi } = spanWindow({ from: "2026-11-10", to: "2026-11-10" }, new Date());
    // 10 Nov starts at 09 Nov 10:00Z in Kiritimati (UTC+14) and ends 11 Nov 12:00Z on Baker Island (UTC−12).
    expect(lo.getTime()).toBeLessThanOrEqual(Date.parse("2026-11-09T10:00:00Z"));
    expect(hi.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-11-11T12:00:00Z"));
    const now = new Date("2026-11-10T23:45:00Z");
    const today = spanWindow({ today: 0 }, now);
    expect(today.lo.getTime()).toBeLessThanOrEqual(now.getTime() - 24 * 3_600_000);
    expect(today.hi.getTime()).toBeGreaterThan(now.getTime());
  });

  it("rejects periods the reports cannot cover, naming the field", () => {
    expect(ReportPeriodInput.safeParse({ from: "2026-11-01", to: "2026-11-30" }).success).toBe(true);
    const issues = (input: unknown) => ReportPeriodInput.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ from: "2026-13-01", to: "2026-11-30" })).toEqual([["from", "The start date must be a real date written yyyy-mm-dd"]]);
    expect(issues({ from: "2026-11-30", to: "2026-11-01" })).toEqual([["to", "The end date must be on or after the start date"]]);
    // 2025-01-01 … 2026-01-01 is 366 days: allowed; a day more is not.
    expect(issues({ from: "2025-01-01", to: "2026-01-01" })).toBeUndefined();
    expect(issues({ from: "2025-01-01", to: "2026-01-02" })).toEqual([["to", "A report covers at most 366 days; choose a shorter period"]]);
  });
});

describe("figures and deltas", () => {
  it("takes tax out of sales and returns when reports exclude it", () => {
    const sums = { amount: 4460, tax: 834, units: 4, returnedAmount: 1230, returnedTax: 230, returnedUnits: 1, orders: 2 };
    expect(salesFigures(sums, true)).toEqual({ gross: 4460, returns: 1230, net: 3230, tax: 604, units: 4, returnedUnits: 1, orders: 2, averageBasket: 2230 });
    expect(salesFigures(sums, false)).toMatchObject({ gross: 3626, returns: 1000, net: 2626, tax: 604, averageBasket: 1813 });
    expect(salesFigures({ ...sums, orders: 0 }, true).averageBasket).toBeNull();
  });

  it("change against the previous period: difference and ratio, none without a previous figure", () => {
    expect(changeOf(3230, 1000)).toEqual({ diff: 2230, ratio: 2.23 });
    expect(changeOf(0, 1000)).toEqual({ diff: -1000, ratio: -1 });
    expect(changeOf(500, 0)).toEqual({ diff: 500, ratio: null });
    expect(changeOf(0, 0)).toEqual({ diff: 0, ratio: 0 });
    expect(changeOf(-200, -400)).toEqual({ diff: 200, ratio: 0.5 });
    expect(changeOf(500, null)).toBeNull();
  });
});

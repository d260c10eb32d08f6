import { describe, expect, it } from "vitest";
import { cashDenominations, compactCount, countIssues, countTotal, DenominationCount, denominationsFor } from "./registers.ts";

describe("drawer counts", () => {
  it("adds up notes and coins in minor units, exactly", () => {
    expect(countTotal({})).toBe(0);
    expect(countTotal({ "5000": 2, "2000": 4, "500": 4, "100": 10, "50": 10 })).toBe(21_500);
    expect(countTotal({ "1": 3, "2": 1, "5": 1 })).toBe(10);
    // Every EUR denomination once: 500 + 200 + 100 + 50 + 20 + 10 + 5 + 2 + 1 + 0.50 + ... = 888.88
    expect(countTotal(Object.fromEntries(cashDenominations.EUR.map((d) => [String(d), 1])))).toBe(88_888);
    // The largest count a row accepts stays an exact integer.
    expect(countTotal({ "100000": 100_000, "1": 100_000 })).toBe(10_000_100_000);
  });

  it("knows each currency's denominations, largest first; SEK has no coins below one krona", () => {
    for (const list of Object.values(cashDenominations)) expect([...list]).toEqual([...list].sort((a, b) => b - a));
    expect(denominationsFor("SEK")!.at(-1)).toBe(100);
    expect(denominationsFor("PLN")).toContain(1);
    expect(denominationsFor("USD")).toBeUndefined();
  });

  it("names the row of a denomination the currency does not have", () => {
    expect(countIssues("EUR", { "5000": 1, "300": 1 })).toEqual([{ path: ["count", "300"], message: "EUR has no note or coin of 300 minor units." }]);
    expect(countIssues("SEK", { "50": 2 })).toEqual([{ path: ["count", "50"], message: "SEK has no note or coin of 50 minor units." }]);
    expect(countIssues("SEK", { "100000": 1, "100": 3 })).toEqual([]);
    expect(countIssues("USD", {})).toEqual([{ path: ["count"], message: "Registers cannot count USD cash: there is no table of its notes and coins." }]);
  });

  it("accepts only whole, non-negative counts keyed by whole minor units, and drops zero rows", () => {
    expect(DenominationCount.safeParse({ "500": 3 }).success).toBe(true);
    expect(DenominationCount.safeParse({ "500": -1 }).success).toBe(false);
    expect(DenominationCount.safeParse({ "500": 1.5 }).success).toBe(false);
    expect(DenominationCount.safeParse({ "5.00": 1 }).success).toBe(false);
    expect(DenominationCount.safeParse({ "0": 1 }).success).toBe(false);
    expect(compactCount({ "500": 0, "200": 2 })).toEqual({ "200": 2 });
  });
});

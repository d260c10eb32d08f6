import { describe, expect, it } from "vitest";
import { csvField } from "./export-inventory-csv.ts";
import { isLowStock } from "./inventory-table.ts";
import { daysOfCover } from "./sales-velocity.ts";

describe("days of cover", () => {
  it("is on hand ÷ units sold per day, to one decimal; null when nothing sold", () => {
    expect(daysOfCover(30, 1)).toBe(30);
    expect(daysOfCover(10, 0.5)).toBe(20);
    expect(daysOfCover(10, 3)).toBe(3.3);
    expect(daysOfCover(0, 2)).toBe(0);
    expect(daysOfCover(12, 0)).toBeNull();
    expect(daysOfCover(0, 0)).toBeNull();
  });
});

describe("low stock", () => {
  it("is ATP at or below the reorder point, or the safety stock when that is higher", () => {
    expect(isLowStock({ onHand: 10, reserved: 0, safetyStock: 0, reorderPoint: 10 })).toBe(true);
    expect(isLowStock({ onHand: 11, reserved: 0, safetyStock: 0, reorderPoint: 10 })).toBe(false);
    expect(isLowStock({ onHand: 11, reserved: 3, safetyStock: 0, reorderPoint: 10 })).toBe(true);
    // ATP 4 (10 − 2 − 4) ≤ safety stock 4 with no reorder point set.
    expect(isLowStock({ onHand: 10, reserved: 2, safetyStock: 4, reorderPoint: 0 })).toBe(true);
    expect(isLowStock({ onHand: 1, reserved: 0, safetyStock: 0, reorderPoint: 0 })).toBe(false);
    expect(isLowStock({ onHand: 0, reserved: 0, safetyStock: 0, reorderPoint: 0 })).toBe(true);
  });
});

describe("CSV fields", () => {
  it("quotes separators and quotes, and defuses formulas", () => {
    expect(csvField("Trail Jacket")).toBe("Trail Jacket");
    expect(csvField('Boot, "Summit"')).toBe('"Boot, ""Summit"""');
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
  });
});

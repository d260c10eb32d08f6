import type { RoutingCandidateTrace, RoutingResult } from "@oms/contracts";
import { describe, expect, it } from "vitest";
import { compareReplay, percentile, replayMetrics } from "./replay-metrics.ts";

const locations = [
  { id: "a", code: "AAA", name: "Alpha" },
  { id: "b", code: "BBB", name: "Beta" },
  { id: "c", code: "CCC", name: "Gamma" },
];

function candidate(id: string, distanceKm: number | null): RoutingCandidateTrace {
  return { locationId: id, code: id.toUpperCase().repeat(3), name: id, kind: "STORE", distanceKm, fillableUnits: 0, stockDepth: 0, load: 0, rank: null, chosen: false, rejections: [] };
}

/** A result sending `units` per location id; distances a=10, b=100, c=unknown. */
function result(sent: Record<string, number>, unassigned = 0): RoutingResult {
  const assignments = Object.entries(sent).map(([locationId, quantity]) => ({ locationId, type: "SHIP" as const, source: "STOCK" as const, lines: [{ lineId: "l", variantId: "v", quantity }] }));
  return {
    outcome: unassigned === 0 ? "ROUTED" : assignments.length > 0 ? "PARTIALLY_ROUTED" : "UNROUTABLE",
    assignments,
    unassigned: unassigned > 0 ? [{ lineId: "l", variantId: "v", quantity: unassigned }] : [],
    trace: { rule: { id: null, name: "x" }, fulfillmentType: "SHIP", customerPosition: null, candidates: [candidate("a", 10), candidate("b", 100), candidate("c", null)], steps: [], split: assignments.length > 1 },
  };
}

describe("percentile (nearest rank)", () => {
  it("takes the value at rank ceil(p × n)", () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1, 5, 3, 2, 8, 4, 9, 6, 7, 11], 90)).toBe(10);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });
});

describe("replayMetrics", () => {
  it("counts splits, shipment distances, outcomes and load per location", () => {
    const m = replayMetrics(
      [
        { fulfillmentType: "SHIP", result: result({ a: 2 }) },
        { fulfillmentType: "SHIP", result: result({ a: 1, b: 3 }) },
        { fulfillmentType: "DELIVERY", result: result({ c: 1 }) },
        // A pickup's goods do not travel to the customer: no distance, but load counts.
        { fulfillmentType: "PICKUP", result: result({ b: 1 }) },
        { fulfillmentType: "SHIP", result: result({}, 4) },
        { fulfillmentType: "SHIP", result: result({ a: 1 }, 1) },
      ],
      locations,
    );
    expect(m).toMatchObject({ orders: 6, splitOrders: 1, routed: 4, partiallyRouted: 1, unroutable: 1, shipments: 4 });
    expect(m.splitRate).toBeCloseTo(1 / 6);
    // Shipments with a known distance: 10, 10, 100, 10 (c's distance is unknown).
    expect(m.meanDistanceKm).toBe(32.5);
    expect(m.p90DistanceKm).toBe(100);
    expect(m.load).toEqual([
      { locationId: "a", code: "AAA", name: "Alpha", orders: 3, units: 4 },
      { locationId: "b", code: "BBB", name: "Beta", orders: 2, units: 4 },
      { locationId: "c", code: "CCC", name: "Gamma", orders: 1, units: 1 },
    ]);
  });

  it("gives zeros and no distance for no orders", () => {
    const m = replayMetrics([], locations);
    expect(m).toMatchObject({ orders: 0, splitRate: 0, meanDistanceKm: null, p90DistanceKm: null });
    expect(m.load.every((l) => l.orders === 0 && l.units === 0)).toBe(true);
  });
});

describe("compareReplay", () => {
  const order = { orderId: "o", number: "W-1", placedAt: new Date("2026-12-01T10:00:00Z"), fulfillmentType: "SHIP" as const };
  it("is null when the same locations serve the order, whatever the units", () => {
    expect(compareReplay(order, result({ a: 1, b: 1 }), result({ b: 2, a: 0 + 1 }))).toBeNull();
  });
  it("lists the location codes of both when they differ", () => {
    expect(compareReplay(order, result({ b: 1, a: 1 }), result({ c: 2 }))).toMatchObject({ number: "W-1", saved: ["AAA", "BBB"], draft: ["CCC"] });
    expect(compareReplay(order, result({ a: 1 }), result({}, 1))).toMatchObject({ saved: ["AAA"], draft: [] });
  });
});

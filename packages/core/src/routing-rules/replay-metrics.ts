import type { FulfillmentType, ReplayChangedOrder, ReplayMetrics, RoutingResult } from "@oms/contracts";

/** One replayed order under one rule set. */
export interface ReplayedOrder {
  fulfillmentType: FulfillmentType;
  result: RoutingResult;
}

/** The p-th percentile by nearest rank (p90 of 10 values = the 9th smallest); null for no values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const units = (lines: { quantity: number }[]) => lines.reduce((s, l) => s + l.quantity, 0);

/**
 * What a rule set did to a set of orders (docs/hq-routing.md#the-numbers): split rate,
 * distance of each shipment to the customer (shipping and delivery only: a pickup's goods
 * do not travel to the customer), outcomes, and orders and units per location.
 */
export function replayMetrics(orders: ReplayedOrder[], locations: { id: string; code: string; name: string }[]): ReplayMetrics {
  const load = new Map(locations.map((l) => [l.id, { locationId: l.id, code: l.code, name: l.name, orders: 0, units: 0 }]));
  const distances: number[] = [];
  let splitOrders = 0;
  const outcomes = { ROUTED: 0, PARTIALLY_ROUTED: 0, UNROUTABLE: 0 };
  for (const { fulfillmentType, result } of orders) {
    outcomes[result.outcome] += 1;
    const used = new Set(result.assignments.map((a) => a.locationId));
    if (used.size > 1) splitOrders += 1;
    for (const locationId of used) {
      const entry = load.get(locationId);
      if (!entry) continue;
      entry.orders += 1;
      entry.units += units(result.assignments.filter((a) => a.locationId === locationId).flatMap((a) => a.lines));
    }
    if (fulfillmentType !== "SHIP" && fulfillmentType !== "DELIVERY") continue;
    const distanceOf = new Map(result.trace.candidates.map((c) => [c.locationId, c.distanceKm]));
    for (const locationId of used) {
      const km = distanceOf.get(locationId);
      if (typeof km === "number") distances.push(km);
    }
  }
  const mean = distances.length === 0 ? null : round1(distances.reduce((a, b) => a + b, 0) / distances.length);
  const p90 = percentile(distances, 90);
  return {
    orders: orders.length,
    splitOrders,
    splitRate: orders.length === 0 ? 0 : splitOrders / orders.length,
    shipments: distances.length,
    meanDistanceKm: mean,
    p90DistanceKm: p90 === null ? null : round1(p90),
    routed: outcomes.ROUTED,
    partiallyRouted: outcomes.PARTIALLY_ROUTED,
    unroutable: outcomes.UNROUTABLE,
    load: [...load.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** The location codes an order went to, sorted ("" joins nothing: unplaced). */
export function locationCodes(result: RoutingResult): string[] {
  const codeOf = new Map(result.trace.candidates.map((c) => [c.locationId, c.code]));
  return [...new Set(result.assignments.map((a) => codeOf.get(a.locationId) ?? a.locationId))].sort();
}

/** Whether the two rule sets send the order to different locations; the entry for the list when they do. */
export function compareReplay(
  order: { orderId: string; number: string; placedAt: Date; fulfillmentType: FulfillmentType },
  saved: RoutingResult,
  draft: RoutingResult,
): ReplayChangedOrder | null {
  const a = locationCodes(saved);
  const b = locationCodes(draft);
  if (a.length === b.length && a.every((code, i) => code === b[i])) return null;
  return { ...order, saved: a, draft: b };
}

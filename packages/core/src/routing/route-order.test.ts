import { RoutingFilters } from "@oms/contracts";
import { seededRandom } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { greatCircleKm } from "./distance.ts";
import { defaultRoutingRule, routeOrder, selectRoutingRule } from "./route-order.ts";
import type { RoutingInput, RoutingLocation, RoutingOrder, RoutingRuleSpec } from "./types.ts";

const WARSAW = { latitude: 52.2297, longitude: 21.0122 };

function location(code: string, over: Partial<RoutingLocation> = {}): RoutingLocation {
  return {
    id: `loc-${code}`,
    code,
    name: code,
    kind: "STORE",
    marketCode: "PL",
    fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"],
    latitude: 52.23,
    longitude: 21.01,
    active: true,
    dailyCapacity: null,
    openLoad: 0,
    ...over,
  };
}

const locations = {
  waw: location("WAW1", { latitude: 52.2319, longitude: 21.0067 }),
  krk: location("KRK1", { latitude: 50.0614, longitude: 19.9372 }),
  gdn: location("GDN1", { latitude: 54.352, longitude: 18.6466 }),
  wh: location("WH1", { kind: "WAREHOUSE", fulfillmentTypes: ["SHIP"], latitude: 52.0, longitude: 20.5 }),
  ber: location("BER1", { marketCode: "DE", latitude: 52.52, longitude: 13.405 }),
  drop: location("DS1", { kind: "DROPSHIP_SUPPLIER", fulfillmentTypes: ["SHIP"], latitude: 51.1, longitude: 17.03 }),
};

function order(over: Partial<RoutingOrder> = {}): RoutingOrder {
  return {
    channel: "WEB",
    fulfillmentType: "SHIP",
    marketCode: "PL",
    destination: WARSAW,
    pickupLocationId: null,
    lines: [
      { lineId: "L1", variantId: "A", quantity: 2 },
      { lineId: "L2", variantId: "B", quantity: 1 },
    ],
    ...over,
  };
}

function stock(entries: Record<string, Record<string, number>>): Map<string, Map<string, number>> {
  return new Map(Object.entries(entries).map(([code, v]) => [`loc-${code}`, new Map(Object.entries(v))]));
}

function input(over: Partial<RoutingInput> = {}): RoutingInput {
  return {
    order: order(),
    locations: Object.values(locations),
    atp: stock({}),
    incoming: stock({}),
    rules: [],
    ...over,
  };
}

const rule = (over: Partial<RoutingRuleSpec> = {}): RoutingRuleSpec => ({
  ...defaultRoutingRule,
  id: "rule-1",
  name: "Poland",
  priority: 1,
  marketCode: "PL",
  ...over,
});

describe("greatCircleKm", () => {
  it("measures Warsaw to Kraków as about 252 km", () => {
    expect(greatCircleKm(WARSAW, { latitude: 50.0647, longitude: 19.945 })).toBeCloseTo(252, -1);
  });
});

describe("selectRoutingRule", () => {
  it("takes the lowest priority among matching active rules, else the default", () => {
    const de = rule({ id: "de", marketCode: "DE", priority: 0 });
    const pickup = rule({ id: "pick", fulfillmentType: "PICKUP", priority: 0 });
    const pl = rule({ id: "pl", priority: 5 });
    expect(selectRoutingRule([de, pickup, pl], order()).id).toBe("pl");
    expect(selectRoutingRule([de], order())).toBe(defaultRoutingRule);
  });
});

describe("routeOrder", () => {
  it("sends the whole order to the nearest location that has everything and explains the rest", () => {
    const result = routeOrder(input({ atp: stock({ WAW1: { A: 5, B: 5 }, KRK1: { A: 9, B: 9 }, BER1: { A: 9, B: 9 } }) }));
    expect(result.outcome).toBe("ROUTED");
    expect(result.assignments).toEqual([
      { locationId: "loc-WAW1", type: "SHIP", source: "STOCK", lines: [
        { lineId: "L1", variantId: "A", quantity: 2 },
        { lineId: "L2", variantId: "B", quantity: 1 },
      ] },
    ]);
    const byCode = Object.fromEntries(result.trace.candidates.map((c) => [c.code, c]));
    expect(byCode.WAW1!.chosen).toBe(true);
    expect(byCode.WAW1!.rank).toBe(1);
    expect(byCode.KRK1!.rejections.map((r) => r.code)).toEqual(["NOT_NEEDED"]);
    expect(byCode.BER1!.rejections.map((r) => r.code)).toContain("OUTSIDE_MARKET");
    expect(byCode.GDN1!.rejections.map((r) => r.code)).toEqual(["NO_STOCK"]);
    expect(byCode.DS1!.rejections.map((r) => r.code)).toContain("KIND_NOT_ALLOWED");
    expect(result.trace.steps.join(" ")).toMatch(/WAW1 WAW1 can fill the whole order and ranks 1st/);
    expect(result.trace.split).toBe(false);
  });

  it("applies distance, capacity and type filters with reasons", () => {
    const result = routeOrder(
      input({
        order: order({ fulfillmentType: "DELIVERY" }),
        locations: [
          location("NEAR", { fulfillmentTypes: ["DELIVERY"], dailyCapacity: 3, openLoad: 3 }),
          location("FAR", { fulfillmentTypes: ["DELIVERY"], latitude: 50.06, longitude: 19.94 }),
          location("NOTYPE", { fulfillmentTypes: ["SHIP"] }),
        ],
        atp: stock({ NEAR: { A: 9, B: 9 }, FAR: { A: 9, B: 9 }, NOTYPE: { A: 9, B: 9 } }),
        rules: [rule({ filters: RoutingFilters.parse({ maxDistanceKm: 50 }) })],
      }),
    );
    expect(result.outcome).toBe("UNROUTABLE");
    const codes = Object.fromEntries(result.trace.candidates.map((c) => [c.code, c.rejections.map((r) => r.code)]));
    expect(codes.NEAR).toEqual(["AT_CAPACITY"]);
    expect(codes.FAR).toEqual(["TOO_FAR"]);
    expect(codes.NOTYPE).toEqual(["TYPE_NOT_OFFERED"]);
    expect(result.unassigned).toHaveLength(2);
  });

  it("ranks by stock depth, then load, when distances tie", () => {
    const a = location("AAA", { dailyCapacity: 10, openLoad: 5 });
    const b = location("BBB", { dailyCapacity: 10, openLoad: 1 });
    const c = location("CCC", { dailyCapacity: 10, openLoad: 1 });
    const result = routeOrder(
      input({ locations: [a, b, c], atp: stock({ AAA: { A: 9, B: 9 }, BBB: { A: 9, B: 9 }, CCC: { A: 20, B: 9 } }) }),
    );
    const ranks = Object.fromEntries(result.trace.candidates.map((x) => [x.code, x.rank]));
    expect(ranks).toEqual({ CCC: 1, BBB: 2, AAA: 3 });
    expect(result.assignments[0]!.locationId).toBe("loc-CCC");
  });

  it("splits only when no single location can fill the order", () => {
    const result = routeOrder(input({ atp: stock({ WAW1: { A: 2 }, KRK1: { B: 1 }, GDN1: { A: 1 } }) }));
    expect(result.outcome).toBe("ROUTED");
    expect(result.trace.split).toBe(true);
    expect(result.assignments.map((a) => [a.locationId, a.lines.map((l) => `${l.variantId}${l.quantity}`)])).toEqual([
      ["loc-WAW1", ["A2"]],
      ["loc-KRK1", ["B1"]],
    ]);
  });

  it("never splits under NEVER, and uses the fallbacks instead", () => {
    const atp = stock({ WAW1: { A: 2 }, KRK1: { B: 1 }, DS1: { A: 5, B: 5 } });
    const never = routeOrder(input({ atp, rules: [rule({ splitPolicy: "NEVER", fallbacks: [] })] }));
    expect(never.outcome).toBe("UNROUTABLE");
    expect(never.trace.steps.join(" ")).toMatch(/never splits/);
    const dropship = routeOrder(input({ atp, rules: [rule({ splitPolicy: "NEVER", fallbacks: ["DROPSHIP"] })] }));
    expect(dropship.outcome).toBe("ROUTED");
    expect(dropship.assignments).toEqual([
      { locationId: "loc-DS1", type: "SHIP", source: "DROPSHIP", lines: [
        { lineId: "L1", variantId: "A", quantity: 2 },
        { lineId: "L2", variantId: "B", quantity: 1 },
      ] },
    ]);
  });

  it("keeps to at most N shipments", () => {
    const lines = [
      { lineId: "L1", variantId: "A", quantity: 1 },
      { lineId: "L2", variantId: "B", quantity: 1 },
      { lineId: "L3", variantId: "C", quantity: 1 },
    ];
    const result = routeOrder(
      input({
        order: order({ lines }),
        atp: stock({ WAW1: { A: 1 }, KRK1: { B: 1 }, GDN1: { C: 1 } }),
        rules: [rule({ splitPolicy: "MAX_SHIPMENTS", maxShipments: 2, fallbacks: [] })],
      }),
    );
    expect(result.outcome).toBe("PARTIALLY_ROUTED");
    expect(result.assignments).toHaveLength(2);
    expect(result.unassigned).toEqual([{ lineId: "L3", variantId: "C", quantity: 1 }]);
  });

  it("backorders against incoming stock when nothing is on hand", () => {
    const result = routeOrder(
      input({ atp: stock({}), incoming: stock({ WH1: { A: 10, B: 10 } }), rules: [rule({ fallbacks: ["BACKORDER"] })] }),
    );
    expect(result.outcome).toBe("ROUTED");
    expect(result.assignments[0]).toMatchObject({ locationId: "loc-WH1", source: "BACKORDER" });
    expect(result.trace.steps.join(" ")).toMatch(/arriving: backordered/);
  });

  it("routes a pickup only to the chosen store", () => {
    const result = routeOrder(
      input({
        order: order({ fulfillmentType: "PICKUP", pickupLocationId: "loc-KRK1", destination: null }),
        atp: stock({ WAW1: { A: 9, B: 9 }, KRK1: { A: 2, B: 1 } }),
      }),
    );
    expect(result.assignments).toEqual([
      expect.objectContaining({ locationId: "loc-KRK1", type: "PICKUP", source: "STOCK" }),
    ]);
    const waw = result.trace.candidates.find((c) => c.code === "WAW1")!;
    expect(waw.rejections.map((r) => r.code)).toEqual(["NOT_PICKUP_LOCATION"]);
  });

  it("a pickup short at the customer's store goes to the nearest other store with stock, and the trace says why", () => {
    const result = routeOrder(
      input({
        order: order({ fulfillmentType: "PICKUP", pickupLocationId: "loc-WAW1", destination: { latitude: 52.2319, longitude: 21.0067 }, lines: [{ lineId: "L1", variantId: "A", quantity: 1 }] }),
        atp: stock({ WAW1: { A: 5 }, KRK1: { A: 1 }, GDN1: { A: 3 }, WH1: { A: 50 }, BER1: { A: 9 } }),
        excludeLocationIds: ["loc-WAW1"],
      }),
    );
    expect(result.outcome).toBe("ROUTED");
    // Kraków (≈252 km) is nearer to Warsaw than Gdańsk (≈285 km); the warehouse and Berlin may not.
    expect(result.assignments).toEqual([{ locationId: "loc-KRK1", type: "PICKUP", source: "STOCK", lines: [{ lineId: "L1", variantId: "A", quantity: 1 }] }]);
    const reasons = Object.fromEntries(result.trace.candidates.map((c) => [c.code, c.rejections.map((r) => r.code)]));
    expect(reasons).toMatchObject({ WAW1: ["EXCLUDED"], KRK1: [], GDN1: ["NOT_NEEDED"], WH1: ["KIND_NOT_ALLOWED", "TYPE_NOT_OFFERED"], BER1: ["OUTSIDE_MARKET"] });
    expect(result.trace.steps[1]).toMatch(/customer's store WAW1 WAW1 could not pick these items, so another store that offers pickup may take them instead/);
    expect(result.trace.steps.join(" ")).toMatch(/KRK1 KRK1 can fill the whole order and ranks 1st \(\d+(\.\d)? km from the customer's store\)/);
  });

  it("a pickup whose store has no stock (not excluded) still waits there: collecting elsewhere is only for a short pick", () => {
    const result = routeOrder(
      input({
        order: order({ fulfillmentType: "PICKUP", pickupLocationId: "loc-WAW1", destination: null, lines: [{ lineId: "L1", variantId: "A", quantity: 1 }] }),
        atp: stock({ KRK1: { A: 4 } }),
      }),
    );
    expect(result.outcome).toBe("UNROUTABLE");
    expect(result.trace.candidates.find((c) => c.code === "KRK1")!.rejections.map((r) => r.code)).toEqual(["NOT_PICKUP_LOCATION"]);
    // Carry-out is never moved: the customer is standing in the store.
    const carry = routeOrder(
      input({
        order: order({ fulfillmentType: "CARRY_OUT", pickupLocationId: "loc-WAW1", destination: null, lines: [{ lineId: "L1", variantId: "A", quantity: 1 }] }),
        atp: stock({ KRK1: { A: 4 } }),
        excludeLocationIds: ["loc-WAW1"],
      }),
    );
    expect(carry.assignments).toEqual([]);
  });

  it("re-routes away from a location that rejected the line", () => {
    const atp = stock({ WAW1: { A: 5, B: 5 }, KRK1: { A: 5, B: 5 } });
    const result = routeOrder(input({ atp, excludeLocationIds: ["loc-WAW1"] }));
    expect(result.assignments[0]!.locationId).toBe("loc-KRK1");
    expect(result.trace.candidates.find((c) => c.code === "WAW1")!.rejections[0]!.code).toBe("EXCLUDED");
  });

  it("lets lines of one variant share that variant's stock", () => {
    const result = routeOrder(
      input({
        order: order({ lines: [
          { lineId: "L1", variantId: "A", quantity: 2 },
          { lineId: "L2", variantId: "A", quantity: 2 },
        ] }),
        atp: stock({ WAW1: { A: 3 }, KRK1: { A: 1 } }),
      }),
    );
    expect(result.outcome).toBe("ROUTED");
    expect(result.assignments.map((a) => [a.locationId, a.lines])).toEqual([
      ["loc-WAW1", [{ lineId: "L1", variantId: "A", quantity: 2 }, { lineId: "L2", variantId: "A", quantity: 1 }]],
      ["loc-KRK1", [{ lineId: "L2", variantId: "A", quantity: 1 }]],
    ]);
  });
});

describe("routeOrder properties (random networks)", () => {

  it("never promises more than is available, accounts for every unit, and is deterministic", () => {
    const random = seededRandom(7);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let run = 0; run < 400; run++) {
      const variants = ["A", "B", "C", "D"];
      const locs = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) =>
        location(`L${i}`, {
          kind: pick(["STORE", "STORE", "WAREHOUSE", "DROPSHIP_SUPPLIER"] as const),
          marketCode: pick(["PL", "PL", "DE"]),
          latitude: 49 + random() * 6,
          longitude: 14 + random() * 10,
          dailyCapacity: random() < 0.3 ? 2 : null,
          openLoad: Math.floor(random() * 3),
          active: random() < 0.9,
          fulfillmentTypes: random() < 0.8 ? ["SHIP", "PICKUP"] : ["PICKUP"],
        }),
      );
      const atp = new Map(locs.map((l) => [l.id, new Map(variants.map((v) => [v, Math.floor(random() * 4)]))]));
      const incoming = new Map(locs.map((l) => [l.id, new Map(variants.map((v) => [v, Math.floor(random() * 3)]))]));
      const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => ({
        lineId: `line${i}`,
        variantId: pick(variants),
        quantity: 1 + Math.floor(random() * 4),
      }));
      const r = rule({
        splitPolicy: pick(["NEVER", "WHEN_NEEDED", "MAX_SHIPMENTS"] as const),
        maxShipments: 1 + Math.floor(random() * 3),
        fallbacks: variants.length && random() < 0.5 ? ["BACKORDER", "DROPSHIP"] : [],
        filters: RoutingFilters.parse({ requireFullStock: random() < 0.2, stayInMarket: random() < 0.7 }),
      });
      const routingInput = input({ order: order({ lines }), locations: locs, atp, incoming, rules: [r] });
      const result = routeOrder(routingInput);

      // Every unit is either assigned or reported unassigned.
      for (const line of lines) {
        const assigned = result.assignments.flatMap((a) => a.lines).filter((l) => l.lineId === line.lineId);
        const open = result.unassigned.filter((l) => l.lineId === line.lineId);
        expect([...assigned, ...open].reduce((s, l) => s + l.quantity, 0)).toBe(line.quantity);
      }
      // Stock and dropship assignments never exceed availability; backorders never exceed incoming.
      for (const a of result.assignments) {
        const supply = a.source === "BACKORDER" ? incoming : a.source === "PREORDER" ? null : atp;
        if (!supply) continue;
        const byVariant = new Map<string, number>();
        for (const l of a.lines) byVariant.set(l.variantId, (byVariant.get(l.variantId) ?? 0) + l.quantity);
        for (const [v, n] of byVariant) expect(n).toBeLessThanOrEqual(supply.get(a.locationId)!.get(v)!);
      }
      // Shipments stay within the policy.
      const shipments = new Set(result.assignments.map((a) => `${a.locationId}:${a.source}`)).size;
      if (r.splitPolicy === "NEVER") expect(new Set(result.assignments.map((a) => a.locationId)).size).toBeLessThanOrEqual(1);
      if (r.splitPolicy === "MAX_SHIPMENTS") expect(shipments).toBeLessThanOrEqual(r.maxShipments!);
      // Rejected locations are never chosen for stock.
      for (const c of result.trace.candidates) {
        if (c.chosen && c.rank === null) {
          const a = result.assignments.filter((x) => x.locationId === c.locationId);
          expect(a.every((x) => x.source !== "STOCK")).toBe(true);
        }
      }
      // Same input, shuffled location order: same decision.
      const shuffled = routeOrder({ ...routingInput, locations: [...locs].reverse() });
      expect(shuffled).toEqual(result);
    }
  });
});

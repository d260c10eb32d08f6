import {
  builtInRuleSettings,
  type RejectionCode,
  type RoutingAssignment,
  type RoutingCandidateTrace,
  type RoutingCriterion,
  type RoutingResult,
} from "@oms/contracts";
import { greatCircleKm } from "./distance.ts";
import type { RoutingInput, RoutingLine, RoutingLocation, RoutingOrder, RoutingRuleSpec } from "./types.ts";

/** Used when no active rule matches the order; HQ can override it with any rule. */
export const defaultRoutingRule: RoutingRuleSpec = {
  id: null,
  name: "Built-in default: nearest location in the customer's market",
  priority: Number.MAX_SAFE_INTEGER,
  marketCode: null,
  channel: null,
  fulfillmentType: null,
  ...builtInRuleSettings,
};

/** The first active rule (lowest priority number) whose match fields fit the order. */
export function selectRoutingRule(rules: RoutingRuleSpec[], order: RoutingOrder): RoutingRuleSpec {
  const matching = rules
    .filter(
      (rule) =>
        (rule.marketCode === null || rule.marketCode === order.marketCode) &&
        (rule.channel === null || rule.channel === order.channel) &&
        (rule.fulfillmentType === null || rule.fulfillmentType === order.fulfillmentType),
    )
    .sort((a, b) => a.priority - b.priority || (a.id ?? "").localeCompare(b.id ?? ""));
  return matching[0] ?? defaultRoutingRule;
}

interface Candidate {
  location: RoutingLocation;
  distanceKm: number | null;
  fillableUnits: number;
  stockDepth: number;
  load: number;
  rejections: { code: RejectionCode; message: string }[];
  rank: number | null;
}

const criterionLabel: Record<RoutingCriterion, string> = {
  DISTANCE: "distance",
  STOCK_DEPTH: "stock depth",
  LOAD: "current load",
};

/**
 * Decides which locations fulfil which order lines. Pure and deterministic: the same input
 * gives the same result, and the result carries a trace of every location considered.
 * The method is documented in docs/routing.md.
 */
export function routeOrder(input: RoutingInput): RoutingResult {
  const { order } = input;
  const rule = selectRoutingRule(input.rules, order);
  const filters = rule.filters;
  const excluded = new Set(input.excludeLocationIds ?? []);
  const totalUnits = sum(order.lines.map((l) => l.quantity));
  const isStoreBound = order.fulfillmentType === "PICKUP" || order.fulfillmentType === "CARRY_OUT";
  // A pickup whose own store short-picked (it is excluded): the nearest other store with the
  // stock may hand the units over instead (the customer collects them there). See docs/routing.md.
  const collectElsewhere = order.fulfillmentType === "PICKUP" && order.pickupLocationId !== null && excluded.has(order.pickupLocationId);
  const storeOnly = isStoreBound && !collectElsewhere;
  const steps: string[] = [];

  steps.push(
    rule.id === null
      ? `No routing rule matches this order, so the built-in default applies: nearest location in the customer's market, split only when needed.`
      : `Rule "${rule.name}" (priority ${rule.priority}) applies to this order.`,
  );
  if (collectElsewhere) {
    const home = input.locations.find((l) => l.id === order.pickupLocationId);
    steps.push(
      `The customer's store${home ? ` ${home.code} ${home.name}` : ""} could not pick these items, so another store that offers pickup may take them instead, nearest to the customer's store first: the customer collects them there with a pickup code of its own.`,
    );
  }

  const candidates: Candidate[] = [...input.locations]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((location) => evaluate(location));

  function evaluate(location: RoutingLocation): Candidate {
    const distanceKm = order.destination
      ? round1(greatCircleKm(order.destination, { latitude: location.latitude, longitude: location.longitude }))
      : null;
    const atp = input.atp.get(location.id) ?? new Map<string, number>();
    const fillableUnits = fillable(order.lines, atp);
    const stockDepth = sum([...new Set(order.lines.map((l) => l.variantId))].map((v) => Math.max(0, atp.get(v) ?? 0)));
    const load = location.dailyCapacity ? location.openLoad / location.dailyCapacity : location.openLoad;
    const rejections: Candidate["rejections"] = [];
    const reject = (code: RejectionCode, message: string) => rejections.push({ code, message });

    if (excluded.has(location.id)) reject("EXCLUDED", "Excluded for this order (it rejected these items before).");
    if (!location.active) reject("INACTIVE", "The location is not active.");
    if (storeOnly) {
      if (location.id !== order.pickupLocationId) {
        reject("NOT_PICKUP_LOCATION", "The customer collects at another store.");
      }
    } else if (collectElsewhere) {
      if (location.kind !== "STORE") reject("KIND_NOT_ALLOWED", `Customers collect only at stores, not at ${kindLabel(location.kind)} locations.`);
    } else if (!filters.locationKinds.includes(location.kind)) {
      reject("KIND_NOT_ALLOWED", `This rule does not fulfil from ${kindLabel(location.kind)} locations.`);
    }
    if (!location.fulfillmentTypes.includes(order.fulfillmentType)) {
      reject("TYPE_NOT_OFFERED", `It does not offer ${typeLabel(order.fulfillmentType)}.`);
    }
    if (!storeOnly && filters.stayInMarket && order.marketCode && location.marketCode !== order.marketCode) {
      reject("OUTSIDE_MARKET", `It is in market ${location.marketCode}; the customer is in ${order.marketCode}.`);
    }
    if (!storeOnly && filters.maxDistanceKm !== null && distanceKm !== null && distanceKm > filters.maxDistanceKm) {
      reject("TOO_FAR", `It is ${distanceKm} km away; the limit is ${filters.maxDistanceKm} km.`);
    }
    if (filters.respectCapacity && location.dailyCapacity !== null && location.openLoad >= location.dailyCapacity) {
      reject("AT_CAPACITY", `It already has ${location.openLoad} open fulfillment orders today (capacity ${location.dailyCapacity}).`);
    }
    if (fillableUnits === 0) {
      reject("NO_STOCK", "It has none of the items available.");
    } else if (filters.requireFullStock && fillableUnits < totalUnits) {
      reject("PARTIAL_STOCK", `It can fill ${fillableUnits} of ${totalUnits} units and this rule needs one location with everything.`);
    }
    return { location, distanceKm, fillableUnits, stockDepth, load, rejections, rank: null };
  }

  const eligible = candidates.filter((c) => c.rejections.length === 0).sort(compareBy(rule.ranking));
  eligible.forEach((c, i) => (c.rank = i + 1));
  steps.push(
    `${candidates.length} locations considered; ${eligible.length} eligible` +
      (eligible.length > 0 ? `, ranked by ${rule.ranking.map((c) => criterionLabel[c]).join(", then ")}.` : "."),
  );

  const assignments: RoutingAssignment[] = [];
  const remaining = order.lines.map((l) => ({ ...l }));
  const consumed = new Map<string, Map<string, number>>();
  const shipmentLimit = rule.splitPolicy === "NEVER" ? 1 : rule.splitPolicy === "MAX_SHIPMENTS" ? (rule.maxShipments ?? 1) : Infinity;

  const full = eligible.find((c) => c.fillableUnits === totalUnits);
  if (full) {
    assign(full.location, "STOCK", takeFromStock(full.location.id));
    steps.push(
      `${describe(full)} can fill the whole order and ranks ${ordinal(full.rank!)}` +
        (full.distanceKm !== null ? ` (${full.distanceKm} km from the customer${collectElsewhere ? "'s store" : ""}).` : "."),
    );
  } else if (eligible.length > 0 && rule.splitPolicy === "NEVER") {
    steps.push("No single location can fill the whole order and this rule never splits.");
  } else if (eligible.length > 0) {
    steps.push(
      rule.splitPolicy === "MAX_SHIPMENTS"
        ? `No single location can fill the whole order; splitting into at most ${shipmentLimit} shipments.`
        : "No single location can fill the whole order; splitting it.",
    );
    const pool = [...eligible];
    while (units(remaining) > 0 && assignments.length < shipmentLimit && pool.length > 0) {
      // The location that fills most of what is left; ranking breaks ties.
      let best: Candidate | undefined;
      let bestUnits = 0;
      for (const c of pool) {
        const n = fillable(remaining, available(c.location.id));
        if (n > bestUnits) {
          best = c;
          bestUnits = n;
        }
      }
      if (!best) break;
      pool.splice(pool.indexOf(best), 1);
      assign(best.location, "STOCK", takeFromStock(best.location.id));
      steps.push(`${describe(best)} takes ${bestUnits} unit${bestUnits === 1 ? "" : "s"} (ranked ${ordinal(best.rank!)}).`);
    }
  }

  if (units(remaining) > 0) applyFallbacks();

  const unassigned = remaining.filter((l) => l.quantity > 0).map((l) => ({ ...l }));
  const chosenIds = new Set(assignments.map((a) => a.locationId));
  for (const c of eligible) {
    if (!chosenIds.has(c.location.id)) {
      c.rejections.push({ code: "NOT_NEEDED", message: `Eligible and ranked ${ordinal(c.rank!)}, but better-ranked locations covered the order.` });
    }
  }
  if (unassigned.length > 0) {
    steps.push(
      `${units(unassigned)} unit${units(unassigned) === 1 ? "" : "s"} could not be placed anywhere: the order needs a person to decide.`,
    );
  }
  const outcome = unassigned.length === 0 ? "ROUTED" : assignments.length > 0 ? "PARTIALLY_ROUTED" : "UNROUTABLE";

  return {
    outcome,
    assignments,
    unassigned,
    trace: {
      rule: { id: rule.id, name: rule.name },
      fulfillmentType: order.fulfillmentType,
      customerPosition: order.destination,
      candidates: candidates.map(
        (c): RoutingCandidateTrace => ({
          locationId: c.location.id,
          code: c.location.code,
          name: c.location.name,
          kind: c.location.kind,
          distanceKm: c.distanceKm,
          fillableUnits: c.fillableUnits,
          stockDepth: c.stockDepth,
          load: round2(c.load),
          rank: c.rank,
          chosen: chosenIds.has(c.location.id),
          rejections: c.rejections,
        }),
      ),
      steps,
      split: new Set(assignments.map((a) => a.locationId)).size > 1,
    },
  };

  function available(locationId: string): Map<string, number> {
    const atp = input.atp.get(locationId) ?? new Map<string, number>();
    const used = consumed.get(locationId);
    if (!used) return atp;
    const left = new Map(atp);
    for (const [variantId, n] of used) left.set(variantId, (left.get(variantId) ?? 0) - n);
    return left;
  }

  /** Moves what `locationId` can fill from `remaining` into a line list, recording use. */
  function takeFromStock(locationId: string, supply: Map<string, number> = available(locationId)): RoutingLine[] {
    const left = new Map(supply);
    const taken: RoutingLine[] = [];
    for (const line of remaining) {
      const n = Math.min(line.quantity, Math.max(0, left.get(line.variantId) ?? 0));
      if (n <= 0) continue;
      left.set(line.variantId, (left.get(line.variantId) ?? 0) - n);
      line.quantity -= n;
      taken.push({ lineId: line.lineId, variantId: line.variantId, quantity: n });
      const used = consumed.get(locationId) ?? new Map<string, number>();
      used.set(line.variantId, (used.get(line.variantId) ?? 0) + n);
      consumed.set(locationId, used);
    }
    return taken;
  }

  function assign(location: RoutingLocation, source: RoutingAssignment["source"], lines: RoutingLine[]) {
    if (lines.length === 0) return;
    const type = location.kind === "DROPSHIP_SUPPLIER" ? "SHIP" : order.fulfillmentType;
    const existing = assignments.find((a) => a.locationId === location.id && a.source === source);
    if (existing) existing.lines.push(...lines);
    else assignments.push({ locationId: location.id, type, source, lines });
  }

  function applyFallbacks() {
    // Locations rejected only for lack of stock (or not needed) may still take a backorder.
    const stockOnly = new Set<RejectionCode>(["NO_STOCK", "PARTIAL_STOCK"]);
    const backorderable = candidates
      .filter((c) => c.rejections.every((r) => stockOnly.has(r.code)))
      .sort(compareBy(rule.ranking));
    for (const fallback of rule.fallbacks) {
      if (units(remaining) === 0) return;
      if (assignments.length >= shipmentLimit && !assignments.some((a) => a.source === fallback)) {
        steps.push(`Fallback ${fallback.toLowerCase()} skipped: the rule allows at most ${shipmentLimit} shipment${shipmentLimit === 1 ? "" : "s"}.`);
        continue;
      }
      if (fallback === "DROPSHIP") {
        if (order.fulfillmentType !== "SHIP") continue;
        const suppliers = candidates
          .filter((c) => c.location.kind === "DROPSHIP_SUPPLIER" && c.location.active && !excluded.has(c.location.id))
          .sort(compareBy(rule.ranking));
        for (const supplier of suppliers) {
          if (assignments.length >= shipmentLimit) break;
          const lines = takeFromStock(supplier.location.id);
          if (lines.length === 0) continue;
          assign(supplier.location, "DROPSHIP", lines);
          steps.push(`Dropship supplier ${describe(supplier)} ships ${units(lines)} unit${units(lines) === 1 ? "" : "s"} directly.`);
        }
      } else if (fallback === "BACKORDER") {
        for (const c of backorderable) {
          if (assignments.length >= shipmentLimit && !assignments.some((a) => a.locationId === c.location.id)) break;
          const lines = takeFromStock(c.location.id, input.incoming.get(c.location.id) ?? new Map());
          if (lines.length === 0) continue;
          assign(c.location, "BACKORDER", lines);
          steps.push(`${describe(c)} has ${units(lines)} unit${units(lines) === 1 ? "" : "s"} arriving: backordered there.`);
        }
      } else if (fallback === "PREORDER") {
        const target = backorderable[0];
        if (!target) continue;
        const lines = remaining.filter((l) => l.quantity > 0).map((l) => ({ ...l }));
        for (const l of remaining) l.quantity = 0;
        assign(target.location, "PREORDER", lines);
        steps.push(`${describe(target)} takes the remaining ${units(lines)} unit${units(lines) === 1 ? "" : "s"} as a pre-order.`);
      }
    }
  }
}

function compareBy(ranking: RoutingCriterion[]) {
  return (a: Candidate, b: Candidate): number => {
    for (const criterion of ranking) {
      let diff = 0;
      if (criterion === "DISTANCE") diff = Math.round(a.distanceKm ?? 0) - Math.round(b.distanceKm ?? 0);
      else if (criterion === "STOCK_DEPTH") diff = b.stockDepth - a.stockDepth;
      else diff = a.load - b.load;
      if (diff !== 0) return diff;
    }
    return a.location.code.localeCompare(b.location.code);
  };
}

/** Units of `lines` that `atp` can cover, lines of one variant sharing its stock. */
function fillable(lines: RoutingLine[], atp: Map<string, number>): number {
  const left = new Map(atp);
  let n = 0;
  for (const line of lines) {
    const take = Math.min(line.quantity, Math.max(0, left.get(line.variantId) ?? 0));
    left.set(line.variantId, (left.get(line.variantId) ?? 0) - take);
    n += take;
  }
  return n;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const units = (lines: RoutingLine[]) => sum(lines.map((l) => l.quantity));
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const describe = (c: Candidate) => `${c.location.code} ${c.location.name}`;
const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;
const kindLabel = (kind: string) => ({ STORE: "store", WAREHOUSE: "warehouse", DROPSHIP_SUPPLIER: "dropship supplier" })[kind] ?? kind;
const typeLabel = (type: string) =>
  ({ CARRY_OUT: "carry-out", PICKUP: "pickup", SHIP: "shipping", DELIVERY: "local delivery" })[type] ?? type;

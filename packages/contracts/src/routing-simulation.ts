import { z } from "zod";
import { Channel, FulfillmentType } from "./enums.ts";
import type { RoutingFallback, SplitPolicy } from "./routing.ts";
import { RoutingFilters, RoutingResult, RoutingRuleInput } from "./routing.ts";

// The HQ routing editor (docs/hq-routing.md): a draft rule set that is not saved yet, the
// simulator (one made-up order) and the replay (recent orders) that try it, and the command
// that saves the draft as the new rule set.

/** The built-in rule's settings (routeOrder's default when no rule fits); a new rule in the editor starts from them. */
export const builtInRuleSettings: Pick<RoutingRuleInput, "filters" | "ranking" | "splitPolicy" | "maxShipments" | "fallbacks"> = {
  filters: RoutingFilters.parse({}),
  ranking: ["DISTANCE", "STOCK_DEPTH", "LOAD"],
  splitPolicy: "WHEN_NEEDED",
  maxShipments: null,
  fallbacks: ["BACKORDER", "DROPSHIP"],
};

/** The settings routing reads, picked from anything that has them (a stored rule read back, a draft rule). */
export function routingRuleSettings<F, K>(r: {
  name: string;
  priority: number;
  marketCode: string | null;
  channel: Channel | null;
  fulfillmentType: FulfillmentType | null;
  filters: F;
  ranking: K;
  splitPolicy: SplitPolicy;
  maxShipments: number | null;
  fallbacks: RoutingFallback[];
}) {
  return {
    name: r.name,
    priority: r.priority,
    marketCode: r.marketCode,
    channel: r.channel,
    fulfillmentType: r.fulfillmentType,
    filters: r.filters,
    ranking: r.ranking,
    splitPolicy: r.splitPolicy,
    maxShipments: r.maxShipments,
    fallbacks: r.fallbacks,
  };
}

/** A rule of the draft: an existing rule (its id) edited, or a new one (id null). */
export const DraftRoutingRule = RoutingRuleInput.extend({
  id: z.uuid({ message: "Choose a routing rule" }).nullable().default(null),
});
export type DraftRoutingRule = z.input<typeof DraftRoutingRule>;

/** The whole draft, in priority order (a rule list the editor shows). */
export const DraftRoutingRules = z.array(DraftRoutingRule).max(100, "Keep to at most 100 rules");

export const SimulatedAddress = z.object({
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Enter the two-letter country code, e.g. PL"),
  postalCode: z.string().trim().max(20).default(""),
  city: z.string().trim().max(100).default(""),
  latitude: z.number({ message: "Enter the latitude" }).min(-90, "Latitude is between -90 and 90").max(90, "Latitude is between -90 and 90").nullable().default(null),
  longitude: z.number({ message: "Enter the longitude" }).min(-180, "Longitude is between -180 and 180").max(180, "Longitude is between -180 and 180").nullable().default(null),
});
export type SimulatedAddress = z.infer<typeof SimulatedAddress>;

export const SimulateRoutingInput = z
  .object({
    channel: Channel.default("WEB"),
    fulfillmentType: FulfillmentType,
    /** SHIP and DELIVERY: where the goods go. */
    address: SimulatedAddress.nullable().default(null),
    /** PICKUP and CARRY_OUT: the store the customer comes to. */
    pickupLocationId: z.uuid({ message: "Choose the pickup store" }).nullable().default(null),
    items: z
      .array(
        z.object({
          sku: z.string().trim().min(1, "Enter a SKU").max(100),
          quantity: z.number({ message: "Enter a quantity" }).int("Whole units only").min(1, "At least 1").max(999, "At most 999"),
        }),
      )
      .min(1, "Add at least one item")
      .max(50, "At most 50 items"),
    /** The edited, unsaved rules; omitted: the saved rules. */
    rules: DraftRoutingRules.optional(),
  })
  .superRefine((input, ctx) => {
    const storeBound = input.fulfillmentType === "PICKUP" || input.fulfillmentType === "CARRY_OUT";
    if (storeBound && input.pickupLocationId === null) {
      ctx.addIssue({ code: "custom", path: ["pickupLocationId"], message: "Choose the store the customer comes to" });
    }
    if (!storeBound && input.address === null) {
      ctx.addIssue({ code: "custom", path: ["address", "countryCode"], message: "Enter where the goods go" });
    }
    if (input.address && (input.address.latitude === null) !== (input.address.longitude === null)) {
      const missing = input.address.latitude === null ? "latitude" : "longitude";
      ctx.addIssue({ code: "custom", path: ["address", missing], message: "Enter both coordinates, or neither" });
    }
  });
export type SimulateRoutingInput = z.input<typeof SimulateRoutingInput>;

export interface SimulatedItem {
  lineId: string;
  sku: string;
  variantId: string;
  name: string;
  quantity: number;
}

export interface RoutingSimulation {
  /** Which rules decided: the saved ones or the draft. */
  ruleSet: "SAVED" | "DRAFT";
  items: SimulatedItem[];
  marketCode: string | null;
  result: RoutingResult;
}

export const REPLAY_MAX_ORDERS = 2_000;

export const ReplayRoutingInput = z.object({
  days: z.number({ message: "Enter a number of days" }).int("Whole days only").min(1, "At least 1 day").max(90, "At most 90 days"),
  /** The edited, unsaved rules to compare with the saved ones. */
  rules: DraftRoutingRules,
});
export type ReplayRoutingInput = z.input<typeof ReplayRoutingInput>;

export interface ReplayLocationLoad {
  locationId: string;
  code: string;
  name: string;
  orders: number;
  units: number;
}

export interface ReplayMetrics {
  /** Orders replayed. */
  orders: number;
  /** Orders served from more than one location, of all orders replayed. */
  splitOrders: number;
  splitRate: number;
  /** Shipments (SHIP/DELIVERY) with a known customer position: distance location → customer. */
  shipments: number;
  meanDistanceKm: number | null;
  p90DistanceKm: number | null;
  routed: number;
  partiallyRouted: number;
  /** Orders no location could take any unit of. */
  unroutable: number;
  /** Units by location, every location listed (zero included), by code. */
  load: ReplayLocationLoad[];
}

export interface ReplayChangedOrder {
  orderId: string;
  number: string;
  placedAt: Date;
  fulfillmentType: FulfillmentType;
  /** Location codes, sorted; empty = nothing placed. */
  saved: string[];
  draft: string[];
}

export interface RoutingReplay {
  days: number;
  from: Date;
  to: Date;
  /** Orders placed in the window (before the cut). */
  ordersInWindow: number;
  /** Orders replayed: the newest REPLAY_MAX_ORDERS of them. */
  ordersReplayed: number;
  truncated: boolean;
  saved: ReplayMetrics;
  draft: ReplayMetrics;
  /** Orders whose set of locations differs between the two rule sets. */
  changedOrders: number;
  /** The newest changed orders (at most 50). */
  changed: ReplayChangedOrder[];
  /** Milliseconds spent routing (both rule sets), without the database reads. */
  routingMs: number;
}

export const SaveRoutingRulesInput = z.object({
  /** The new rule set in priority order; rules left out are deleted. */
  rules: DraftRoutingRules,
  /** The saved rules the draft started from (id and updatedAt), to refuse a save over someone else's change. */
  basedOn: z.array(z.object({ id: z.uuid(), updatedAt: z.coerce.date() })).max(100),
});
export type SaveRoutingRulesInput = z.input<typeof SaveRoutingRulesInput>;

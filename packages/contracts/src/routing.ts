import { z } from "zod";
import { FulfillmentType, LocationKind } from "./enums.ts";

export const RoutingCriterion = z.enum(["DISTANCE", "STOCK_DEPTH", "LOAD"]);
export type RoutingCriterion = z.infer<typeof RoutingCriterion>;

export const SplitPolicy = z.enum(["NEVER", "WHEN_NEEDED", "MAX_SHIPMENTS"]);
export type SplitPolicy = z.infer<typeof SplitPolicy>;

export const RoutingFallback = z.enum(["BACKORDER", "PREORDER", "DROPSHIP"]);
export type RoutingFallback = z.infer<typeof RoutingFallback>;

/** RoutingRule.filters */
export const RoutingFilters = z.object({
  /** Only locations of the customer's market (by the delivery country). */
  stayInMarket: z.boolean().default(true),
  /** Only locations that can fill every line on their own (forbids splitting). */
  requireFullStock: z.boolean().default(false),
  /** Great-circle distance limit from the customer; null = none. */
  maxDistanceKm: z.number().positive().nullable().default(null),
  /** Skip locations whose open fulfillment orders reached their daily capacity. */
  respectCapacity: z.boolean().default(true),
  /** Kinds that may fulfil in the normal pass (dropship suppliers are a fallback). */
  locationKinds: z.array(LocationKind).min(1).default(["STORE", "WAREHOUSE"]),
});
export type RoutingFilters = z.infer<typeof RoutingFilters>;

export const RoutingRuleInput = z.object({
  name: z.string().trim().min(1, "Give the rule a name").max(120),
  priority: z.number().int().min(0).max(10_000),
  active: z.boolean().default(true),
  marketCode: z.string().nullable().default(null),
  channel: z.enum(["POS", "WEB", "MARKETPLACE", "SOCIAL", "PHONE"]).nullable().default(null),
  fulfillmentType: FulfillmentType.nullable().default(null),
  filters: RoutingFilters,
  ranking: z.array(RoutingCriterion).min(1, "Rank by at least one criterion").max(3),
  splitPolicy: SplitPolicy,
  maxShipments: z.number().int().min(1).max(10).nullable().default(null),
  fallbacks: z.array(RoutingFallback).default([]),
});
export type RoutingRuleInput = z.infer<typeof RoutingRuleInput>;

export const RejectionCode = z.enum([
  "INACTIVE",
  "KIND_NOT_ALLOWED",
  "TYPE_NOT_OFFERED",
  "OUTSIDE_MARKET",
  "TOO_FAR",
  "AT_CAPACITY",
  "NO_STOCK",
  "PARTIAL_STOCK",
  "EXCLUDED",
  "NOT_PICKUP_LOCATION",
  "NOT_NEEDED",
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const RoutingCandidateTrace = z.object({
  locationId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: LocationKind,
  distanceKm: z.number().nullable(),
  /** Units of the order this location can fill now, out of the order's total. */
  fillableUnits: z.number().int(),
  stockDepth: z.number().int(),
  load: z.number(),
  /** 1 = best; null when rejected. */
  rank: z.number().int().nullable(),
  chosen: z.boolean(),
  rejections: z.array(z.object({ code: RejectionCode, message: z.string() })),
});
export type RoutingCandidateTrace = z.infer<typeof RoutingCandidateTrace>;

export const RoutingAssignment = z.object({
  locationId: z.string(),
  type: FulfillmentType,
  /** How the units are sourced: from stock now, or by a fallback. */
  source: z.enum(["STOCK", "BACKORDER", "PREORDER", "DROPSHIP"]),
  lines: z.array(z.object({ lineId: z.string(), variantId: z.string(), quantity: z.number().int().positive() })),
});
export type RoutingAssignment = z.infer<typeof RoutingAssignment>;

export const RoutingResult = z.object({
  outcome: z.enum(["ROUTED", "PARTIALLY_ROUTED", "UNROUTABLE"]),
  assignments: z.array(RoutingAssignment),
  unassigned: z.array(z.object({ lineId: z.string(), variantId: z.string(), quantity: z.number().int().positive() })),
  trace: z.object({
    rule: z.object({ id: z.string().nullable(), name: z.string() }),
    fulfillmentType: FulfillmentType,
    customerPosition: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    candidates: z.array(RoutingCandidateTrace),
    /** The decision in plain sentences, in order. */
    steps: z.array(z.string()),
    split: z.boolean(),
  }),
});
export type RoutingResult = z.infer<typeof RoutingResult>;

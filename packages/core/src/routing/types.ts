import type { Channel, FulfillmentType, LocationKind, RoutingCriterion, RoutingFallback, RoutingFilters, SplitPolicy } from "@oms/contracts";
import type { Position } from "./distance.ts";

export interface RoutingLine {
  lineId: string;
  variantId: string;
  quantity: number;
}

export interface RoutingOrder {
  channel: Channel;
  fulfillmentType: FulfillmentType;
  /** Market of the delivery country (SHIP/DELIVERY) or of the pickup store. */
  marketCode: string | null;
  /** Where the goods go; null when unknown (then distance ranks nothing). */
  destination: Position | null;
  /** PICKUP and CARRY_OUT: the store the customer comes to. */
  pickupLocationId: string | null;
  lines: RoutingLine[];
}

export interface RoutingLocation {
  id: string;
  code: string;
  name: string;
  kind: LocationKind;
  marketCode: string;
  fulfillmentTypes: FulfillmentType[];
  latitude: number;
  longitude: number;
  active: boolean;
  dailyCapacity: number | null;
  /** Open fulfillment orders assigned today. */
  openLoad: number;
}

export interface RoutingRuleSpec {
  id: string | null;
  name: string;
  priority: number;
  marketCode: string | null;
  channel: Channel | null;
  fulfillmentType: FulfillmentType | null;
  filters: RoutingFilters;
  ranking: RoutingCriterion[];
  splitPolicy: SplitPolicy;
  maxShipments: number | null;
  fallbacks: RoutingFallback[];
}

export interface RoutingInput {
  order: RoutingOrder;
  locations: RoutingLocation[];
  /** Available to promise now: locationId -> variantId -> units. */
  atp: Map<string, Map<string, number>>;
  /** Units arriving (transfers in transit, open purchase orders): locationId -> variantId -> units. */
  incoming: Map<string, Map<string, number>>;
  rules: RoutingRuleSpec[];
  /** Locations that must not be chosen (e.g. a store rejected the line). */
  excludeLocationIds?: string[];
}

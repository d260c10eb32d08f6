export { routeOrder, selectRoutingRule, defaultRoutingRule } from "./route-order.ts";
export { greatCircleKm, type Position } from "./distance.ts";
export type { RoutingInput, RoutingLine, RoutingLocation, RoutingOrder, RoutingRuleSpec } from "./types.ts";

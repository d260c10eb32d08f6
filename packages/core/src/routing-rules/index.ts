// Routing rules as HQ edits them; routing itself (routeOrder) lives in ../routing and
// reads active rules through the orders module's loader.
export { listRoutingRules } from "./list-routing-rules.ts";
export { createRoutingRule } from "./create-routing-rule.ts";
export { updateRoutingRule } from "./update-routing-rule.ts";
export type { RoutingRuleView } from "./rule-rows.ts";

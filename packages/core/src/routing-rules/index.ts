// Routing rules as HQ edits them; routing itself (routeOrder) lives in ../routing and
// reads active rules through the orders module's loader. The simulator and the replay try
// a draft rule set without saving it (docs/hq-routing.md).
export { listRoutingRules } from "./list-routing-rules.ts";
export { createRoutingRule } from "./create-routing-rule.ts";
export { updateRoutingRule } from "./update-routing-rule.ts";
export { saveRoutingRules } from "./save-routing-rules.ts";
export { simulateRouting } from "./simulate-routing.ts";
export { replayRouting } from "./replay-routing.ts";
export { getRoutingNetwork, type RoutingNetworkView } from "./get-routing-network.ts";
export type { RoutingRuleView } from "./rule-rows.ts";

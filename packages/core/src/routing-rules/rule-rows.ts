import { RoutingRuleInput } from "@oms/contracts";
import type { Prisma, RoutingRule } from "@oms/db";

/** The columns of a RoutingRule row from a parsed RoutingRuleInput. */
export function ruleData(input: RoutingRuleInput) {
  return {
    name: input.name,
    priority: input.priority,
    active: input.active,
    marketCode: input.marketCode,
    channel: input.channel,
    fulfillmentType: input.fulfillmentType,
    filters: input.filters as Prisma.InputJsonValue,
    ranking: input.ranking as Prisma.InputJsonValue,
    splitPolicy: input.splitPolicy,
    maxShipments: input.splitPolicy === "MAX_SHIPMENTS" ? input.maxShipments : null,
    fallbacks: input.fallbacks,
  } satisfies Prisma.RoutingRuleUncheckedCreateInput;
}

/** A stored rule with its JSON read back; `valid` is false when routing would skip it. */
export function readRule(row: RoutingRule) {
  const parsed = RoutingRuleInput.shape.filters.safeParse(row.filters);
  const ranking = RoutingRuleInput.shape.ranking.safeParse(row.ranking);
  return {
    ...row,
    filters: parsed.success ? parsed.data : null,
    ranking: ranking.success ? ranking.data : null,
    valid: parsed.success && ranking.success,
  };
}
export type RoutingRuleView = ReturnType<typeof readRule>;

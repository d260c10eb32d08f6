import { AppError, UpdateRoutingRuleInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { assertRole } from "../access.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertShipmentLimit } from "./create-routing-rule.ts";
import { readRule, ruleData, type RoutingRuleView } from "./rule-rows.ts";

/** Replaces a rule's settings (HQ only); orders already routed keep their trace. */
export async function updateRoutingRule(rawInput: UpdateRoutingRuleInput, ctx: DomainContext): Promise<RoutingRuleView> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { routingRuleId, ...input } = parseInput(UpdateRoutingRuleInput, rawInput);
  assertShipmentLimit(input);
  const updated = await ctx.db.routingRule.updateMany({ where: { id: routingRuleId }, data: { ...ruleData(input), updatedAt: ctx.now } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "That routing rule does not exist.", { routingRuleId });
  return readRule(await ctx.db.routingRule.findUniqueOrThrow({ where: { id: routingRuleId } }));
}

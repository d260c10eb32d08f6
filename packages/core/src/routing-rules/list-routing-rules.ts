import type { DomainContext } from "../context.ts";
import { assertRole } from "../access.ts";
import { readRule, type RoutingRuleView } from "./rule-rows.ts";

/** Every rule in the order routing tries them (priority, then id), inactive ones too. */
export async function listRoutingRules(ctx: DomainContext): Promise<RoutingRuleView[]> {
  assertRole(ctx.actor, ["ADMIN"]);
  const rows = await ctx.db.routingRule.findMany({ orderBy: [{ priority: "asc" }, { id: "asc" }] });
  return rows.map(readRule);
}

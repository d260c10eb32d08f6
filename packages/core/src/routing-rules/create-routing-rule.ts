import { RoutingRuleInput } from "@oms/contracts";
import type { z } from "zod";
import { withTransaction, type DomainContext } from "../context.ts";
import { assertRole } from "../access.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertShipmentLimit } from "./draft-rules.ts";
import { auditRuleChange, auditView } from "./rule-audit.ts";
import { readRule, ruleData, type RoutingRuleView } from "./rule-rows.ts";

/** Adds a routing rule (HQ only), with its AuditLog row. Active rules apply to orders routed from now on. */
export async function createRoutingRule(rawInput: z.input<typeof RoutingRuleInput>, ctx: DomainContext): Promise<RoutingRuleView> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(RoutingRuleInput, rawInput);
  assertShipmentLimit(input);
  return withTransaction(ctx, async (tx) => {
    const row = await tx.routingRule.create({ data: { ...ruleData(input), createdAt: ctx.now, updatedAt: ctx.now } });
    await auditRuleChange(tx, ctx, { action: "routingRule.created", ruleId: row.id, before: null, after: auditView(row) });
    return readRule(row);
  });
}

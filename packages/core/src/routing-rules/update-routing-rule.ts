import { AppError, UpdateRoutingRuleInput } from "@oms/contracts";
import type { RoutingRule } from "@oms/db";
import { withTransaction, type DomainContext } from "../context.ts";
import { assertRole } from "../access.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertShipmentLimit } from "./draft-rules.ts";
import { auditRuleChange, auditView, sameRule } from "./rule-audit.ts";
import { readRule, ruleData, type RoutingRuleView } from "./rule-rows.ts";

/**
 * Replaces a rule's settings (HQ only) with an AuditLog row of before and after; saving
 * unchanged settings writes nothing. Orders already routed keep their trace.
 */
export async function updateRoutingRule(rawInput: UpdateRoutingRuleInput, ctx: DomainContext): Promise<RoutingRuleView> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { routingRuleId, ...input } = parseInput(UpdateRoutingRuleInput, rawInput);
  assertShipmentLimit(input);
  return withTransaction(ctx, async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "RoutingRule" WHERE "id" = ${routingRuleId}::uuid FOR UPDATE`;
    const before = await tx.routingRule.findUnique({ where: { id: routingRuleId } });
    if (!before) throw new AppError("NOT_FOUND", "That routing rule does not exist.", { routingRuleId });
    const data = ruleData(input);
    if (sameRule(auditView(before), auditView({ ...before, ...data } as RoutingRule))) return readRule(before);
    const after = await tx.routingRule.update({ where: { id: routingRuleId }, data: { ...data, updatedAt: ctx.now } });
    await auditRuleChange(tx, ctx, { action: "routingRule.updated", ruleId: routingRuleId, before: auditView(before), after: auditView(after) });
    return readRule(after);
  });
}

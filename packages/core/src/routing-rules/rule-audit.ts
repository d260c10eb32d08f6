import type { Prisma, RoutingRule, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
import { routingRuleSettings } from "@oms/contracts";
import { readRule } from "./rule-rows.ts";

/** The settings of a rule as the audit log keeps them (JSON read back in schema order, so equal rules compare equal). */
export function auditView(row: RoutingRule) {
  const rule = readRule(row);
  return { ...routingRuleSettings(rule), active: rule.active };
}
export type RuleAuditView = ReturnType<typeof auditView>;

export const sameRule = (a: RuleAuditView, b: RuleAuditView) => JSON.stringify(a) === JSON.stringify(b);

/** One AuditLog row per rule change: created (after), updated (before and after), deleted (before). */
export async function auditRuleChange(
  tx: Tx,
  ctx: DomainContext,
  change: { action: "routingRule.created" | "routingRule.updated" | "routingRule.deleted"; ruleId: string; before: RuleAuditView | null; after: RuleAuditView | null },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...actorRef(ctx.actor),
      action: change.action,
      entityType: "RoutingRule",
      entityId: change.ruleId,
      data: { before: change.before, after: change.after } as Prisma.InputJsonValue,
      createdAt: ctx.now,
    },
  });
}

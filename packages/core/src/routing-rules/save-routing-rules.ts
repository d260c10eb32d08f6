import { AppError, SaveRoutingRulesInput } from "@oms/contracts";
import type { RoutingRule } from "@oms/db";
import { withTransaction, type DomainContext } from "../context.ts";
import { assertRole } from "../access.ts";
import { parseInput } from "../shared/parse-input.ts";
import { draftRuleSpecs } from "./draft-rules.ts";
import { auditRuleChange, auditView, sameRule } from "./rule-audit.ts";
import { readRule, ruleData, type RoutingRuleView } from "./rule-rows.ts";

/** pg_advisory_xact_lock key serializing saves of the rule set ("oms" routing, 1). */
const RULE_SET_LOCK_KEY = 0x6f6d7401;

/** Priorities follow the list: 10, 20, 30 … so a rule can later go between two without renumbering. */
export const priorityAt = (index: number) => (index + 1) * 10;

/**
 * Saves the editor's draft as the rule set, in one transaction (HQ only): rules left out
 * are deleted, new ones (id null) created, the others updated, and every rule's priority
 * follows its place in the list. Each rule that changed gets one AuditLog row (before and
 * after). Refuses with CONFLICT when the saved rules are no longer the ones the draft
 * started from (someone else saved in between), so nobody overwrites a change unseen.
 */
export async function saveRoutingRules(rawInput: unknown, ctx: DomainContext): Promise<RoutingRuleView[]> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(SaveRoutingRulesInput, rawInput);
  draftRuleSpecs(input.rules); // the same checks as the simulator: shipment limits, no rule twice

  return withTransaction(ctx, async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${RULE_SET_LOCK_KEY}::bigint)::text AS locked`;
    const current = await tx.routingRule.findMany({ orderBy: [{ priority: "asc" }, { id: "asc" }] });
    const byId = new Map(current.map((r) => [r.id, r]));
    const based = new Map(input.basedOn.map((b) => [b.id, b.updatedAt.getTime()]));
    const stale = current.length !== based.size || current.some((r) => based.get(r.id) !== r.updatedAt.getTime());
    if (stale) {
      throw new AppError("CONFLICT", "Someone else changed the routing rules since you opened them. Reload to see their changes, then make yours again.", {
        saved: current.map((r) => ({ id: r.id, updatedAt: r.updatedAt.toISOString() })),
      });
    }
    input.rules.forEach((rule, i) => {
      if (rule.id !== null && !byId.has(rule.id)) {
        throw new AppError("VALIDATION_FAILED", `rules.${i}.id: That routing rule does not exist any more.`, { fields: [{ path: ["rules", i, "id"], message: "This rule does not exist any more" }] });
      }
    });

    const kept = new Set(input.rules.flatMap((r) => (r.id ? [r.id] : [])));
    for (const row of current) {
      if (kept.has(row.id)) continue;
      await tx.routingRule.delete({ where: { id: row.id } });
      await auditRuleChange(tx, ctx, { action: "routingRule.deleted", ruleId: row.id, before: auditView(row), after: null });
    }
    for (const [i, rule] of input.rules.entries()) {
      const data = ruleData({ ...rule, priority: priorityAt(i) });
      const before = rule.id ? byId.get(rule.id) : undefined;
      if (!before) {
        const row = await tx.routingRule.create({ data: { ...data, createdAt: ctx.now, updatedAt: ctx.now } });
        await auditRuleChange(tx, ctx, { action: "routingRule.created", ruleId: row.id, before: null, after: auditView(row) });
        continue;
      }
      if (sameRule(auditView(before), auditView({ ...before, ...data } as RoutingRule))) continue;
      const after = await tx.routingRule.update({ where: { id: before.id }, data: { ...data, updatedAt: ctx.now } });
      await auditRuleChange(tx, ctx, { action: "routingRule.updated", ruleId: before.id, before: auditView(before), after: auditView(after) });
    }
    const saved = await tx.routingRule.findMany({ orderBy: [{ priority: "asc" }, { id: "asc" }] });
    return saved.map(readRule);
  });
}

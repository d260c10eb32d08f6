import { AppError, routingRuleSettings, type RoutingRuleInput } from "@oms/contracts";
import type { PrismaClient, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import type { RoutingRuleSpec } from "../routing/index.ts";

export type ParsedDraftRule = RoutingRuleInput & { id: string | null };

/** MAX_SHIPMENTS needs its limit; the other policies ignore it. `path` leads to the rule. */
export function assertShipmentLimit(input: RoutingRuleInput, path: (string | number)[] = []): void {
  if (input.splitPolicy === "MAX_SHIPMENTS" && input.maxShipments === null) {
    throw new AppError("VALIDATION_FAILED", `${[...path, "maxShipments"].join(".")}: Say how many shipments the order may be split into.`, {
      fields: [{ path: [...path, "maxShipments"], message: "Enter the largest number of shipments" }],
    });
  }
}

/**
 * The draft's rules as routeOrder wants them: inactive ones left out, each checked like a
 * saved rule. A new rule has no id yet, so it gets a stable stand-in ("draft-2": the third rule).
 */
export function draftRuleSpecs(rules: ParsedDraftRule[]): RoutingRuleSpec[] {
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    assertShipmentLimit(rule, ["rules", i]);
    if (rule.id === null) return;
    if (seen.has(rule.id)) {
      throw new AppError("VALIDATION_FAILED", `rules.${i}.id: That rule is in the list twice.`, { fields: [{ path: ["rules", i, "id"], message: "This rule is in the list twice" }] });
    }
    seen.add(rule.id);
  });
  return rules.flatMap((rule, i) =>
    rule.active ? [{ ...routingRuleSettings(rule), id: rule.id ?? `draft-${i}`, maxShipments: rule.splitPolicy === "MAX_SHIPMENTS" ? rule.maxShipments : null }] : [],
  );
}

/**
 * Runs `fn` in a read-only transaction: one consistent view of stock and orders, and the
 * database itself refuses any write (the simulator and the replay must change nothing).
 * Inside a caller's transaction it joins that one.
 */
export async function readOnly<T>(ctx: DomainContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const root = ctx.db as PrismaClient;
  if (typeof root.$connect !== "function") return fn(ctx.db);
  return root.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      return fn(tx);
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

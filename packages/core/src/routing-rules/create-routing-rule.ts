import { AppError, RoutingRuleInput } from "@oms/contracts";
import type { z } from "zod";
import type { DomainContext } from "../context.ts";
import { assertRole } from "../access.ts";
import { parseInput } from "../shared/parse-input.ts";
import { readRule, ruleData, type RoutingRuleView } from "./rule-rows.ts";

/** MAX_SHIPMENTS needs its limit; the other policies ignore it. */
export function assertShipmentLimit(input: RoutingRuleInput): void {
  if (input.splitPolicy === "MAX_SHIPMENTS" && input.maxShipments === null) {
    throw new AppError("VALIDATION_FAILED", "maxShipments: Say how many shipments the order may be split into.", {
      fields: [{ path: ["maxShipments"], message: "Enter the largest number of shipments" }],
    });
  }
}

/** Adds a routing rule (HQ only). Active rules apply to orders routed from now on. */
export async function createRoutingRule(rawInput: z.input<typeof RoutingRuleInput>, ctx: DomainContext): Promise<RoutingRuleView> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(RoutingRuleInput, rawInput);
  assertShipmentLimit(input);
  const row = await ctx.db.routingRule.create({ data: { ...ruleData(input), createdAt: ctx.now, updatedAt: ctx.now } });
  return readRule(row);
}

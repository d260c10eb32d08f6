import { ReplayRoutingInput, RoutingRuleInput, SaveRoutingRulesInput, SimulateRoutingInput, UpdateRoutingRuleInput } from "@oms/contracts";
import { createRoutingRule, getRoutingNetwork, listRoutingRules, replayRouting, saveRoutingRules, simulateRouting, updateRoutingRule } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

// The HQ routing editor (docs/hq-routing.md). simulate and replay only read (a read-only
// transaction) but are POSTs: they carry the whole draft rule set, too long for a query URL.
// save replaces the rule set from the editor's draft in one transaction.
const hq = roleProcedure(["ADMIN"]);

export const routingRulesRouter = router({
  list: hq.query(({ ctx }) => listRoutingRules(domainContext(ctx))),
  network: hq.query(({ ctx }) => getRoutingNetwork(domainContext(ctx))),
  create: hq.input(RoutingRuleInput).mutation(({ ctx, input }) => createRoutingRule(input, domainContext(ctx))),
  update: hq.input(UpdateRoutingRuleInput).mutation(({ ctx, input }) => updateRoutingRule(input, domainContext(ctx))),
  save: hq.input(SaveRoutingRulesInput).mutation(({ ctx, input }) => saveRoutingRules(input, domainContext(ctx))),
  simulate: hq.input(SimulateRoutingInput).mutation(({ ctx, input }) => simulateRouting(input, domainContext(ctx))),
  replay: hq.input(ReplayRoutingInput).mutation(({ ctx, input }) => replayRouting(input, domainContext(ctx))),
});

import { RoutingRuleInput, UpdateRoutingRuleInput } from "@oms/contracts";
import { createRoutingRule, listRoutingRules, updateRoutingRule } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

// `simulate` is missing on purpose: the loader of routing inputs (orders/routing-input.ts)
// is not exported by the orders module and takes a stored order (see docs/api-trpc.md).
const hq = roleProcedure(["ADMIN"]);

export const routingRulesRouter = router({
  list: hq.query(({ ctx }) => listRoutingRules(domainContext(ctx))),
  create: hq.input(RoutingRuleInput).mutation(({ ctx, input }) => createRoutingRule(input, domainContext(ctx))),
  update: hq.input(UpdateRoutingRuleInput).mutation(({ ctx, input }) => updateRoutingRule(input, domainContext(ctx))),
});

import { CreateExchangeInput, CreateReturnInput, GetReturnableLinesInput, ListReturnsInput } from "@oms/contracts";
import { createExchange, createReturn, getReturnableLines, listReturns } from "@oms/core";
import { domainContext } from "../context.ts";
import { authedProcedure, locationRoleProcedure, router } from "../trpc.ts";
import { listScope } from "./guards.ts";

/** Returns are taken anywhere, for an order from any channel, at the receiving location. */
const counter = ["ADMIN", "MANAGER", "CASHIER"] as const;

export const returnsRouter = router({
  create: locationRoleProcedure(counter).input(CreateReturnInput).mutation(({ ctx, input }) => createReturn(input, domainContext(ctx))),
  exchange: locationRoleProcedure(counter).input(CreateExchangeInput).mutation(({ ctx, input }) => createExchange(input, domainContext(ctx))),
  /** Any order: the customer may bring it back to any store. */
  returnableLines: authedProcedure.input(GetReturnableLinesInput).query(({ ctx, input }) => getReturnableLines(input, domainContext(ctx))),
  /** ADMIN: every location; store roles: returns received at their store. */
  list: authedProcedure.input(ListReturnsInput).query(async ({ ctx, input }) => listReturns({ ...input, locationId: await listScope(ctx, input.locationId) }, domainContext(ctx))),
});

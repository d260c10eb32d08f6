import {
  CreateExchangeInput,
  CreateReturnInput,
  FindExchangeItemsInput,
  FindTillOrdersInput,
  GetReturnableLinesInput,
  ListReturnsInput,
  StoreCreditCodeInput,
  TillOrderInput,
} from "@oms/contracts";
import { createExchange, createReturn, findExchangeItems, findTillOrders, getReturnableLines, getStoreCredit, getTillOrder, listReturns } from "@oms/core";
import { exchangeAtTill, paymentProvider, returnAtTill, type PaymentsContext } from "@oms/payments";
import { domainContext } from "../context.ts";
import { authedProcedure, locationRoleProcedure, roleProcedure, router } from "../trpc.ts";
import { listScope, type AuthedContext } from "./guards.ts";

/** Returns are taken anywhere, for an order from any channel, at the receiving location. */
const counter = ["ADMIN", "MANAGER", "CASHIER"] as const;

function paymentsContext(ctx: AuthedContext): PaymentsContext {
  return { db: ctx.db, provider: paymentProvider(), actor: ctx.actor, now: ctx.now() };
}

export const returnsRouter = router({
  create: locationRoleProcedure(counter).input(CreateReturnInput).mutation(({ ctx, input }) => createReturn(input, domainContext(ctx))),
  exchange: locationRoleProcedure(counter).input(CreateExchangeInput).mutation(({ ctx, input }) => createExchange(input, domainContext(ctx))),
  /** Any order: the customer may bring it back to any store. */
  returnableLines: authedProcedure.input(GetReturnableLinesInput).query(({ ctx, input }) => getReturnableLines(input, domainContext(ctx))),
  /** ADMIN: every location; store roles: returns received at their store. */
  list: authedProcedure.input(ListReturnsInput).query(async ({ ctx, input }) => listReturns({ ...input, locationId: await listScope(ctx, input.locationId) }, domainContext(ctx))),

  // ── the till ──
  /** A return at the caller's store; card refunds run after commit and their outcome comes back. */
  tillReturn: locationRoleProcedure(counter).input(CreateReturnInput).mutation(({ ctx, input }) => returnAtTill(input, paymentsContext(ctx))),
  /** An exchange at the caller's store; a card refund of the difference runs after commit. */
  tillExchange: locationRoleProcedure(counter).input(CreateExchangeInput).mutation(({ ctx, input }) => exchangeAtTill(input, paymentsContext(ctx))),
  /**
   * The store's recent sales, or any order by receipt / number / customer (any channel,
   * any store: goods come back anywhere). Scoped to the till's store for the recent list.
   */
  findOrders: locationRoleProcedure(counter).input(FindTillOrdersInput).query(({ ctx, input }) => findTillOrders(input, domainContext(ctx))),
  /** One order for a return or a reprint, whichever store sold it (counter staff only). */
  tillOrder: roleProcedure(counter).input(TillOrderInput).query(({ ctx, input }) => getTillOrder(input, { db: ctx.db })),
  /** A store credit's balance by its code (redeemed as a tender at any store). */
  storeCredit: roleProcedure(counter).input(StoreCreditCodeInput).query(({ ctx, input }) => getStoreCredit(input, { db: ctx.db })),
  /** Replacement items for an exchange: price and stock at the store. */
  exchangeItems: locationRoleProcedure(counter).input(FindExchangeItemsInput).query(({ ctx, input }) => findExchangeItems(input, { db: ctx.db })),
});

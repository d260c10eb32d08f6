import {
  AppError,
  CancelOrderInput,
  CancelOrderLineInput,
  ChangeShippingAddressInput,
  CreateOrderInput,
  ListOrdersInput,
  MergeOrdersInput,
  OrderExportInput,
  OrderIdInput,
  OrderTableInput,
  RerouteOrderInput,
  SplitOrderInput,
} from "@oms/contracts";
import {
  assertCanAccessOrder,
  assertRole,
  cancelOrder,
  cancelOrderLine,
  changeShippingAddress,
  createOrder,
  exportOrdersCsv,
  getOrder,
  listOrders,
  listOrderTable,
  mergeOrders,
  rerouteOrder,
  splitOrder,
  sweepLateOrders,
} from "@oms/core";
import { domainContext } from "../context.ts";
import { authedProcedure, roleProcedure, router } from "../trpc.ts";
import { ALL_ROLES, assertLocation, listScope, scopedProcedure, type AuthedContext } from "./guards.ts";

/** Changing an order: HQ, or the manager of a store the order involves. */
const editors = ["ADMIN", "MANAGER"] as const;
const orderScope = (ctx: AuthedContext, input: { orderId: string }) => assertCanAccessOrder(ctx.actor, input.orderId, ctx.db);

export const ordersRouter = router({
  /** ADMIN: every order; store roles: orders rung up at or fulfilled by their store. */
  list: authedProcedure.input(ListOrdersInput).query(async ({ ctx, input }) => listOrders({ ...input, locationId: await listScope(ctx, input.locationId) }, { db: ctx.db })),
  /** The HQ orders table: one sorted page with the total; scoped like `list`. */
  table: authedProcedure.input(OrderTableInput).query(async ({ ctx, input }) => listOrderTable({ ...input, locationId: await listScope(ctx, input.locationId) }, { db: ctx.db })),
  /** The table's filtered set as CSV (customer e-mails: HQ and store managers only). */
  exportCsv: authedProcedure.input(OrderExportInput).query(async ({ ctx, input }) => {
    const locationId = await listScope(ctx, input.locationId);
    assertRole(ctx.actor, editors);
    return exportOrdersCsv({ ...input, locationId }, { db: ctx.db });
  }),
  /** FORBIDDEN for another store's order (NOT_FOUND only when it does not exist). */
  get: scopedProcedure(OrderIdInput, ALL_ROLES, orderScope).query(({ ctx, input }) => getOrder(input, { db: ctx.db })),
  /**
   * HQ takes phone orders (and may ring up at any till); a manager or cashier rings up
   * till and endless-aisle orders (POS) at their own store only. Web shops, marketplaces
   * and social channels send orders with their API key (REST).
   */
  create: authedProcedure.input(CreateOrderInput).mutation(async ({ ctx, input }) => {
    if (input.originLocationId) await assertLocation(ctx, input.originLocationId);
    assertRole(ctx.actor, ["ADMIN", "MANAGER", "CASHIER"]);
    const allowed = ctx.user.role === "ADMIN" ? ["PHONE", "POS"] : ["POS"];
    if (!allowed.includes(input.channel)) {
      throw new AppError(
        "FORBIDDEN",
        ctx.user.role === "ADMIN"
          ? `A ${input.channel.toLowerCase()} order comes in through the channel's API key; here you can take phone orders and till sales.`
          : "At the store you can ring up till and endless-aisle sales (channel POS) only.",
        { channel: input.channel },
      );
    }
    return createOrder(input, domainContext(ctx));
  }),
  cancel: scopedProcedure(CancelOrderInput, editors, orderScope).mutation(({ ctx, input }) => cancelOrder(input, domainContext(ctx))),
  cancelLine: scopedProcedure(CancelOrderLineInput, editors, orderScope).mutation(({ ctx, input }) => cancelOrderLine(input, domainContext(ctx))),
  changeAddress: scopedProcedure(ChangeShippingAddressInput, editors, orderScope).mutation(({ ctx, input }) => changeShippingAddress(input, domainContext(ctx))),
  split: scopedProcedure(SplitOrderInput, editors, orderScope).mutation(({ ctx, input }) => splitOrder(input, domainContext(ctx))),
  /** Both orders must involve the manager's store. */
  merge: scopedProcedure(MergeOrdersInput, editors, async (ctx, input) => {
    await assertCanAccessOrder(ctx.actor, input.sourceOrderId, ctx.db);
    await assertCanAccessOrder(ctx.actor, input.targetOrderId, ctx.db);
  }).mutation(({ ctx, input }) => mergeOrders(input, domainContext(ctx))),
  /** Routing again decides for the whole network, so only HQ runs it. */
  reroute: scopedProcedure(RerouteOrderInput, ["ADMIN"], orderScope).mutation(({ ctx, input }) => rerouteOrder(input, domainContext(ctx))),
  /** Normally a job; HQ may run it now. */
  sweepLate: roleProcedure(["ADMIN"]).mutation(({ ctx }) => sweepLateOrders(domainContext(ctx))),
});

import { AppError, CancelRequestedReturnInput, ReceiveRequestedReturnInput, RequestReturnInput, ReturnIdInput, type Role } from "@oms/contracts";
import { cancelRequestedReturn, getOrderTracking, receiveRequestedReturn } from "@oms/core";
import { executePendingRefunds, paymentProvider } from "@oms/payments";
import { z } from "zod";
import { domainContext } from "../context.ts";
import { issueReturnLabel, startReturnWithLabel } from "../tracking/index.ts";
import { authedProcedure, locationRoleProcedure, roleProcedure, router } from "../trpc.ts";
import { assertLocation, scopedProcedure, type AuthedContext } from "./guards.ts";

/** Returns by parcel (RMA) with return labels, as staff handle them (docs/shipping.md#return-labels). */
const staff: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER", "ASSOCIATE"];
const receivers: readonly Role[] = ["ADMIN", "MANAGER", "ASSOCIATE", "CASHIER"];

async function returnLocation(ctx: AuthedContext, returnId: string): Promise<void> {
  const ret = await ctx.db.return.findUnique({ where: { id: returnId }, select: { locationId: true } });
  if (!ret) throw new AppError("NOT_FOUND", "returnId: That return does not exist.", { fields: [{ path: ["returnId"], message: "No such return" }] });
  await assertLocation(ctx, ret.locationId);
}

export const returnRequestsRouter = router({
  /** A return announced for any order (goods come back to the shipping location unless another is named), optionally with a label. */
  request: roleProcedure(staff)
    .input(RequestReturnInput)
    .mutation(async ({ ctx, input }) => {
      if (input.locationId) await assertLocation(ctx, input.locationId);
      return startReturnWithLabel(input, domainContext(ctx), "STAFF");
    }),
  /** Buys (or retries) the label of a requested return. */
  issueLabel: scopedProcedure(ReturnIdInput, staff, (ctx, input) => returnLocation(ctx, input.returnId)).mutation(({ ctx, input }) => issueReturnLabel({ returnId: input.returnId }, domainContext(ctx))),
  /** The parcel is in: condition per line, restock, refund (card refunds run right after commit). */
  receive: scopedProcedure(ReceiveRequestedReturnInput, receivers, (ctx, input) => returnLocation(ctx, input.returnId)).mutation(async ({ ctx, input }) => {
    const result = await receiveRequestedReturn(input, domainContext(ctx));
    const cardRefunds = result.refunds.some((r) => r.status === "PENDING") ? await executePendingRefunds({ orderId: result.orderId }, { db: ctx.db, provider: paymentProvider(), actor: ctx.actor, now: ctx.now() }) : null;
    return { ...result, cardRefunds };
  }),
  cancel: scopedProcedure(CancelRequestedReturnInput, staff, (ctx, input) => returnLocation(ctx, input.returnId)).mutation(({ ctx, input }) => cancelRequestedReturn(input, domainContext(ctx))),
  /** Requested returns waiting at (or travelling to) the store. */
  open: locationRoleProcedure(receivers).query(async ({ ctx, input }) => {
    const rows = await ctx.db.return.findMany({ where: { locationId: input.locationId, status: { in: ["REQUESTED", "RECEIVED"] } }, orderBy: { createdAt: "asc" }, take: 200, select: { orderId: true } });
    const orders = [...new Set(rows.map((r) => r.orderId))];
    const all = await Promise.all(orders.map((orderId) => getOrderTracking(ctx.db, orderId)));
    return all.flatMap((t) => t.returns).filter((r) => r.locationId === input.locationId && (r.status === "REQUESTED" || r.status === "RECEIVED"));
  }),
  /** Shipments with their tracking history, delivery proofs and returns of one order (HQ order page). */
  tracking: authedProcedure.input(z.object({ orderId: z.uuid({ message: "Choose the order" }) })).query(({ ctx, input }) => getOrderTracking(ctx.db, input.orderId)),
});

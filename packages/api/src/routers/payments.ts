// Card payments at the till and in HQ: thin procedures over @oms/payments. The provider is
// the process-wide one (Stripe when STRIPE_SECRET_KEY is set, else the simulated reader).
import { AppError } from "@oms/contracts";
import {
  cancelReaderAction,
  capturePayment,
  CollectCardPresentInput,
  createCardPresentPayment,
  executePendingRefunds,
  getReaderState,
  listReaders,
  paymentProvider,
  type PaymentsContext,
} from "@oms/payments";
import { z } from "zod";
import type { AuthedContext } from "./guards.ts";
import { locationRoleProcedure, roleProcedure, router } from "../trpc.ts";

const counter = ["ADMIN", "MANAGER", "CASHIER"] as const;

function paymentsContext(ctx: AuthedContext): PaymentsContext {
  return { db: ctx.db, provider: paymentProvider(), actor: ctx.actor, now: ctx.now() };
}

const ReaderInput = z.object({ readerId: z.string().trim().min(1, "Choose a card reader").max(200), paymentId: z.uuid().optional() });

/** The payment must belong to an order sold or collected at the caller's chosen store. */
async function assertPaymentAtLocation(ctx: AuthedContext, paymentId: string, locationId: string): Promise<void> {
  const payment = await ctx.db.payment.findUnique({ where: { id: paymentId }, select: { order: { select: { number: true, originLocationId: true, fulfillmentOrders: { select: { locationId: true } } } } } });
  if (!payment) throw new AppError("NOT_FOUND", "There is no such payment.");
  const { order } = payment;
  if (order.originLocationId !== locationId && !order.fulfillmentOrders.some((f) => f.locationId === locationId)) {
    throw new AppError("FORBIDDEN", `The payment of order ${order.number} is not handled at this store.`);
  }
}

export const paymentsRouter = router({
  /** The store's card readers (Stripe Terminal, or the simulated one). */
  readers: locationRoleProcedure(counter).query(({ ctx, input }) => listReaders({ locationId: input.locationId }, paymentsContext(ctx))),
  /** What the reader shows; with paymentId, the payment is brought up to date too. */
  readerState: locationRoleProcedure(counter)
    .input(ReaderInput)
    .query(({ ctx, input }) => getReaderState({ locationId: input.locationId, readerId: input.readerId, paymentId: input.paymentId }, paymentsContext(ctx))),
  /** Hands a card-present payment for an order to one of the store's readers. */
  collectCardPresent: locationRoleProcedure(counter)
    .input(CollectCardPresentInput)
    .mutation(({ ctx, input }) => createCardPresentPayment(input, paymentsContext(ctx))),
  cancelReaderAction: locationRoleProcedure(counter)
    .input(ReaderInput)
    .mutation(({ ctx, input }) => cancelReaderAction({ locationId: input.locationId, readerId: input.readerId, paymentId: input.paymentId }, paymentsContext(ctx))),
  /** Captures an authorized card payment (normally done at handover / shipment). */
  capture: locationRoleProcedure(["ADMIN", "MANAGER"])
    .input(z.object({ paymentId: z.uuid("Choose the payment"), amount: z.number().int().positive().optional() }))
    .mutation(async ({ ctx, input }) => {
      await assertPaymentAtLocation(ctx, input.paymentId, input.locationId);
      return capturePayment({ paymentId: input.paymentId, amount: input.amount }, paymentsContext(ctx));
    }),
  /** HQ: executes pending refunds to cards now (a job does it too). */
  executeRefunds: roleProcedure(["ADMIN"])
    .input(z.object({ orderId: z.uuid().optional(), limit: z.number().int().min(1).max(200).optional() }).optional())
    .mutation(({ ctx, input }) => executePendingRefunds(input ?? {}, paymentsContext(ctx))),
});

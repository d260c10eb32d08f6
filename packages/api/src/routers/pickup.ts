// The /pickup tablet: the store's queue, claim/pick/short-pick/pack, and the handover with
// payment. Every procedure is scoped to the fulfillment order's (or the named) store; the
// store floor (associates, managers) and HQ may use it, the till (cashiers) hands over
// through fulfillment.confirmPickedUp instead.
import {
  assertCanAccessFulfillmentOrder,
  claimFulfillmentOrder,
  ClaimFulfillmentOrderInput,
  findForHandover,
  FindForHandoverInput,
  HandOverPickupInput,
  packAndStage,
  PackAndStageInput,
  pickupQueue,
  PickupQueueInput,
  recordPickCount,
  RecordPickCountInput,
  releaseClaim,
  resolveShortPick,
  ShortPickInput,
  substituteOptions,
  SubstituteOptionsInput,
} from "@oms/core";
import { completePickupHandover, paymentProvider, pickupPaymentState, PickupPaymentStateInput, startPickupPayment, StartPickupPaymentInput, type PaymentsContext } from "@oms/payments";
import { domainContext } from "../context.ts";
import { router } from "../trpc.ts";
import { assertLocation, scopedProcedure, type AuthedContext } from "./guards.ts";

const floor = ["ADMIN", "MANAGER", "ASSOCIATE"] as const;
const atItsStore = (ctx: AuthedContext, input: { fulfillmentOrderId: string }) => assertCanAccessFulfillmentOrder(ctx.actor, input.fulfillmentOrderId, ctx.db);
const atStore = (ctx: AuthedContext, input: { locationId: string }) => assertLocation(ctx, input.locationId);
const payments = (ctx: AuthedContext): PaymentsContext => ({ db: ctx.db, provider: paymentProvider(), actor: ctx.actor, now: ctx.now() });

export const pickupRouter = router({
  queue: scopedProcedure(PickupQueueInput, floor, atStore).query(({ ctx, input }) => pickupQueue(input, domainContext(ctx))),
  findForHandover: scopedProcedure(FindForHandoverInput, floor, atStore).query(({ ctx, input }) => findForHandover(input, domainContext(ctx))),
  claim: scopedProcedure(ClaimFulfillmentOrderInput, floor, atItsStore).mutation(({ ctx, input }) => claimFulfillmentOrder(input, domainContext(ctx))),
  release: scopedProcedure(ClaimFulfillmentOrderInput, floor, atItsStore).mutation(({ ctx, input }) => releaseClaim(input, domainContext(ctx))),
  recordPickCount: scopedProcedure(RecordPickCountInput, floor, atItsStore).mutation(({ ctx, input }) => recordPickCount(input, domainContext(ctx))),
  substituteOptions: scopedProcedure(SubstituteOptionsInput, floor, atItsStore).query(({ ctx, input }) => substituteOptions(input, domainContext(ctx))),
  shortPick: scopedProcedure(ShortPickInput, floor, atItsStore).mutation(async ({ ctx, input }) => {
    const { order, ...result } = await resolveShortPick(input, domainContext(ctx));
    return { ...result, orderId: order.id, orderStatus: order.status };
  }),
  packAndStage: scopedProcedure(PackAndStageInput, floor, atItsStore).mutation(({ ctx, input }) => packAndStage(input, domainContext(ctx))),
  startPayment: scopedProcedure(StartPickupPaymentInput, floor, atItsStore).mutation(({ ctx, input }) => startPickupPayment(input, payments(ctx))),
  paymentState: scopedProcedure(PickupPaymentStateInput, floor, atItsStore).query(({ ctx, input }) => pickupPaymentState(input, payments(ctx))),
  handOver: scopedProcedure(HandOverPickupInput, floor, atItsStore).mutation(({ ctx, input }) => completePickupHandover(input, payments(ctx))),
});

// The /pickup tablet: the store's queue, claim/pick/pack, and the handover search. Every
// procedure is scoped to the fulfillment order's (or the named) store; the store floor
// (associates, managers) and HQ may use it, the till (cashiers) hands over through
// fulfillment.confirmPickedUp instead.
import {
  assertCanAccessFulfillmentOrder,
  claimFulfillmentOrder,
  ClaimFulfillmentOrderInput,
  findForHandover,
  FindForHandoverInput,
  packAndStage,
  PackAndStageInput,
  pickupQueue,
  PickupQueueInput,
  releaseClaim,
  shortPickLine,
  ShortPickInput,
} from "@oms/core";
import { domainContext } from "../context.ts";
import { router } from "../trpc.ts";
import { assertLocation, scopedProcedure, type AuthedContext } from "./guards.ts";

const floor = ["ADMIN", "MANAGER", "ASSOCIATE"] as const;
const atItsStore = (ctx: AuthedContext, input: { fulfillmentOrderId: string }) => assertCanAccessFulfillmentOrder(ctx.actor, input.fulfillmentOrderId, ctx.db);
const atStore = (ctx: AuthedContext, input: { locationId: string }) => assertLocation(ctx, input.locationId);

export const pickupRouter = router({
  queue: scopedProcedure(PickupQueueInput, floor, atStore).query(({ ctx, input }) => pickupQueue(input, domainContext(ctx))),
  findForHandover: scopedProcedure(FindForHandoverInput, floor, atStore).query(({ ctx, input }) => findForHandover(input, domainContext(ctx))),
  claim: scopedProcedure(ClaimFulfillmentOrderInput, floor, atItsStore).mutation(({ ctx, input }) => claimFulfillmentOrder(input, domainContext(ctx))),
  release: scopedProcedure(ClaimFulfillmentOrderInput, floor, atItsStore).mutation(({ ctx, input }) => releaseClaim(input, domainContext(ctx))),
  shortPick: scopedProcedure(ShortPickInput, floor, atItsStore).mutation(({ ctx, input }) => shortPickLine(input, domainContext(ctx))),
  packAndStage: scopedProcedure(PackAndStageInput, floor, atItsStore).mutation(({ ctx, input }) => packAndStage(input, domainContext(ctx))),
});

import {
  ConfirmPickedUpInput,
  FulfillmentOrderIdInput,
  MarkPackedInput,
  MarkReadyForPickupInput,
  MarkShippedInput,
  RejectFulfillmentLinesInput,
} from "@oms/contracts";
import {
  assertCanAccessFulfillmentOrder,
  confirmDelivered,
  confirmPickedUp,
  markPacked,
  markReadyForPickup,
  markShipped,
  rejectFulfillmentLines,
  startPicking,
} from "@oms/core";
import { domainContext } from "../context.ts";
import { router } from "../trpc.ts";
import { scopedProcedure, type AuthedContext } from "./guards.ts";

/** The store floor; HQ may always step in. */
const floor = ["ADMIN", "MANAGER", "ASSOCIATE"] as const;
const atItsStore = (ctx: AuthedContext, input: { fulfillmentOrderId: string }) => assertCanAccessFulfillmentOrder(ctx.actor, input.fulfillmentOrderId, ctx.db);

export const fulfillmentRouter = router({
  startPicking: scopedProcedure(FulfillmentOrderIdInput, floor, atItsStore).mutation(({ ctx, input }) => startPicking(input, domainContext(ctx))),
  markPacked: scopedProcedure(MarkPackedInput, floor, atItsStore).mutation(({ ctx, input }) => markPacked(input, domainContext(ctx))),
  markReadyForPickup: scopedProcedure(MarkReadyForPickupInput, floor, atItsStore).mutation(({ ctx, input }) => markReadyForPickup(input, domainContext(ctx))),
  markShipped: scopedProcedure(MarkShippedInput, floor, atItsStore).mutation(({ ctx, input }) => markShipped(input, domainContext(ctx))),
  /** Handover at the counter: cashiers too (the pickup code is checked by the domain). */
  confirmPickedUp: scopedProcedure(ConfirmPickedUpInput, [...floor, "CASHIER"], atItsStore).mutation(({ ctx, input }) => confirmPickedUp(input, domainContext(ctx))),
  confirmDelivered: scopedProcedure(FulfillmentOrderIdInput, floor, atItsStore).mutation(({ ctx, input }) => confirmDelivered(input, domainContext(ctx))),
  rejectLines: scopedProcedure(RejectFulfillmentLinesInput, floor, atItsStore).mutation(({ ctx, input }) => rejectFulfillmentLines(input, domainContext(ctx))),
});

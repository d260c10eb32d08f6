export { claimFulfillmentOrder, releaseClaim, assertHoldsClaim, type ClaimResult } from "./claim-fulfillment-order.ts";
export { pickupQueue, pickupGroups, pickupGroupOf, startOfLocalDay, type PickupQueue, type PickupCard, type PickupLine, type PickupGroup } from "./pickup-queue.ts";
export { findForHandover, pickupQrText } from "./find-for-handover.ts";
export { packAndStage, recordPickCount } from "./pick-commands.ts";
export { resolveShortPick, substituteOptions, type ShortPickResult, type SubstituteOption } from "./resolve-short-pick.ts";
export { handOverPickup, balanceDue, type HandoverResult } from "./hand-over-pickup.ts";
export {
  ClaimFulfillmentOrderInput,
  PickupQueueInput,
  FindForHandoverInput,
  PackAndStageInput,
  ShortPickInput,
  ShortPickChoice,
  CustomerApproval,
  SubstituteOptionsInput,
  RecordPickCountInput,
  HandOverPickupInput,
} from "./schemas.ts";
export { sweepUnclaimedPickups, type UnclaimedSweepResult } from "./sweep-unclaimed-pickups.ts";
// The packing bench (packages/core/src/shipping) shows the same cards and uses the same claim.
export { toPickupCards, pickupCardInclude } from "./pickup-queue.ts";

export { claimFulfillmentOrder, releaseClaim, assertHoldsClaim, type ClaimResult } from "./claim-fulfillment-order.ts";
export { pickupQueue, pickupGroups, pickupGroupOf, startOfLocalDay, type PickupQueue, type PickupCard, type PickupLine, type PickupGroup } from "./pickup-queue.ts";
export { findForHandover, pickupQrText } from "./find-for-handover.ts";
export { ClaimFulfillmentOrderInput, PickupQueueInput, FindForHandoverInput } from "./schemas.ts";
export { packAndStage, shortPickLine } from "./pick-commands.ts";
export { PackAndStageInput, ShortPickInput } from "./schemas.ts";
export { sweepUnclaimedPickups, type UnclaimedSweepResult } from "./sweep-unclaimed-pickups.ts";

export {
  fulfillmentTransitions,
  openFulfillmentStatuses,
  finalFulfillmentStatuses,
  fulfillmentStatusLabel,
  canTransitionFulfillment,
  assertFulfillmentTransition,
} from "./state-machine.ts";
export { startPicking } from "./start-picking.ts";
export { markPacked } from "./mark-packed.ts";
export { markReadyForPickup } from "./mark-ready-for-pickup.ts";
export { markShipped } from "./mark-shipped.ts";
export { confirmPickedUp } from "./confirm-picked-up.ts";
export { confirmDelivered } from "./confirm-delivered.ts";
export { completeCarryOut } from "./complete-carry-out.ts";
export { rejectFulfillmentLines } from "./reject-fulfillment-lines.ts";
export type { FulfillmentWithLines } from "./fulfillment-rows.ts";
// For the packing bench (packages/core/src/shipping): its pack/ship steps run inside one
// transaction with the same locking, transition and stock rules as the commands above.
export { lockFulfillment, afterFulfillmentChange, commitFulfillmentStock, activeUnits, fulfillmentInclude } from "./fulfillment-rows.ts";
export { transitionFulfillment } from "./state-machine.ts";

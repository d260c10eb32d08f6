export {
  completePickupHandover,
  startPickupPayment,
  pickupPaymentState,
  StartPickupPaymentInput,
  PickupPaymentStateInput,
  type PickupHandoverOutcome,
} from "./hand-over-pickup.ts";

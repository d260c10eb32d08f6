export { applyTrackingUpdates, trackingDedupeKey, FAILED_ATTEMPTS_BEFORE_TASK } from "./apply-tracking-updates.ts";
export { prepareReturnLabel, recordReturnLabel, recordReturnLabelFailure, RETURN_PARCEL, type ReturnLabelIntent, type LabelAddress } from "./return-labels.ts";
export { getOrderTracking, getReturnLabelShipment, type OrderTracking, type ShipmentTrackingView, type DeliveryProofView } from "./get-order-tracking.ts";

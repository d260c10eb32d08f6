export { shippingQueue, shippingGroups, shippingGroupOf, type ShippingQueue, type ShippingCard, type ShippingGroup, type CarrierSetting, type BenchParcel, type BenchShipment } from "./shipping-queue.ts";
export { cutoffOn, shipByFor, zonedInstant } from "./cutoff.ts";
export { batchPickList, startBatchPick, scanBatchItem, type BatchPickList, type PickListEntry, type ScanResult } from "./batch-pick.ts";
export { packShipment, packagingBoxes, type PackResult } from "./pack-shipment.ts";
export { quoteRates, buyLabels, voidLabel, labelDocument, type RateOffer, type RatesResult, type BuyLabelsResult } from "./labels.ts";
export { shipFulfillment, closeManifest, listManifests, getManifest, type ManifestSummary } from "./ship-and-manifest.ts";
export { packingSlip, type PackingSlip } from "./packing-slip.ts";
export type { CarrierPort, CarrierLookup, ShippingContext } from "./carrier-port.ts";
export {
  ShippingQueueInput,
  BatchInput,
  ScanBatchItemInput,
  PackShipmentInput,
  ParcelInput,
  FulfillmentRefInput,
  BuyLabelsInput,
  ShipmentRefInput,
  CloseManifestInput,
  ManifestListInput,
  ManifestRefInput,
} from "./schemas.ts";

export { handleCarrierWebhook, type HandleCarrierWebhookOptions } from "./carrier-webhook.ts";
export { issueReturnLabel, startReturnWithLabel, returnLabelDocument, returnLabelPdf } from "./return-labels.ts";
export { processCarriers } from "./carriers.ts";
export { requestReturnFromTracking, type TrackingReturnResult } from "./tracking-return.ts";
export { trackedParcels } from "./tracked-parcels.ts";

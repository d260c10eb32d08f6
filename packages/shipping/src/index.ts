export * from "./carrier-provider.ts";
export { foldToWinAnsi, PdfPage, renderPdf, type PdfFont } from "./pdf-document.ts";
export { renderShippingLabelPdf, renderShippingLabelZpl, type ShippingLabelData } from "./shipping-label.ts";
export { luhnDigit, SimulatedCarrier, signSimulatedTracking, SIMULATED_SIGNATURE_HEADER } from "./simulated-carrier.ts";
export { ShippoCarrier, shippoTrackingStatus, type ShippoOptions } from "./shippo-carrier.ts";
export { carrierRegistryFromEnv, createCarrierRegistry, type CarrierRegistry } from "./registry.ts";

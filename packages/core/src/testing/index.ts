export * from "./factories.ts";
export * from "../orders/testing.ts";
export * from "./assertions.ts";
export * from "../pos/testing.ts";
export * from "../locations/testing.ts";
export { offlineSale, type OfflineSaleOptions } from "../pos/offline-testing.ts";

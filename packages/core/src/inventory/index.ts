export { availableToPromise } from "./atp.ts";
export { getAvailability, type VariantAvailability, type LocationAvailability } from "./get-availability.ts";
export { reserveStock } from "./reserve-stock.ts";
export { releaseReservations, ReleaseReservationsInput } from "./release-reservations.ts";
export { commitReservations, CommitReservationsInput } from "./commit-reservations.ts";
export { receiveStock } from "./receive-stock.ts";
export { adjustStock } from "./adjust-stock.ts";
export { requestTransfer } from "./request-transfer.ts";
export { shipTransfer } from "./ship-transfer.ts";
export { receiveTransfer, type TransferDiscrepancy } from "./receive-transfer.ts";
export { cancelTransfer, CancelTransferInput } from "./cancel-transfer.ts";
export { transferTransitions } from "./transfers.ts";
export { startCycleCount, recordCycleCount, postCycleCount, PostCycleCountInput } from "./cycle-counts.ts";
export { verifyLedger, type LedgerMismatch } from "./verify-ledger.ts";
export { changeOnHand, inventoryEvent, type LevelRow } from "./levels.ts";
export {
  purchaseOrderTransitions,
  CreatePurchaseOrderInput,
  PurchaseOrderIdInput,
  ReceivePurchaseOrderInput,
} from "./purchase-orders.ts";
export { createPurchaseOrder } from "./create-purchase-order.ts";
export { markPurchaseOrderOrdered, cancelPurchaseOrder } from "./order-purchase-order.ts";
export { receivePurchaseOrder } from "./receive-purchase-order.ts";

export { createReturn } from "./create-return.ts";
export { createExchange } from "./create-exchange.ts";
export { getReturnableLines } from "./get-returnable-lines.ts";
export { listReturns } from "./list-returns.ts";
export { refundForUnits, unitShares } from "./refund-amounts.ts";
export { findTillOrders } from "./find-till-orders.ts";
export { getTillOrder } from "./get-till-order.ts";
export { getStoreCredit, normalizeStoreCreditCode } from "./get-store-credit.ts";
export { findExchangeItems } from "./find-exchange-items.ts";

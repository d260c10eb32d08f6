export { createReturn } from "./create-return.ts";
export { createExchange } from "./create-exchange.ts";
export { getReturnableLines } from "./get-returnable-lines.ts";
export { listReturns } from "./list-returns.ts";
export { refundForUnits, unitShares } from "./refund-amounts.ts";

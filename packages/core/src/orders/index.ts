export { createOrder, nextOrderNumber } from "./create-order.ts";
export { resolveTask } from "./resolve-task.ts";
export { cancelOrder } from "./cancel-order.ts";
export { cancelOrderLine } from "./cancel-order-line.ts";
export { changeShippingAddress } from "./change-shipping-address.ts";
export { splitOrder } from "./split-order.ts";
export { mergeOrders } from "./merge-orders.ts";
export { completeOrder } from "./complete-order.ts";
export { sweepLateOrders, type SweepResult } from "./sweep-sla.ts";
export { getOrder, type OrderDetail } from "./get-order.ts";
export { listOrders, type OrderPage, type OrderSummary } from "./list-orders.ts";
export {
  orderTransitions,
  openOrderStatuses,
  orderStatusLabel,
  canTransitionOrder,
  assertOrderTransition,
  transitionOrder,
} from "./state-machine.ts";
export { taxIncluded, taxExcluded, priceLine, orderTotals } from "./pricing.ts";
export { validationChecks, channelsTrustedWithPrices, channelsAllowingPayAtPickup, isWellFormedEmail, isWellFormedPhone, type ValidationCheck } from "./validation/index.ts";

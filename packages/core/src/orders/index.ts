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
export {
  listOrders,
  listOrderTable,
  exportOrdersCsv,
  csvCell,
  decimalAmount,
  ORDER_EXPORT_MAX_ROWS,
  type OrderPage,
  type OrderSummary,
  type OrderTablePage,
  type OrderTableRow,
  type OrderCsv,
} from "./list-orders.ts";
export { rerouteOrder } from "./reroute-order.ts";
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
// The till's checkout (core/src/pos) builds on the order's own steps.
export { allocateOrder } from "./allocate-order.ts";
export { cancelLockedOrder } from "./cancel-order.ts";
export { lockOrder, type OrderWithLines } from "./order-rows.ts";
export { recordOrderEvent, orderChanged, taskChanged } from "./timeline.ts";
// The routing editor's simulator and replay (core/src/routing-rules) read routing's inputs through these.
export { loadCountryMarkets, loadRoutingNetwork, loadRoutingRules, marketOfCountry, ruleSpecFromRow, type RoutingNetwork } from "./routing-input.ts";
export { loadRoutableOrders, type RoutableOrder } from "./routing-history.ts";
export { createTask, closeTasks, type NewTask } from "./tasks.ts";

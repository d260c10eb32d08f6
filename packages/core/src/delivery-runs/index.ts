export { planDeliveryRun } from "./plan-delivery-run.ts";
export { startDeliveryRun } from "./start-delivery-run.ts";
export { completeDeliveryStop } from "./complete-delivery-stop.ts";
export { finishDeliveryRun, cancelDeliveryRun } from "./finish-delivery-run.ts";
export { listDeliveryRuns, getDeliveryRun, listDeliverableOrders } from "./delivery-run-queries.ts";
export { LOCAL_DELIVERY_CARRIER } from "./delivery-run-rows.ts";

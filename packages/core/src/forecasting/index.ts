// Forecasting (docs/forecasting.md): the stored sales velocity, days to stockout, and
// replenishment suggestions that a manager accepts into draft transfers or purchase orders.
export {
  VELOCITY_WINDOW_DAYS,
  VELOCITY_HALF_LIFE_DAYS,
  SOLD_MOVEMENT_KINDS,
  LEAD_TIME_DAYS,
  REVIEW_PERIOD_DAYS,
  REORDER_COVER_DAYS,
  TARGET_COVER_DAYS,
  URGENCY_DAYS,
} from "./policy.ts";
export { exponentialVelocity, salesVelocitySql, VELOCITY_DECAY, VELOCITY_WEIGHT_SUM } from "./velocity.ts";
export { refreshSalesVelocity, RefreshSalesVelocityInput, type SalesVelocityRefresh } from "./refresh-sales-velocity.ts";
export { daysToStockout, stockoutDate } from "./stockout.ts";
export { replenishmentSql, type ReplenishmentRow, type Suggestion } from "./replenishment.ts";
export { listForecast, type ForecastRow, type ForecastPage } from "./list-forecast.ts";
export { exportForecastCsv } from "./export-forecast-csv.ts";
export { getVelocityHistory, type VelocityHistory, type VelocityHistoryDay } from "./get-velocity-history.ts";
export { acceptReplenishmentSuggestions, UNKNOWN_SUPPLIER, type AcceptedSuggestion } from "./accept-replenishment-suggestions.ts";

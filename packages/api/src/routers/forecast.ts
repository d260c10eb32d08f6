import { AcceptReplenishmentInput, ForecastLevelInput, ListForecastInput } from "@oms/contracts";
import { acceptReplenishmentSuggestions, exportForecastCsv, getVelocityHistory, listForecast, refreshSalesVelocity } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

// HQ forecasting (docs/forecasting.md): admins only, like the rest of HQ.
const hq = roleProcedure(["ADMIN"]);

export const forecastRouter = router({
  /** Levels that sell: velocity, days of cover, stockout date and the replenishment suggestion. */
  table: hq.input(ListForecastInput).query(({ ctx, input }) => listForecast(input, { db: ctx.db })),
  /** The table's filtered set as CSV (up to 10,000 rows; paging fields are ignored). */
  exportCsv: hq.input(ListForecastInput).query(({ ctx, input }) => exportForecastCsv(input, { db: ctx.db })),
  /** One level's daily units sold and velocity line (the row drawer's chart). */
  history: hq.input(ForecastLevelInput).query(({ ctx, input }) => getVelocityHistory(input, { db: ctx.db })),
  /** Accept suggestions as shown: draft transfers / purchase orders, once per suggestion. */
  accept: hq.input(AcceptReplenishmentInput).mutation(({ ctx, input }) => acceptReplenishmentSuggestions(input, domainContext(ctx))),
  /** Recompute the stored velocity now (the job does it every JOBS_FORECAST_INTERVAL_MS). */
  refresh: hq.mutation(({ ctx }) => refreshSalesVelocity({}, domainContext(ctx))),
});

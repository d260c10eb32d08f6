import { ReportExportInput, ReportPeriodInput, SalesReportInput, SellThroughInput } from "@oms/contracts";
import { exportReportCsv, fulfilmentTimesReport, getHqOverview, returnsReport, salesReport, sellThroughReport } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

/** HQ overview and reports (docs/hq-reports.md): the whole network's figures, head office only. */
const hq = roleProcedure(["ADMIN"]);

export const reportsRouter = router({
  /** Today's sales by channel and location, open orders, late orders, tasks, low stock. */
  overview: hq.query(({ ctx }) => getHqOverview(undefined, domainContext(ctx))),
  /** Sales by day, channel, location, product or category over a period, optionally compared. */
  sales: hq.input(SalesReportInput).query(({ ctx, input }) => salesReport(input, domainContext(ctx))),
  sellThrough: hq.input(SellThroughInput).query(({ ctx, input }) => sellThroughReport(input, domainContext(ctx))),
  returns: hq.input(ReportPeriodInput).query(({ ctx, input }) => returnsReport(input, domainContext(ctx))),
  fulfilmentTimes: hq.input(ReportPeriodInput).query(({ ctx, input }) => fulfilmentTimesReport(input, domainContext(ctx))),
  /** One report as CSV (the /hq/reports/export route handler streams it as a download). */
  exportCsv: hq.input(ReportExportInput).query(({ ctx, input }) => exportReportCsv(input, domainContext(ctx))),
});

// GET /hq/forecast/export?…: the forecast table's filtered set, in its order, as a CSV
// download. The query string is the one the forecast screen builds (forecastExportHref);
// the signed-in admin is checked by hqCsvExport and again by forecast.exportCsv.
import { forecastExportInput } from "../../../../../components/hq/forecast/shared.ts";
import { hqCsvExport } from "../../../../../http/hq-csv-export.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const input = forecastExportInput(new URL(request.url).searchParams);
  return hqCsvExport({ what: "export the forecast", name: "forecast", run: (caller) => caller.forecast.exportCsv(input) });
}

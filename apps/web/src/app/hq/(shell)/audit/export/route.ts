// GET /hq/audit/export?…: the audit table's filtered rows as a CSV download. The query
// string is the one the audit screen builds (filtersToSearch in components/hq/audit); the
// signed-in admin is checked by hqCsvExport and again by audit.exportCsv itself.
import { filtersFromSearch } from "../../../../../components/hq/audit/shared.ts";
import { hqCsvExport } from "../../../../../http/hq-csv-export.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const filters = filtersFromSearch(new URL(request.url).searchParams);
  return hqCsvExport({ what: "export the audit log", name: "audit", run: (caller) => caller.audit.exportCsv(filters) });
}

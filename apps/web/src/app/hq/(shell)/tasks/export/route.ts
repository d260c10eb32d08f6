// GET /hq/tasks/export?…: the task inbox's filtered set, in its order, as a CSV download.
// The query string is the one the inbox builds (taskExportHref); the signed-in admin is
// checked by hqCsvExport and again by tasks.exportCsv.
import { taskExportInput } from "../../../../../components/hq/tasks/shared.ts";
import { hqCsvExport } from "../../../../../http/hq-csv-export.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const input = taskExportInput(new URL(request.url).searchParams);
  return hqCsvExport({ what: "export the network's tasks", name: "tasks", run: (caller) => caller.tasks.exportCsv(input) });
}

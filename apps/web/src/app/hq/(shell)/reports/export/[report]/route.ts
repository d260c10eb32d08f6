// GET /hq/reports/export/<report>?from=yyyy-mm-dd&to=yyyy-mm-dd[&compare=1][&location=<id>]:
// one HQ report as a CSV download (the report screen's "CSV" buttons). The signed-in admin
// is checked by hqCsvExport and again by reports.exportCsv; a bad period is a 400 naming the field.
import { ReportExportInput, ReportKind } from "@oms/contracts";
import { hqCsvExport, problem } from "../../../../../../http/hq-csv-export.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }): Promise<Response> {
  const name = (await params).report;
  const report = ReportKind.safeParse(name);
  const q = new URL(request.url).searchParams;
  const parsed = ReportExportInput.safeParse({
    report: report.success ? report.data : undefined,
    from: q.get("from") ?? "",
    to: q.get("to") ?? "",
    compare: q.get("compare") === "1",
    ...(q.get("location") ? { locationIds: [q.get("location")!] } : {}),
  });
  return hqCsvExport({
    what: "download the network's reports",
    name: "report",
    refuse: () => {
      if (!report.success) return problem(404, "No such report", `There is no report called "${name}".`);
      if (parsed.success) return null;
      const fields = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
      return problem(400, "The period is not valid", fields.map((f) => `${f.path.join(".")}: ${f.message}`).join("; "), { fields });
    },
    run: (caller) => caller.reports.exportCsv(parsed.data!),
  });
}

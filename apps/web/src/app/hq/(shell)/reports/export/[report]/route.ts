// GET /hq/reports/export/<report>?from=yyyy-mm-dd&to=yyyy-mm-dd[&compare=1][&location=<id>]:
// one HQ report as a CSV download (the report screen's "CSV" buttons). The signed-in admin
// is checked here and again by reports.exportCsv; a bad period is a 400 naming the field.
import { getSessionUser } from "@oms/auth";
import { ReportExportInput, ReportKind } from "@oms/contracts";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { canOpenArea } from "../../../../../../areas.ts";
import { serverCaller } from "../../../../../../trpc/server.ts";

export const dynamic = "force-dynamic";

function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ type: "about:blank", title, status, detail, ...extra }, { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return problem(401, "Sign in first", "Sign in as head office staff to download reports.");
  if (!canOpenArea(user.role, "hq")) return problem(403, "Not allowed", "Only head office staff can download the network's reports.");

  const report = ReportKind.safeParse((await params).report);
  if (!report.success) return problem(404, "No such report", `There is no report called "${(await params).report}".`);
  const q = new URL(request.url).searchParams;
  const input = {
    report: report.data,
    from: q.get("from") ?? "",
    to: q.get("to") ?? "",
    compare: q.get("compare") === "1",
    ...(q.get("location") ? { locationIds: [q.get("location")!] } : {}),
  };
  const parsed = ReportExportInput.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    return problem(400, "The period is not valid", fields.map((f) => `${f.path.join(".")}: ${f.message}`).join("; "), { fields });
  }
  try {
    const result = await (await serverCaller(user)).reports.exportCsv(parsed.data);
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return new Response(`\uFEFF${result.csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Cache-Control": "no-store",
        "X-Export-Rows": String(result.rows),
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return problem(getHTTPStatusCodeFromError(error), "The export failed", error.message);
    throw error;
  }
}

// GET /hq/audit/export?…: the audit table's filtered rows as a CSV download. The query
// string is the one the audit screen builds (filtersToSearch in components/hq/audit); the
// signed-in admin is checked here and again by audit.exportCsv itself.
import { getSessionUser } from "@oms/auth";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { canOpenArea } from "../../../../../areas.ts";
import { filtersFromSearch } from "../../../../../components/hq/audit/shared.ts";
import { serverCaller } from "../../../../../trpc/server.ts";

export const dynamic = "force-dynamic";

function problem(status: number, title: string, detail: string): Response {
  return Response.json({ type: "about:blank", title, status, detail }, { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return problem(401, "Sign in first", "Sign in as head office staff to export the audit log.");
  if (!canOpenArea(user.role, "hq")) return problem(403, "Not allowed", "Only head office staff can export the audit log.");
  try {
    const result = await (await serverCaller(user)).audit.exportCsv(filtersFromSearch(new URL(request.url).searchParams));
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return new Response(`\uFEFF${result.csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-${stamp}.csv"`,
        "Cache-Control": "no-store",
        "X-Export-Rows": String(result.rows),
        "X-Export-Truncated": result.truncated ? "1" : "0",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return problem(getHTTPStatusCodeFromError(error), "The export failed", error.message);
    throw error;
  }
}

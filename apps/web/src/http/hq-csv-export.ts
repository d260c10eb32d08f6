// The frame of every HQ CSV download (orders, audit, forecast, reports): the signed-in
// admin is checked here (and again by the procedure), the file starts with a byte-order mark
// so spreadsheet programs read it as UTF-8, and a failure is a problem+json answer, never a
// broken file.
import { getSessionUser } from "@oms/auth";
import type { SessionUser } from "@oms/contracts";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { canOpenArea } from "../areas.ts";
import { serverCaller } from "../trpc/server.ts";

export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ type: "about:blank", title, status, detail, ...extra }, { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } });
}

export interface CsvExport {
  csv: string;
  rows: number;
  /** The file was cut at the export's row limit. */
  truncated?: boolean;
  /** Overrides the default `<name>-<yyyymmdd-hhmm>.csv`. */
  filename?: string;
}

type Caller = Awaited<ReturnType<typeof serverCaller>>;

export async function hqCsvExport(options: {
  /** What is exported, for the refusals: "export orders" → "Sign in as head office staff to export orders." */
  what: string;
  /** The file name's start: "orders" → orders-20261202-1530.csv. */
  name: string;
  /** A problem answer instead of the file (a bad query string), before anything runs. */
  refuse?: () => Response | null;
  run: (caller: Caller, user: SessionUser) => Promise<CsvExport>;
}): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return problem(401, "Sign in first", `Sign in as head office staff to ${options.what}.`);
  if (!canOpenArea(user.role, "hq")) return problem(403, "Not allowed", `Only head office staff can ${options.what}.`);
  const refused = options.refuse?.();
  if (refused) return refused;
  try {
    const result = await options.run(await serverCaller(user), user);
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
    return new Response(`\uFEFF${result.csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${result.filename ?? `${options.name}-${stamp}.csv`}"`,
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

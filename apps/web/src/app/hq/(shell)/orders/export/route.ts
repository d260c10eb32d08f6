// GET /hq/orders/export?…: the HQ orders table's filtered set as a CSV download. The
// query string is the one the orders screen builds (exportSearch in components/hq/orders);
// the signed-in admin is checked here and again by orders.exportCsv itself.
import { getSessionUser } from "@oms/auth";
import { Channel, OrderSortField, OrderStatus } from "@oms/contracts";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { canOpenArea } from "../../../../../areas.ts";
import { serverCaller } from "../../../../../trpc/server.ts";

export const dynamic = "force-dynamic";

function problem(status: number, title: string, detail: string): Response {
  return Response.json({ type: "about:blank", title, status, detail }, { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } });
}

const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined => {
  const picked = (value ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
  return picked.length > 0 ? picked : undefined;
};

export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return problem(401, "Sign in first", "Sign in as head office staff to export orders.");
  if (!canOpenArea(user.role, "hq")) return problem(403, "Not allowed", "Only head office staff can export the network's orders.");

  const q = new URL(request.url).searchParams;
  const sortField = OrderSortField.safeParse(q.get("sort"));
  const input = {
    status: list(q.get("status"), OrderStatus.options),
    channel: list(q.get("channel"), Channel.options),
    locationId: q.get("location") || undefined,
    from: q.get("from") || undefined,
    to: q.get("to") || undefined,
    late: q.get("late") === "1" ? true : undefined,
    search: q.get("q")?.trim() || undefined,
    sort: { field: sortField.success ? sortField.data : "placedAt", desc: q.get("dir") !== "asc" },
  };
  try {
    const result = await (await serverCaller(user)).orders.exportCsv(input);
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return new Response(`\uFEFF${result.csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="orders-${stamp}.csv"`,
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

// GET /hq/inventory/export?location=…&category=…&q=…&stock=LOW: the inventory table's
// filtered set as a CSV download, streamed chunk by chunk (inventory.exportCsv, 5,000 rows
// per chunk, keyset-paged), so a million rows never sit in memory at once. The signed-in
// admin is checked here and again by the procedure on every chunk.
import { getSessionUser } from "@oms/auth";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { canOpenArea } from "../../../../../areas.ts";
import { serverCaller } from "../../../../../trpc/server.ts";

export const dynamic = "force-dynamic";

function problem(status: number, title: string, detail: string): Response {
  return Response.json({ type: "about:blank", title, status, detail }, { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return problem(401, "Sign in first", "Sign in as head office staff to export inventory.");
  if (!canOpenArea(user.role, "hq")) return problem(403, "Not allowed", "Only head office staff can export the network's inventory.");

  const q = new URL(request.url).searchParams;
  const stock = q.get("stock");
  const filter = {
    ...(q.getAll("location").length ? { locationIds: q.getAll("location") } : {}),
    ...(q.get("category") ? { categoryId: q.get("category")! } : {}),
    ...(q.get("q")?.trim() ? { search: q.get("q")!.trim() } : {}),
    stock: (stock === "LOW" || stock === "ZERO" ? stock : "ALL") as "ALL" | "LOW" | "ZERO",
  };
  const caller = await serverCaller(user);
  // The first chunk is fetched before answering, so a bad filter is a proper error response.
  let first;
  try {
    first = await caller.inventory.exportCsv(filter);
  } catch (error) {
    if (error instanceof TRPCError) return problem(getHTTPStatusCodeFromError(error), "The export failed", error.message);
    throw error;
  }
  const encoder = new TextEncoder();
  let cursor = first.nextCursor;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte-order mark makes spreadsheet programs read the file as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${first.csv}`));
      if (!cursor) controller.close();
    },
    async pull(controller) {
      if (!cursor) return;
      try {
        const chunk = await caller.inventory.exportCsv({ ...filter, cursor });
        controller.enqueue(encoder.encode(chunk.csv));
        cursor = chunk.nextCursor;
        if (!cursor) controller.close();
      } catch (error) {
        console.error("[web] inventory export failed part-way:", error);
        controller.error(error);
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="inventory-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

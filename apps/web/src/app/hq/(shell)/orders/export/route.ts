// GET /hq/orders/export?…: the HQ orders table's filtered set as a CSV download. The
// query string is the one the orders screen builds (exportSearch in components/hq/orders);
// the signed-in admin is checked by hqCsvExport and again by orders.exportCsv itself.
import { Channel, OrderSortField, OrderStatus } from "@oms/contracts";
import { hqCsvExport } from "../../../../../http/hq-csv-export.ts";

export const dynamic = "force-dynamic";

const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined => {
  const picked = (value ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
  return picked.length > 0 ? picked : undefined;
};

export async function GET(request: Request): Promise<Response> {
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
  return hqCsvExport({ what: "export the network's orders", name: "orders", run: (caller) => caller.orders.exportCsv(input) });
}

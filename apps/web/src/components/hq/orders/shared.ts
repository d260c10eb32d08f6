// What the HQ order screens share: row types, badge colours, and the table's filters as
// URL search parameters (so Back from an order returns to the same page of results, and
// the CSV export gets exactly the filtered set).
import type { AppRouter } from "@oms/api";
import { Channel, OrderSortField, OrderStatus, type OrderTableInput } from "@oms/contracts";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type OrderRow = Outputs["orders"]["table"]["items"][number];
export type OrderDetail = Outputs["orders"]["get"];
export type OrderStatusValue = OrderRow["status"];
export type PaymentStatusValue = OrderRow["paymentStatus"];
export type ChannelValue = OrderRow["channel"];

export const orderStatusColor: Record<OrderStatusValue, string> = {
  DRAFT: "gray",
  PENDING_VALIDATION: "yellow",
  ON_HOLD: "orange",
  ALLOCATED: "blue",
  IN_FULFILLMENT: "indigo",
  PARTIALLY_FULFILLED: "violet",
  FULFILLED: "teal",
  COMPLETED: "green",
  CANCELLED: "gray",
  PARTIALLY_RETURNED: "grape",
  RETURNED: "grape",
};

export const paymentStatusColor: Record<PaymentStatusValue, string> = {
  PENDING: "yellow",
  AUTHORIZED: "blue",
  PARTIALLY_PAID: "orange",
  PAID: "teal",
  PAY_AT_PICKUP: "cyan",
  PARTIALLY_REFUNDED: "grape",
  REFUNDED: "grape",
  VOIDED: "gray",
};

export const fulfillmentStatusColor: Record<string, string> = {
  NEW: "blue",
  PICKING: "indigo",
  PACKED: "violet",
  READY_FOR_PICKUP: "cyan",
  SHIPPED: "teal",
  PICKED_UP: "green",
  DELIVERED: "green",
  REJECTED: "red",
  CANCELLED: "gray",
};

export const pageSizes = [25, 50, 100];

export interface OrderFilterState {
  search: string;
  status: OrderStatusValue[];
  channel: ChannelValue[];
  locationId: string | null;
  /** yyyy-mm-dd, the reader's own calendar day; "" = open. */
  from: string;
  to: string;
  late: boolean;
  sort: { field: OrderSortField; desc: boolean };
  /** 0-based */
  page: number;
  pageSize: number;
}

export const defaultFilters: OrderFilterState = {
  search: "",
  status: [],
  channel: [],
  locationId: null,
  from: "",
  to: "",
  late: false,
  sort: { field: "placedAt", desc: true },
  page: 0,
  pageSize: 25,
};

const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The screen's filters from its URL (unknown values are dropped, not errors). */
export function filtersFromSearch(params: URLSearchParams): OrderFilterState {
  const list = <T extends string>(key: string, allowed: readonly T[]) =>
    (params.get(key) ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));
  const field = OrderSortField.safeParse(params.get("sort"));
  const size = Number(params.get("size"));
  const page = Number(params.get("page"));
  return {
    search: params.get("q") ?? "",
    status: list("status", OrderStatus.options),
    channel: list("channel", Channel.options),
    locationId: params.get("location") || null,
    from: isDay(params.get("from")) ? params.get("from")! : "",
    to: isDay(params.get("to")) ? params.get("to")! : "",
    late: params.get("late") === "1",
    sort: field.success ? { field: field.data, desc: params.get("dir") !== "asc" } : defaultFilters.sort,
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: pageSizes.includes(size) ? size : defaultFilters.pageSize,
  };
}

/** The URL of the filters (defaults left out, so a plain /hq/orders stays plain). */
export function searchOfFilters(f: OrderFilterState): string {
  const params = new URLSearchParams();
  if (f.search.trim()) params.set("q", f.search.trim());
  if (f.status.length > 0) params.set("status", f.status.join(","));
  if (f.channel.length > 0) params.set("channel", f.channel.join(","));
  if (f.locationId) params.set("location", f.locationId);
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  if (f.late) params.set("late", "1");
  if (f.sort.field !== defaultFilters.sort.field || f.sort.desc !== defaultFilters.sort.desc) {
    params.set("sort", f.sort.field);
    params.set("dir", f.sort.desc ? "desc" : "asc");
  }
  if (f.page > 0) params.set("page", String(f.page + 1));
  if (f.pageSize !== defaultFilters.pageSize) params.set("size", String(f.pageSize));
  return params.toString();
}

/** Start of the day `day` (yyyy-mm-dd) in the reader's time zone, or its last millisecond. */
function dayBoundary(day: string, end: boolean): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
}

/** The orders.table input of the filters. */
export function tableInput(f: OrderFilterState): OrderTableInput {
  return {
    ...(f.status.length > 0 ? { status: f.status } : {}),
    ...(f.channel.length > 0 ? { channel: f.channel } : {}),
    ...(f.locationId ? { locationId: f.locationId } : {}),
    ...(f.from ? { from: dayBoundary(f.from, false) } : {}),
    ...(f.to ? { to: dayBoundary(f.to, true) } : {}),
    ...(f.late ? { late: true } : {}),
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
    sort: f.sort,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** The export route's query: the table's filters with the days as exact instants. */
export function exportSearch(f: OrderFilterState): string {
  const params = new URLSearchParams();
  const input = tableInput(f);
  if (input.status) params.set("status", input.status.join(","));
  if (input.channel) params.set("channel", input.channel.join(","));
  if (input.locationId) params.set("location", input.locationId);
  if (input.from) params.set("from", (input.from as Date).toISOString());
  if (input.to) params.set("to", (input.to as Date).toISOString());
  if (input.late) params.set("late", "1");
  if (input.search) params.set("q", input.search);
  params.set("sort", f.sort.field);
  params.set("dir", f.sort.desc ? "desc" : "asc");
  return params.toString();
}

export function filtersActive(f: OrderFilterState): boolean {
  return Boolean(f.search.trim() || f.status.length || f.channel.length || f.locationId || f.from || f.to || f.late);
}

/** Late matters while the order is still being worked on; a cancelled or finished order keeps the flag as history. */
export function showsLate(order: { isLate: boolean; status: OrderStatusValue }): boolean {
  return order.isLate && !["CANCELLED", "FULFILLED", "COMPLETED", "PARTIALLY_RETURNED", "RETURNED"].includes(order.status);
}

import { AppError, currencyExponent, ListOrdersInput, OrderExportInput, OrderTableInput, type OrderSortField } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

export interface OrderSummary {
  id: string;
  number: string;
  channel: string;
  status: string;
  paymentStatus: string;
  customerName: string | null;
  email: string | null;
  currency: string;
  total: number;
  isLate: boolean;
  placedAt: Date;
  promisedAt: Date | null;
  originLocationId: string | null;
}

export interface OrderPage {
  items: OrderSummary[];
  nextCursor: string | null;
}

function decodeCursor(cursor: string): { placedAt: Date; id: string } {
  try {
    const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
    const placedAt = new Date(time!);
    if (!id || Number.isNaN(placedAt.getTime())) throw new Error("bad cursor");
    return { placedAt, id };
  } catch {
    throw new AppError("VALIDATION_FAILED", "cursor: That page link is no longer valid; start from the first page.", {
      fields: [{ path: ["cursor"], message: "Not a valid cursor" }],
    });
  }
}

const encodeCursor = (o: { placedAt: Date; id: string }) => Buffer.from(`${o.placedAt.toISOString()}|${o.id}`).toString("base64url");

interface OrderFilters {
  status?: string[] | undefined;
  channel?: string[] | undefined;
  locationId?: string | undefined;
  customerId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  late?: boolean | undefined;
  search?: string | undefined;
}

/** The filters every order list shares, as Prisma conditions (ANDed). */
function orderFilters(input: OrderFilters): Prisma.OrderWhereInput[] {
  const and: Prisma.OrderWhereInput[] = [];
  if (input.status) and.push({ status: { in: input.status as Prisma.EnumOrderStatusFilter["in"] } });
  if (input.channel) and.push({ channel: { in: input.channel as Prisma.EnumChannelFilter["in"] } });
  if (input.locationId) {
    and.push({ OR: [{ originLocationId: input.locationId }, { fulfillmentOrders: { some: { locationId: input.locationId } } }] });
  }
  if (input.customerId) and.push({ customerId: input.customerId });
  if (input.from) and.push({ placedAt: { gte: input.from } });
  if (input.to) and.push({ placedAt: { lte: input.to } });
  if (input.late !== undefined) and.push({ isLate: input.late });
  if (input.search) {
    const q = input.search;
    and.push({
      OR: [
        { number: { startsWith: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        { customerName: { contains: q, mode: "insensitive" } },
        { externalId: q },
      ],
    });
  }
  return and;
}

/** Newest first, with filters; keyset pagination on (placedAt, id). */
export async function listOrders(rawInput: ListOrdersInput, ctx: Pick<DomainContext, "db">): Promise<OrderPage> {
  const input = parseInput(ListOrdersInput, rawInput);
  const and = orderFilters(input);
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    and.push({ OR: [{ placedAt: { lt: c.placedAt } }, { placedAt: c.placedAt, id: { lt: c.id } }] });
  }
  const rows = await ctx.db.order.findMany({
    where: { AND: and },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      number: true,
      channel: true,
      status: true,
      paymentStatus: true,
      customerName: true,
      email: true,
      currency: true,
      total: true,
      isLate: true,
      placedAt: true,
      promisedAt: true,
      originLocationId: true,
    },
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? encodeCursor(items[items.length - 1]!) : null };
}

// ── The HQ orders table: one sorted, filtered page with the total, and its CSV export ──

const tableRowSelect = {
  id: true,
  number: true,
  channel: true,
  externalId: true,
  status: true,
  paymentStatus: true,
  customerId: true,
  customerName: true,
  email: true,
  currency: true,
  total: true,
  isLate: true,
  placedAt: true,
  promisedAt: true,
  originLocation: { select: { id: true, code: true, name: true } },
  // Where the order is (or was) fulfilled; cancelled and rejected ones are history.
  fulfillmentOrders: {
    where: { status: { notIn: ["CANCELLED", "REJECTED"] } },
    orderBy: { number: "asc" },
    select: { location: { select: { id: true, code: true, name: true } } },
  },
  lines: { select: { quantity: true, quantityCancelled: true } },
  _count: { select: { tasks: { where: { status: { in: ["OPEN", "IN_PROGRESS"] } } } } },
} satisfies Prisma.OrderSelect;

type TableRow = Prisma.OrderGetPayload<{ select: typeof tableRowSelect }>;

export interface OrderTableRow {
  id: string;
  number: string;
  channel: TableRow["channel"];
  externalId: string | null;
  status: TableRow["status"];
  paymentStatus: TableRow["paymentStatus"];
  customerId: string | null;
  customerName: string | null;
  email: string | null;
  currency: string;
  total: number;
  isLate: boolean;
  placedAt: Date;
  promisedAt: Date | null;
  origin: { id: string; code: string; name: string } | null;
  /** Distinct locations with a live fulfillment order, in fulfillment-order order. */
  fulfilledBy: { id: string; code: string; name: string }[];
  /** Units ordered and not cancelled. */
  units: number;
  openTasks: number;
}

export interface OrderTablePage {
  items: OrderTableRow[];
  /** Rows matching the filters, on every page. */
  total: number;
  page: number;
  pageSize: number;
}

/** Sort column → ORDER BY; the id last so equal values keep one order across pages. */
function orderTableOrderBy(sort: { field: OrderSortField; desc: boolean }): Prisma.OrderOrderByWithRelationInput[] {
  const dir = sort.desc ? "desc" : "asc";
  const by: Prisma.OrderOrderByWithRelationInput = (() => {
    switch (sort.field) {
      case "placedAt":
        return { placedAt: dir };
      case "number":
        return { number: dir };
      case "channel":
        return { channel: dir };
      case "status":
        return { status: dir };
      case "total":
        return { total: dir };
      case "customer":
        return { customerName: { sort: dir, nulls: "last" } };
      case "promisedAt":
        return { promisedAt: { sort: dir, nulls: "last" } };
    }
  })();
  return [by, { id: dir }];
}

function toTableRow(row: TableRow): OrderTableRow {
  const fulfilledBy = new Map<string, { id: string; code: string; name: string }>();
  for (const f of row.fulfillmentOrders) fulfilledBy.set(f.location.id, f.location);
  return {
    id: row.id,
    number: row.number,
    channel: row.channel,
    externalId: row.externalId,
    status: row.status,
    paymentStatus: row.paymentStatus,
    customerId: row.customerId,
    customerName: row.customerName,
    email: row.email,
    currency: row.currency,
    total: row.total,
    isLate: row.isLate,
    placedAt: row.placedAt,
    promisedAt: row.promisedAt,
    origin: row.originLocation,
    fulfilledBy: [...fulfilledBy.values()],
    units: row.lines.reduce((sum, l) => sum + l.quantity - l.quantityCancelled, 0),
    openTasks: row._count.tasks,
  };
}

/**
 * One page of the HQ orders table: filters as listOrders, one sort column, offset paging
 * and the number of matching rows (a table with page numbers needs the total). Who may see
 * which location is decided by the caller (the API scopes store roles to their store).
 */
export async function listOrderTable(rawInput: OrderTableInput, ctx: Pick<DomainContext, "db">): Promise<OrderTablePage> {
  const input = parseInput(OrderTableInput, rawInput);
  const where: Prisma.OrderWhereInput = { AND: orderFilters(input) };
  const [total, rows] = await Promise.all([
    ctx.db.order.count({ where }),
    ctx.db.order.findMany({
      where,
      orderBy: orderTableOrderBy(input.sort),
      skip: input.page * input.pageSize,
      take: input.pageSize,
      select: tableRowSelect,
    }),
  ]);
  return { items: rows.map(toTableRow), total, page: input.page, pageSize: input.pageSize };
}

/** The most rows one CSV export holds; the file says when there were more. */
export const ORDER_EXPORT_MAX_ROWS = 10_000;
const EXPORT_CHUNK = 500;

export interface OrderCsv {
  /** RFC 4180: CRLF line ends, a header row, quoted where needed. */
  csv: string;
  rows: number;
  /** More rows matched than ORDER_EXPORT_MAX_ROWS; narrow the filters. */
  truncated: boolean;
}

const csvHeader = [
  "Number",
  "Placed at (UTC)",
  "Channel",
  "Channel order id",
  "Status",
  "Payment",
  "Customer",
  "E-mail",
  "Rung up at",
  "Fulfilled by",
  "Units",
  "Currency",
  "Total",
  "Late",
  "Promised by (UTC)",
  "Open tasks",
];

/**
 * A spreadsheet cell: quoted when it holds a comma, quote or line break, and a value a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Minor units as a plain decimal ("1234.50"), no grouping: spreadsheets read it as a number. */
export function decimalAmount(amount: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  if (exponent === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(amount)).padStart(exponent + 1, "0");
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function csvLine(row: OrderTableRow): string {
  return [
    row.number,
    row.placedAt.toISOString(),
    row.channel,
    row.externalId,
    row.status,
    row.paymentStatus,
    row.customerName,
    row.email,
    row.origin ? `${row.origin.code} ${row.origin.name}` : null,
    row.fulfilledBy.map((l) => `${l.code} ${l.name}`).join("; "),
    row.units,
    row.currency,
    decimalAmount(row.total, row.currency),
    row.isLate ? "yes" : "no",
    row.promisedAt?.toISOString() ?? null,
    row.openTasks,
  ]
    .map(csvCell)
    .join(",");
}

/**
 * Every order the table's filters match, in the table's order, as CSV: read in chunks of
 * 500 rows so memory stays flat, and cut at ORDER_EXPORT_MAX_ROWS (`truncated` says so).
 */
export async function exportOrdersCsv(
  rawInput: OrderExportInput,
  ctx: Pick<DomainContext, "db">,
  limits: { maxRows?: number; chunk?: number } = {},
): Promise<OrderCsv> {
  const input = parseInput(OrderExportInput, rawInput);
  const maxRows = limits.maxRows ?? ORDER_EXPORT_MAX_ROWS;
  const chunkSize = limits.chunk ?? EXPORT_CHUNK;
  const where: Prisma.OrderWhereInput = { AND: orderFilters(input) };
  const orderBy = orderTableOrderBy(input.sort);
  const lines = [csvHeader.map(csvCell).join(",")];
  let rows = 0;
  let truncated = false;
  for (let skip = 0; ; skip += chunkSize) {
    // One row past the limit tells whether there were more.
    const take = Math.min(chunkSize, maxRows + 1 - skip);
    const chunk = await ctx.db.order.findMany({ where, orderBy, skip, take, select: tableRowSelect });
    for (const row of chunk) {
      if (rows === maxRows) {
        truncated = true;
        break;
      }
      lines.push(csvLine(toTableRow(row)));
      rows += 1;
    }
    if (truncated || chunk.length < take) break;
  }
  return { csv: `${lines.join("\r\n")}\r\n`, rows, truncated };
}

import { AppError } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import { assertCanAccessLocation, assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { ListNotificationsInput, NotificationIdInput } from "./schemas.ts";

export interface NotificationSummary {
  id: string;
  channel: "EMAIL" | "SMS";
  recipient: string;
  template: string;
  subject: string;
  status: "QUEUED" | "SENT" | "FAILED";
  provider: string | null;
  attempts: number;
  lastError: string | null;
  orderId: string | null;
  orderNumber: string | null;
  locationId: string | null;
  locationName: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

export interface NotificationDetail extends NotificationSummary {
  body: string;
  html: string | null;
  providerMessageId: string | null;
}

export interface NotificationPage {
  rows: NotificationSummary[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<"QUEUED" | "SENT" | "FAILED", number>;
}

const summarySelect = {
  id: true,
  channel: true,
  recipient: true,
  template: true,
  subject: true,
  status: true,
  provider: true,
  attempts: true,
  lastError: true,
  orderId: true,
  locationId: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
  data: true,
} as const;

/** Store managers see their own store's messages; administrators see all. */
function scopeFor(ctx: DomainContext, locationId: string | undefined): string | undefined {
  assertRole(ctx.actor, ["ADMIN", "MANAGER"]);
  if (ctx.actor.kind === "USER" && ctx.actor.user.role !== "ADMIN") {
    const home = ctx.actor.user.locationId;
    if (!home) throw new AppError("FORBIDDEN", "You have no home store, so there are no messages to show.", {});
    if (locationId) assertCanAccessLocation(ctx.actor, locationId);
    return home;
  }
  return locationId;
}

/** The mail log: newest first, filtered and paged on the server. */
export async function listNotifications(input: ListNotificationsInput, ctx: DomainContext): Promise<NotificationPage> {
  const q = parseInput(ListNotificationsInput, input);
  const locationId = scopeFor(ctx, q.locationId);
  const where: Prisma.NotificationWhereInput = {
    ...(locationId ? { locationId } : {}),
    ...(q.template ? { template: q.template } : {}),
    ...(q.recipient ? { recipient: { contains: q.recipient, mode: "insensitive" } } : {}),
  };
  if (q.orderNumber) {
    const orders = await ctx.db.order.findMany({ where: { number: { startsWith: q.orderNumber, mode: "insensitive" } }, select: { id: true }, take: 200 });
    where.orderId = { in: orders.map((o) => o.id) };
  }
  const [rows, total, grouped] = await Promise.all([
    ctx.db.notification.findMany({
      where: { ...where, ...(q.status ? { status: q.status } : {}) },
      select: summarySelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: q.page * q.pageSize,
      take: q.pageSize,
    }),
    ctx.db.notification.count({ where: { ...where, ...(q.status ? { status: q.status } : {}) } }),
    ctx.db.notification.groupBy({ by: ["status"], where, _count: { _all: true } }),
  ]);
  const counts = { QUEUED: 0, SENT: 0, FAILED: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return { rows: await withNames(ctx, rows), total, page: q.page, pageSize: q.pageSize, counts };
}

/** One message with its text and HTML exactly as sent (the screen shows the HTML in a sandboxed iframe). */
export async function getNotification(input: { notificationId: string }, ctx: DomainContext): Promise<NotificationDetail> {
  const { notificationId } = parseInput(NotificationIdInput, input);
  const row = await ctx.db.notification.findUnique({ where: { id: notificationId }, select: { ...summarySelect, body: true, html: true } });
  if (!row) throw new AppError("NOT_FOUND", "That message does not exist.", { fields: [{ path: ["notificationId"], message: "No message with this id" }] });
  const scope = scopeFor(ctx, undefined);
  if (scope && row.locationId !== scope) throw new AppError("FORBIDDEN", "You can only see your own store's messages.", { locationId: row.locationId });
  const [summary] = await withNames(ctx, [row]);
  const data = row.data as { providerMessageId?: unknown };
  return { ...summary!, body: row.body, html: row.html, providerMessageId: typeof data.providerMessageId === "string" ? data.providerMessageId : null };
}

/** Puts a FAILED message back in the queue for a fresh set of tries (administrators only). */
export async function resendNotification(input: { notificationId: string }, ctx: DomainContext): Promise<NotificationSummary> {
  const { notificationId } = parseInput(NotificationIdInput, input);
  assertRole(ctx.actor, ["ADMIN"]);
  const updated = await ctx.db.notification.updateMany({
    where: { id: notificationId, status: "FAILED" },
    data: { status: "QUEUED", attempts: 0, nextAttemptAt: ctx.now, lastError: null },
  });
  if (updated.count === 0) {
    const row = await ctx.db.notification.findUnique({ where: { id: notificationId }, select: { status: true } });
    if (!row) throw new AppError("NOT_FOUND", "That message does not exist.", { fields: [{ path: ["notificationId"], message: "No message with this id" }] });
    throw new AppError("CONFLICT", `Only a failed message can be sent again; this one is ${row.status.toLowerCase()}.`, { status: row.status });
  }
  const row = await ctx.db.notification.findUniqueOrThrow({ where: { id: notificationId }, select: summarySelect });
  return (await withNames(ctx, [row]))[0]!;
}

type Row = Prisma.NotificationGetPayload<{ select: typeof summarySelect }>;

async function withNames(ctx: DomainContext, rows: Row[]): Promise<NotificationSummary[]> {
  const orderIds = [...new Set(rows.map((r) => r.orderId).filter((id): id is string => !!id))];
  const locationIds = [...new Set(rows.map((r) => r.locationId).filter((id): id is string => !!id))];
  const [orders, locations] = await Promise.all([
    orderIds.length ? ctx.db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true } }) : [],
    locationIds.length ? ctx.db.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, name: true } }) : [],
  ]);
  const orderNumber = new Map(orders.map((o) => [o.id, o.number]));
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  return rows.map(({ data: _data, ...r }) => ({
    ...r,
    orderNumber: r.orderId ? (orderNumber.get(r.orderId) ?? null) : null,
    locationName: r.locationId ? (locationName.get(r.locationId) ?? null) : null,
  }));
}

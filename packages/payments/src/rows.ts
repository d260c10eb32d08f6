// Rows the payment steps write besides Payment and Refund: the order's payment status, its
// timeline, tasks and outbox events. Internal to this package.
import { formatMoney, type OutboxPayload } from "@oms/contracts";
import { enqueueEvents, type Actor, type OutboxMessage } from "@oms/core";
import type { PaymentState, PaymentStatus, Prisma, Role, Tx } from "@oms/db";

export interface StepContext {
  actor: Actor;
  now: Date;
}

function actorRef(actor: Actor): { actorKind: "USER" | "API_KEY" | "SYSTEM"; actorId: string | null } {
  if (actor.kind === "USER") return { actorKind: "USER", actorId: actor.user.id };
  if (actor.kind === "API_KEY") return { actorKind: "API_KEY", actorId: actor.apiKeyId };
  return { actorKind: "SYSTEM", actorId: null };
}

export function money(amount: number, currency: string): string {
  return formatMoney(amount, currency);
}


export async function orderEvent(tx: Tx, orderId: string, type: string, message: string, ctx: StepContext, data: Record<string, unknown> = {}): Promise<void> {
  await tx.orderEvent.create({ data: { orderId, type, message, data: data as Prisma.InputJsonValue, ...actorRef(ctx.actor), createdAt: ctx.now } });
}

/** Locks the payment row for the rest of the transaction (concurrent webhooks, jobs). */
export async function lockPayment(tx: Tx, paymentId: string) {
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${paymentId}::uuid FOR UPDATE`;
  return tx.payment.findUnique({ where: { id: paymentId } });
}

/** Payment state for what has been captured and refunded. */
export function settledPaymentState(amountCaptured: number, amountRefunded: number, fallback: PaymentState): PaymentState {
  if (amountCaptured > 0 && amountRefunded >= amountCaptured) return "REFUNDED";
  if (amountRefunded > 0) return "PARTIALLY_REFUNDED";
  if (amountCaptured > 0) return "CAPTURED";
  return fallback;
}

/**
 * The order's payment status from its payments: refunds first, then captured money against
 * the total, then authorizations; PENDING / PAY_AT_PICKUP stay until money moves.
 */
export function derivePaymentStatus(
  current: PaymentStatus,
  orderTotal: number,
  payments: { status: PaymentState; amount: number; amountCaptured: number; amountRefunded: number }[],
): PaymentStatus {
  const captured = payments.reduce((s, p) => s + p.amountCaptured, 0);
  const refunded = payments.reduce((s, p) => s + p.amountRefunded, 0);
  if (refunded > 0) return refunded >= captured ? "REFUNDED" : "PARTIALLY_REFUNDED";
  if (captured > 0) return captured >= orderTotal ? "PAID" : "PARTIALLY_PAID";
  const authorized = payments.filter((p) => p.status === "AUTHORIZED").reduce((s, p) => s + p.amount, 0);
  if (authorized > 0 && authorized >= orderTotal) return "AUTHORIZED";
  if (authorized === 0 && current === "AUTHORIZED" && payments.some((p) => p.status === "VOIDED")) return "VOIDED";
  return current;
}

/** Recomputes Order.paymentStatus; returns the order when it changed (for events). */
export async function refreshOrderPaymentStatus(tx: Tx, orderId: string) {
  const order = await tx.order.findUnique({ where: { id: orderId }, include: { payments: true } });
  if (!order) return null;
  const next = derivePaymentStatus(order.paymentStatus, order.total, order.payments);
  if (next !== order.paymentStatus) await tx.order.update({ where: { id: orderId }, data: { paymentStatus: next } });
  return { ...order, paymentStatus: next, changed: next !== order.paymentStatus };
}

export function orderChanged(order: { id: string; number: string; status: OutboxPayload<"order.changed">["status"]; originLocationId: string | null }, change: string): OutboxMessage<"order.changed"> {
  return { topic: "order.changed", locationId: order.originLocationId, payload: { orderId: order.id, number: order.number, status: order.status, change } };
}

/** The store that deals with an order's money: the till's store, else the first fulfilling store. */
export async function responsibleLocation(tx: Tx, order: { id: string; originLocationId: string | null }): Promise<string | null> {
  if (order.originLocationId) return order.originLocationId;
  const fulfillment = await tx.fulfillmentOrder.findFirst({ where: { orderId: order.id }, orderBy: { createdAt: "asc" }, select: { locationId: true } });
  return fulfillment?.locationId ?? null;
}

export interface PaymentTask {
  /** PAYMENT: a capture or refund needs a person; DISPUTE: the bank disputes a charge. */
  kind: "PAYMENT" | "DISPUTE";
  code: string;
  title: string;
  instruction: string;
  assigneeRole: Role;
  locationId: string | null;
  orderId: string | null;
  data: Record<string, unknown>;
}

/** Opens a task unless an open one with the same code exists for the same payment/refund/dispute key. */
export async function openTask(tx: Tx, task: PaymentTask, dedupeKey: string, ctx: StepContext): Promise<string> {
  const existing = await tx.task.findFirst({
    where: { code: task.code, status: { in: ["OPEN", "IN_PROGRESS"] }, data: { path: ["key"], equals: dedupeKey } },
    select: { id: true },
  });
  if (existing) return existing.id;
  const row = await tx.task.create({
    data: {
      kind: task.kind,
      code: task.code,
      title: task.title,
      instruction: task.instruction,
      assigneeRole: task.assigneeRole,
      locationId: task.locationId,
      orderId: task.orderId,
      data: { ...task.data, key: dedupeKey } as Prisma.InputJsonValue,
      createdAt: ctx.now,
    },
  });
  await enqueueEvents(tx, [{ topic: "task.changed", locationId: row.locationId, payload: { taskId: row.id, locationId: row.locationId, status: row.status, change: "task.created" } }]);
  return row.id;
}

export async function closePaymentTasks(tx: Tx, code: string, dedupeKey: string, resolution: string, ctx: StepContext): Promise<void> {
  const open = await tx.task.findMany({ where: { code, status: { in: ["OPEN", "IN_PROGRESS"] }, data: { path: ["key"], equals: dedupeKey } }, select: { id: true, locationId: true } });
  if (open.length === 0) return;
  await tx.task.updateMany({ where: { id: { in: open.map((t) => t.id) } }, data: { status: "DONE", resolution, resolvedAt: ctx.now, updatedAt: ctx.now } });
  await enqueueEvents(tx, open.map((t) => ({ topic: "task.changed" as const, locationId: t.locationId, payload: { taskId: t.id, locationId: t.locationId, status: "DONE", change: "task.done" } })));
}

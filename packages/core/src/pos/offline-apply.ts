import {
  AppError,
  cashTender,
  formatMoney,
  OfflineCommandInput,
  priceOfflineSale,
  roundCash,
  type OfflineApplyResult,
  type OfflineCashMovementCommand,
  type OfflineSaleCommand,
} from "@oms/contracts";
import type { Location, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { changeOnHand, reserveStock } from "../inventory/index.ts";
import { nextOrderNumber, orderChanged, recordOrderEvent } from "../orders/index.ts";
import { registerChanged } from "../registers/events.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { CASH_TENDER_EVENT } from "./checkout-state.ts";
import { completeSaleIfPaid } from "./complete-sale.ts";
import { loadSellingStore } from "./catalog.ts";
import { loadOfflineSettings } from "./offline-settings.ts";
import { raiseTask } from "./offline-tasks.ts";

/** Order.externalId of a sale made offline: the till's client sale id, unique per channel. */
export const offlineExternalId = (clientId: string) => `offline:${clientId}`;

const field = (path: (string | number)[], message: string, code: "VALIDATION_FAILED" | "FORBIDDEN" = "VALIDATION_FAILED"): never => {
  throw new AppError(code, `${path.join(".")}: ${message}.`, { fields: [{ path, message }] });
};

async function findApplied(db: Tx, command: OfflineCommandInput): Promise<OfflineApplyResult | null> {
  const row = await db.offlineCommand.findUnique({ where: { clientId: command.clientId } });
  if (!row) return null;
  if (row.deviceId !== command.deviceId || row.kind !== command.type) {
    throw new AppError("IDEMPOTENCY_MISMATCH", "clientId: Another device's command already has this id. The till must choose a new id.", {
      fields: [{ path: ["clientId"], message: "Used by another command" }],
    });
  }
  const order = row.orderId ? await db.order.findUnique({ where: { id: row.orderId }, select: { number: true } }) : null;
  return { clientId: row.clientId, outcome: "ALREADY_APPLIED", orderId: row.orderId, orderNumber: order?.number ?? null, cashMovementId: row.cashMovementId, shortfallUnits: row.shortfallUnits };
}

/**
 * The place, drawer and cashier a command names must fit together: the device belongs to
 * the store, the register session is that
 * store's, and the cashier is staff of that store (or HQ). A session closed since is
 * accepted: the sale happened in it (docs/pos.md#offline).
 */
async function assertCommandContext(tx: Tx, command: OfflineCommandInput) {
  const location = await loadSellingStore(tx, command.locationId);
  const device = await tx.posDevice.findUnique({ where: { id: command.deviceId }, select: { locationId: true } });
  if (!device) return field(["deviceId"], "This till device is not registered");
  if (device.locationId !== location.id) field(["deviceId"], "This till device belongs to another store", "FORBIDDEN");
  const session = await tx.registerSession.findUnique({ where: { id: command.registerSessionId }, include: { register: { select: { name: true } } } });
  if (!session) return field(["registerSessionId"], "That register session does not exist");
  if (session.locationId !== location.id) field(["registerSessionId"], "That register session belongs to another store", "FORBIDDEN");
  const cashier = await tx.user.findUnique({ where: { id: command.cashierId }, select: { id: true, name: true, role: true, homeLocationId: true } });
  if (!cashier) return field(["cashierId"], "That cashier does not exist");
  if (cashier.role !== "ADMIN" && cashier.homeLocationId !== location.id) field(["cashierId"], "That cashier works at another store", "FORBIDDEN");
  return { location, session, cashier };
}

/**
 * Applies one command recorded by a till while offline, exactly once: the command's row is
 * inserted first in the transaction, keyed by the device's client id, so a second
 * submission (a retry, another tab, another server) waits for the first and then returns
 * its result instead of applying again (docs/pos.md#the-sync-protocol).
 */
export async function applyOfflineCommand(rawInput: OfflineCommandInput, ctx: DomainContext): Promise<OfflineApplyResult> {
  const command = parseInput(OfflineCommandInput, rawInput);
  const before = await findApplied(ctx.db, command);
  if (before) return before;
  await ensureDevice(ctx.db, command, ctx.now);
  // A sale's number is drawn before its transaction, as the online checkout does.
  let number: string | null = null;
  if (command.type === "SALE") {
    const store = await ctx.db.location.findUnique({ where: { id: command.locationId }, select: { code: true } });
    if (store) number = await nextOrderNumber(ctx.db, "POS", store.code);
  }
  try {
    return await withTransaction(ctx, async (tx) => {
      await tx.offlineCommand.create({
        data: {
          clientId: command.clientId,
          kind: command.type,
          deviceId: command.deviceId,
          locationId: command.locationId,
          registerSessionId: command.registerSessionId,
          cashierId: command.cashierId,
          amount: command.type === "SALE" ? command.total : command.amount,
          recordedAt: new Date(command.recordedAt),
          appliedAt: ctx.now,
          appliedById: ctx.actor.kind === "USER" ? ctx.actor.user.id : null,
        },
      });
      const inner: DomainContext = { ...ctx, db: tx };
      const result = command.type === "SALE" ? await applySale(tx, command, number, inner) : await applyCashMovement(tx, command);
      await tx.offlineCommand.update({
        where: { clientId: command.clientId },
        data: { orderId: result.orderId, cashMovementId: result.cashMovementId, shortfallUnits: result.shortfallUnits },
      });
      return result;
    });
  } catch (error) {
    // The same command applied at the same moment elsewhere: its insert won, answer with it.
    const after = await findApplied(ctx.db, command);
    if (after) return after;
    throw error;
  }
}

/** A device seen for the first time (it went offline before its first heartbeat) is registered to the command's store. */
async function ensureDevice(db: Tx, command: OfflineCommandInput, now: Date): Promise<void> {
  const location = await db.location.findUnique({ where: { id: command.locationId }, select: { id: true } });
  if (!location) return; // the checks in the transaction name the field
  try {
    await db.posDevice.upsert({ where: { id: command.deviceId }, create: { id: command.deviceId, locationId: location.id, lastSeenAt: now, createdAt: now }, update: {} });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error; // registered at the same moment by another submission
  }
}

async function applySale(tx: Tx, command: OfflineSaleCommand, number: string | null, ctx: DomainContext): Promise<OfflineApplyResult> {
  const { location, session, cashier } = await assertCommandContext(tx, command);
  const settings = await loadOfflineSettings(tx);
  if (!number) return field(["locationId"], "That store does not exist");

  // The till priced the sale with the same functions (@oms/contracts sale-math): recompute
  // and compare, so what is recorded is consistent arithmetic, not whatever was sent.
  const priced = priceOfflineSale(command.lines, { orderDiscount: command.orderDiscount, pricesIncludeTax: location.pricesIncludeTax, approvalBps: settings.discountApprovalBps });
  if (priced.approvals.length > 0) {
    const need = priced.approvals[0]!;
    field(need.lineIndex === null ? ["orderDiscount"] : ["lines", need.lineIndex, "lineDiscount"], `${need.reason}: offline, discounts above the approval limit are not allowed`);
  }
  if (priced.total !== command.total) field(["total"], `The till showed ${formatMoney(command.total, location.currency)}, but these lines come to ${formatMoney(priced.total, location.currency)}`);
  if (priced.taxTotal !== command.taxTotal) field(["taxTotal"], `The till showed tax ${formatMoney(command.taxTotal, location.currency)}, but these lines have ${formatMoney(priced.taxTotal, location.currency)}`);
  if (command.total > settings.offlineMaxSaleAmount) field(["total"], `Offline sales are limited to ${formatMoney(settings.offlineMaxSaleAmount, location.currency)}`);
  const cash = cashTender(priced.total, command.tendered, location.cashRoundingIncrement);
  if (!cash.settles) field(["tendered"], `The cash handed over does not cover ${formatMoney(roundCash(priced.total, location.cashRoundingIncrement), location.currency)}`);
  if (cash.change !== command.change) field(["change"], `The change should be ${formatMoney(cash.change, location.currency)}`);
  const variants = await tx.variant.findMany({ where: { id: { in: command.lines.map((l) => l.variantId) } }, select: { id: true } });
  const known = new Set(variants.map((v) => v.id));
  command.lines.forEach((l, i) => (known.has(l.variantId) ? null : field(["lines", i, "variantId"], "That product does not exist")));

  const recordedAt = new Date(command.recordedAt);
  const customer = command.customerId ? await tx.customer.findUnique({ where: { id: command.customerId }, select: { id: true, firstName: true, lastName: true, email: true, phone: true } }) : null;
  const order = await tx.order.create({
    data: {
      number,
      channel: "POS",
      externalId: offlineExternalId(command.clientId),
      customerId: customer?.id ?? null,
      customerName: customer ? `${customer.firstName} ${customer.lastName}`.trim() : null,
      email: customer?.email ?? null,
      phone: customer?.phone ?? null,
      originLocationId: location.id,
      registerSessionId: session.id,
      currency: location.currency,
      subtotal: priced.subtotal,
      discountTotal: priced.discountTotal,
      taxTotal: priced.taxTotal,
      total: priced.total,
      pricesIncludeTax: location.pricesIncludeTax,
      status: "DRAFT",
      paymentStatus: "PENDING",
      routingTrace: { request: { fulfillmentType: "CARRY_OUT", locationId: location.id }, runs: [] },
      placedAt: recordedAt,
      createdById: cashier.id,
      lines: {
        create: priced.lines.map((l, i) => ({
          lineNo: i + 1,
          variantId: command.lines[i]!.variantId,
          sku: command.lines[i]!.sku,
          name: command.lines[i]!.name,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          discountTotal: l.discountTotal,
          taxRateBps: l.taxRateBps,
          taxTotal: l.taxTotal,
          total: l.total,
        })),
      },
    },
    include: { lines: { orderBy: { lineNo: "asc" } } },
  });
  const fulfillment = await tx.fulfillmentOrder.create({
    data: {
      number: `${number}-F1`,
      orderId: order.id,
      locationId: location.id,
      type: "CARRY_OUT",
      createdAt: ctx.now,
      lines: { create: order.lines.map((l) => ({ orderLineId: l.id, variantId: l.variantId, quantity: l.quantity })) },
    },
    include: { lines: true },
  });

  const shortfalls = await coverShortfalls(tx, location, order, fulfillment.lines, ctx);
  await reserveStock({ orderId: order.id, lines: fulfillment.lines.map((l) => ({ variantId: l.variantId, locationId: location.id, quantity: l.quantity, fulfillmentOrderLineId: l.id })) }, ctx);
  await recordOrderEvent(
    tx,
    order.id,
    "order.created",
    `Till sale ${number} made offline at ${location.name} on ${session.register.name} by ${cashier.name} at ${recordedAt.toISOString()}, synced later` +
      (session.status === "CLOSED" ? " (after its register session was closed)." : "."),
    ctx,
    { registerSessionId: session.id, total: priced.total, offline: { clientId: command.clientId, deviceId: command.deviceId, recordedAt: command.recordedAt } },
  );
  await enqueueEvents(tx, [orderChanged(order, "order.created", location.id)]);

  const payment = await tx.payment.create({
    data: {
      orderId: order.id,
      provider: "CASH",
      method: "CASH",
      status: "CAPTURED",
      currency: location.currency,
      amount: cash.applied,
      amountCaptured: cash.applied,
      tendered: command.tendered,
      changeGiven: cash.change,
      idempotencyKey: `offline-cash:${command.clientId}`,
      registerSessionId: session.id,
      createdAt: recordedAt,
    },
  });
  if (cash.applied !== 0) {
    await tx.cashMovement.create({
      data: { registerSessionId: session.id, kind: "SALE", amount: cash.applied, paymentId: payment.id, actorId: cashier.id, reason: `Sale ${number} (offline)`, createdAt: recordedAt },
    });
  }
  const money = (n: number) => formatMoney(n, location.currency);
  await recordOrderEvent(
    tx,
    order.id,
    CASH_TENDER_EVENT,
    `Cash ${money(command.tendered)} received offline, change ${money(cash.change)}` + (cash.rounding !== 0 ? `, rounding ${money(cash.rounding)}.` : "."),
    ctx,
    { paymentId: payment.id, tendered: command.tendered, change: cash.change, applied: cash.applied, rounding: cash.rounding },
  );
  await completeSaleIfPaid(order.id, ctx);
  return { clientId: command.clientId, outcome: "APPLIED", orderId: order.id, orderNumber: number, cashMovementId: null, shortfallUnits: shortfalls };
}

/**
 * Stock the sale took that the ledger does not have (the sale happened: the shelf had the
 * goods, so the system count was wrong). The on-hand CHECKs stay: the missing units are
 * first booked in as a CORRECTION (noted, on the sale's order) and then leave with the sale
 * as SALE like any till sale, so the ledger sums to on hand and the SALE movements show
 * exactly what was sold. The store manager gets a task to count the item.
 */
async function coverShortfalls(
  tx: Tx,
  location: Location,
  order: { id: string; number: string },
  lines: { variantId: string; quantity: number }[],
  ctx: DomainContext,
): Promise<number> {
  let total = 0;
  const short: { variantId: string; sku: string; units: number }[] = [];
  const units = new Map<string, number>();
  for (const l of lines) units.set(l.variantId, (units.get(l.variantId) ?? 0) + l.quantity);
  // In the inventory module's lock order (location, then variant).
  for (const line of [...units].map(([variantId, quantity]) => ({ variantId, quantity })).sort((a, b) => a.variantId.localeCompare(b.variantId))) {
    const rows = await tx.$queryRaw<{ onHand: number; reserved: number }[]>`
      SELECT "onHand", "reserved" FROM "InventoryLevel" WHERE "variantId" = ${line.variantId}::uuid AND "locationId" = ${location.id}::uuid FOR UPDATE`;
    const free = rows[0] ? rows[0].onHand - rows[0].reserved : 0;
    const missing = line.quantity - Math.max(0, free);
    if (missing <= 0) continue;
    const variant = await tx.variant.findUniqueOrThrow({ where: { id: line.variantId }, select: { sku: true } });
    await changeOnHand(
      tx,
      {
        variantId: line.variantId,
        locationId: location.id,
        delta: missing,
        kind: "ADJUSTMENT",
        refs: { orderId: order.id, reason: "CORRECTION", note: `Offline sale ${order.number} sold ${missing} more than the system had; count this item` },
      },
      ctx,
    );
    total += missing;
    short.push({ variantId: line.variantId, sku: variant.sku, units: missing });
  }
  if (short.length > 0) {
    await raiseTask(
      tx,
      {
        code: "pos.offline_shortfall",
        title: `Count stock: offline sale ${order.number} sold more than the system had`,
        instruction: `While the till was offline, ${order.number} sold ${short.map((s) => `${s.units} × ${s.sku}`).join(", ")} beyond the recorded stock at ${location.name}. The sale is recorded in full; count these items and correct the stock.`,
        locationId: location.id,
        orderId: order.id,
        data: { items: short },
      },
      ctx,
    );
  }
  return total;
}

async function applyCashMovement(tx: Tx, command: OfflineCashMovementCommand): Promise<OfflineApplyResult> {
  const { session, cashier } = await assertCommandContext(tx, command);
  const amount = command.kind === "CASH_IN" ? command.amount : -command.amount;
  const row = await tx.cashMovement.create({
    data: { registerSessionId: session.id, kind: command.kind, amount, reason: `${command.reason} (offline)`, actorId: cashier.id, createdAt: new Date(command.recordedAt) },
  });
  await enqueueEvents(tx, [registerChanged({ id: session.id, registerId: session.registerId, locationId: session.locationId, status: session.status }, command.kind === "CASH_IN" ? "register.cash_in" : "register.cash_out")]);
  return { clientId: command.clientId, outcome: "APPLIED", orderId: null, orderNumber: null, cashMovementId: row.id, shortfallUnits: 0 };
}

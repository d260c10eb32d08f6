import { AppError, formatMoney } from "@oms/contracts";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "@oms/db/testing";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTransaction } from "../context.ts";
import { pickupQrText } from "../pickup/index.ts";
import { pickupWorld } from "../pickup/testing.ts";
import { userActor } from "../testing/index.ts";
import {
  dispatchNotifications,
  getNotification,
  listNotifications,
  logProvider,
  PermanentSendError,
  queueNotification,
  resendNotification,
  retryDelayMs,
  type NotificationProvider,
  type NotificationProviders,
  type OutgoingMessage,
} from "./index.ts";

let db: TestDatabase;
let w: Awaited<ReturnType<typeof pickupWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await pickupWorld(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

const log = (sent: OutgoingMessage[] = []): NotificationProviders => ({ email: logProvider((m) => sent.push(m)), sms: logProvider((m) => sent.push(m)) });
const failing = (error: () => Error): NotificationProviders => {
  const p: NotificationProvider = {
    name: "flaky",
    send: async () => {
      throw error();
    },
  };
  return { email: p, sms: p };
};

async function order(units = 1) {
  const v = await w.variant("Rain jacket <Pro>", { [w.storeA.id]: { units: 5 } });
  return w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: units }], "Ada <b>Lovelace</b>");
}

/** Leaves only `keep` (or nothing) due, so each dispatch below sees only its own rows. */
async function parkOthers(keep: string[] = []) {
  await db.prisma.notification.updateMany({ where: { status: "QUEUED", id: { notIn: keep } }, data: { status: "SENT" } });
}

describe("queueNotification", () => {
  it("queues nothing when the command's transaction rolls back", async () => {
    const o = await order();
    const before = await db.prisma.notification.count({ where: { orderId: o.id } });
    await expect(
      withTransaction(w.system(), async (tx) => {
        const queued = await queueNotification({ template: "pos.receipt", orderId: o.id }, { ...w.system(), db: tx });
        expect(queued?.id).toBeTruthy();
        expect(await tx.notification.count({ where: { orderId: o.id } })).toBe(before + 1);
        throw new Error("the command failed after queueing");
      }),
    ).rejects.toThrow("the command failed");
    expect(await db.prisma.notification.count({ where: { orderId: o.id } })).toBe(before);
  });

  it("renders pickup.ready with the pickup code and a QR code of PICKUP:<number>:<code>, escaping names", async () => {
    const o = await order();
    const f = o.fulfillmentOrders[0]!;
    const code = (await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).pickupCode!;
    expect(code).toBeTruthy();
    const queued = await queueNotification({ template: "pickup.ready", orderId: o.id, fulfillmentOrderId: f.id }, w.system());
    expect(queued).toMatchObject({ channel: "EMAIL", recipient: o.email, template: "pickup.ready" });
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row.status).toBe("QUEUED");
    expect(row.locationId).toBe(w.storeA.id);
    expect(row.subject).toBe(`Order ${o.number} is ready for pickup at ${w.storeA.name}`);
    const qr = await QRCode.toDataURL(pickupQrText(o.number, code), { errorCorrectionLevel: "M", margin: 2, width: 220 });
    expect(row.html).toContain(`<img src="${qr}"`);
    expect(row.html).toContain(code);
    expect(row.body).toContain(`Pickup code: ${code}`);
    // Customer-typed text is escaped, never markup.
    expect(row.html).toContain("Ada &lt;b&gt;Lovelace&lt;/b&gt;");
    expect(row.html).toContain("Rain jacket &lt;Pro&gt;");
    expect(row.html).not.toContain("<b>Lovelace");
  });

  it("formats amounts in the location's locale and currency (de-DE, EUR) on receipts and refunds", async () => {
    const o = await order(2);
    const receipt = await queueNotification({ template: "pos.receipt", orderId: o.id }, w.system());
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: receipt!.id } });
    const total = formatMoney(o.total, "EUR", "de-DE");
    expect(total).toMatch(/^30,00\s€$/);
    expect(row.html).toContain(total);
    expect(row.body).toContain(`Total: ${total}`);
    const refund = await queueNotification({ template: "order.refunded", orderId: o.id, amount: 1234, reason: "Returned" }, w.system());
    expect(refund!.subject).toBe(`Refund of ${formatMoney(1234, "EUR", "de-DE")} for order ${o.number}`);
    expect(refund!.subject).toContain("12,34");
  });

  it("tells what happened to each short-picked item", async () => {
    const o = await order(2);
    const queued = await queueNotification(
      {
        template: "pickup.short",
        orderId: o.id,
        items: [
          { name: "Rain jacket", quantityOrdered: 2, quantityFulfilled: 1, outcome: "PARTIAL", refundAmount: 1500 },
          { name: "Boots", quantityOrdered: 1, outcome: "SUBSTITUTED", substituteName: "Boots, size 43" },
          { name: "Hat", quantityOrdered: 1, outcome: "REROUTED", rerouteLocationName: "Central warehouse" },
          { name: "Scarf", quantityOrdered: 1, outcome: "CANCELLED" },
        ],
      },
      w.system(),
    );
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row.body).toContain(`Only 1 of 2 available; you get 1. ${formatMoney(1500, "EUR", "de-DE")} is refunded.`);
    expect(row.body).toContain("Replaced with Boots, size 43.");
    expect(row.body).toContain("Sent from Central warehouse instead");
    expect(row.body).toContain("Scarf × 1: Not available, removed from your order.");
  });

  it("uses SMS when the order has only a phone, the override when given, and queues nothing without a contact", async () => {
    const o = await order();
    await db.prisma.order.update({ where: { id: o.id }, data: { email: null } });
    const sms = await queueNotification({ template: "pickup.cancelled", orderId: o.id, reason: "Not collected" }, w.system());
    expect(sms).toMatchObject({ channel: "SMS", recipient: "+49 30 1234567" });
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: sms!.id } });
    expect(row.html).toBeNull();
    expect(row.body).toMatch(/was cancelled\. Your payment is refunded\.$/);
    const typed = await queueNotification({ template: "pos.receipt", orderId: o.id, to: { email: "typed@example.com" } }, w.system());
    expect(typed).toMatchObject({ channel: "EMAIL", recipient: "typed@example.com" });
    await db.prisma.order.update({ where: { id: o.id }, data: { phone: null } });
    expect(await queueNotification({ template: "pos.receipt", orderId: o.id }, w.system())).toBeNull();
  });

  it("rejects bad input with a field path", async () => {
    const o = await order();
    const error = await queueNotification({ template: "pos.receipt", orderId: o.id, to: { email: "not an address" } }, w.system()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({ fields: [{ path: ["to", "email"] }] });
    const other = await order();
    const wrongF = await queueNotification({ template: "pickup.ready", orderId: o.id, fulfillmentOrderId: other.fulfillmentOrders[0]!.id }, w.system()).catch((e: unknown) => e);
    expect((wrongF as AppError).details).toMatchObject({ fields: [{ path: ["fulfillmentOrderId"] }] });
  });
});

describe("dispatchNotifications", () => {
  it("sends what is due once through the channel's provider and records it", async () => {
    const o = await order();
    const q = await queueNotification({ template: "pos.receipt", orderId: o.id }, w.system());
    await parkOthers([q!.id]);
    const sent: OutgoingMessage[] = [];
    expect(await dispatchNotifications(w.system(), { providers: log(sent), limit: 10, maxAttempts: 3 })).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(sent.map((m) => m.id)).toEqual([q!.id]);
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: q!.id } });
    expect(row).toMatchObject({ status: "SENT", provider: "log", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.data).toMatchObject({ orderNumber: o.number, providerMessageId: `log-${q!.id}` });
    expect((await dispatchNotifications(w.system(), { providers: log(sent), limit: 10, maxAttempts: 3 })).claimed).toBe(0);
  });

  it("retries with growing backoff, then FAILED after maxAttempts; resend puts it back", async () => {
    const o = await order();
    const t0 = new Date();
    const q = await queueNotification({ template: "pos.receipt", orderId: o.id }, w.system(t0));
    await parkOthers([q!.id]);
    const flaky = failing(() => new Error("connection refused"));
    const opts = { providers: flaky, limit: 10, maxAttempts: 3 };
    expect(await dispatchNotifications(w.system(t0), opts)).toMatchObject({ claimed: 1, retried: 1 });
    let row = await db.prisma.notification.findUniqueOrThrow({ where: { id: q!.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "connection refused", provider: "flaky" });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    // Not due yet: nothing is claimed just before the backoff ends.
    expect((await dispatchNotifications(w.system(new Date(t0.getTime() + retryDelayMs(1) - 1)), opts)).claimed).toBe(0);
    const t1 = new Date(t0.getTime() + retryDelayMs(1));
    expect(await dispatchNotifications(w.system(t1), opts)).toMatchObject({ retried: 1 });
    row = await db.prisma.notification.findUniqueOrThrow({ where: { id: q!.id } });
    expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + retryDelayMs(2));
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));
    expect(await dispatchNotifications(w.system(row.nextAttemptAt), opts)).toMatchObject({ failed: 1 });
    row = await db.prisma.notification.findUniqueOrThrow({ where: { id: q!.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 3 });

    const admin = { ...w.system(), actor: userActor(w.admin) };
    await expect(resendNotification({ notificationId: q!.id }, { ...w.system(), actor: userActor(w.managerA) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await resendNotification({ notificationId: q!.id }, admin)).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null });
    expect(await dispatchNotifications(w.system(), { ...opts, providers: log() })).toMatchObject({ sent: 1 });
    await expect(resendNotification({ notificationId: q!.id }, admin)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("fails at once when the provider says retrying cannot help", async () => {
    const o = await order();
    const q = await queueNotification({ template: "pos.receipt", orderId: o.id }, w.system());
    await parkOthers([q!.id]);
    expect(await dispatchNotifications(w.system(), { providers: failing(() => new PermanentSendError("550 no such mailbox")), limit: 10, maxAttempts: 5 })).toMatchObject({ failed: 1 });
    expect(await db.prisma.notification.findUniqueOrThrow({ where: { id: q!.id } })).toMatchObject({ status: "FAILED", attempts: 1, lastError: "550 no such mailbox" });
  });
});

describe("mail log", () => {
  it("filters by status, template, recipient and order number, pages on the server, and scopes store managers", async () => {
    const a = await order();
    const otherStore = await w.variant("Gloves", { [w.storeB.id]: { units: 3 } });
    const b = await w.pickupOrder(w.storeB.id, [{ variantId: otherStore.id, quantity: 1 }]);
    const qa = await queueNotification({ template: "pos.receipt", orderId: a.id }, w.system());
    await queueNotification({ template: "order.refunded", orderId: a.id, amount: 100 }, w.system());
    const qb = await queueNotification({ template: "pos.receipt", orderId: b.id }, w.system());
    const admin = { ...w.system(), actor: userActor(w.admin) };
    const byOrder = await listNotifications({ orderNumber: a.number }, admin);
    expect(byOrder.total).toBe(2);
    expect(byOrder.rows.every((r) => r.orderNumber === a.number && r.locationName === w.storeA.name)).toBe(true);
    expect((await listNotifications({ orderNumber: a.number, template: "order.refunded" }, admin)).rows.map((r) => r.template)).toEqual(["order.refunded"]);
    expect((await listNotifications({ recipient: b.email!.toUpperCase() }, admin)).rows.map((r) => r.id)).toEqual([qb!.id]);
    const page = await listNotifications({ orderNumber: a.number, pageSize: 1, page: 1 }, admin);
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.rows).toHaveLength(1);
    expect(byOrder.counts.QUEUED).toBeGreaterThanOrEqual(2);

    const manager = { ...w.system(), actor: userActor(w.managerA) };
    const mine = await listNotifications({ pageSize: 100 }, manager);
    expect(mine.rows.every((r) => r.locationId === w.storeA.id)).toBe(true);
    expect(mine.rows.some((r) => r.id === qb!.id)).toBe(false);
    await expect(listNotifications({ locationId: w.storeB.id }, manager)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getNotification({ notificationId: qa!.id }, manager)).html).toContain("<!doctype html>");
    await expect(getNotification({ notificationId: qb!.id }, manager)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listNotifications({}, { ...w.system(), actor: userActor(w.cashierA) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describeOnPostgres("dispatchNotifications on PostgreSQL", () => {
  it("two dispatchers running at the same time send every message exactly once", async () => {
    const o = await order();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await queueNotification({ template: "pos.receipt", orderId: o.id }, w.system()))!.id);
    await parkOthers(ids);
    const sends = new Map<string, number>();
    // A slow provider keeps both dispatchers busy at the same time.
    const slow = (name: string): NotificationProviders => {
      const p: NotificationProvider = {
        name,
        send: async (m) => {
          sends.set(m.id, (sends.get(m.id) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 15));
          return { providerMessageId: `${name}-${m.id}` };
        },
      };
      return { email: p, sms: p };
    };
    const [one, two] = await Promise.all([
      dispatchNotifications(w.system(), { providers: slow("one"), limit: 8, maxAttempts: 3 }),
      dispatchNotifications(w.system(), { providers: slow("two"), limit: 8, maxAttempts: 3 }),
    ]);
    expect(one.claimed + two.claimed).toBe(12);
    expect(one.claimed).toBeGreaterThan(0);
    expect(two.claimed).toBeGreaterThan(0);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect(sends.size).toBe(12);
    const rows = await db.prisma.notification.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });
});

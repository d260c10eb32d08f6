// Builders for register tests: a store with a register, people, and POS sales / refunds
// inserted as the POS sale engine writes them (Payment.registerSessionId, a SALE or REFUND
// CashMovement for cash), so reports are tested without depending on that engine.
import type { PaymentMethod, PrismaClient } from "@oms/db";
import { createStaffWorld, createTestLocation, createTestUser, userActor } from "../testing/factories.ts";
import type { DomainContext } from "../context.ts";

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function registerWorld(prisma: PrismaClient) {
  const world = await createStaffWorld(prisma);
  const register = async (locationId: string = world.storeA.id, name = "Register 1") => {
    const code = `R-${unique()}`;
    return prisma.register.create({ data: { locationId, code, name } });
  };
  const as = (user: Parameters<typeof userActor>[0], db: PrismaClient = prisma, now = new Date()): DomainContext => ({ db, actor: userActor(user), now });

  /** A paid POS order at `sessionId`: one payment per tender; cash ones also put cash in the drawer. */
  async function sale(sessionId: string, tenders: { method: PaymentMethod; amount: number; status?: "CAPTURED" | "PENDING" }[], options: { paymentStatus?: "PAID" | "PENDING" } = {}) {
    const session = await prisma.registerSession.findUniqueOrThrow({ where: { id: sessionId } });
    const total = tenders.reduce((s, t) => s + t.amount, 0);
    const order = await prisma.order.create({
      data: {
        number: `T-${unique()}`,
        channel: "POS",
        originLocationId: session.locationId,
        registerSessionId: sessionId,
        currency: session.currency,
        subtotal: total,
        taxTotal: 0,
        total,
        pricesIncludeTax: true,
        status: options.paymentStatus === "PENDING" ? "DRAFT" : "COMPLETED",
        paymentStatus: options.paymentStatus ?? "PAID",
      },
    });
    const payments = [];
    for (const t of tenders) {
      const status = t.status ?? "CAPTURED";
      const provider = t.method === "CASH" ? "CASH" : t.method === "STORE_CREDIT" ? "STORE_CREDIT" : "SIMULATED";
      const payment = await prisma.payment.create({
        data: { orderId: order.id, provider, method: t.method, status, currency: session.currency, amount: t.amount, amountCaptured: status === "CAPTURED" ? t.amount : 0, registerSessionId: sessionId },
      });
      if (t.method === "CASH" && status === "CAPTURED") {
        await prisma.cashMovement.create({ data: { registerSessionId: sessionId, kind: "SALE", amount: t.amount, paymentId: payment.id, actorId: session.openedById } });
      }
      payments.push(payment);
    }
    return { order, payments };
  }

  /** A refund of `paymentId`; cash refunds leave the drawer of `drawerSessionId`. */
  async function refund(paymentId: string, amount: number, method: "CASH" | "ORIGINAL_PAYMENT" | "STORE_CREDIT", options: { drawerSessionId?: string; status?: "SUCCEEDED" | "PENDING" | "FAILED" } = {}) {
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const row = await prisma.refund.create({
      data: { orderId: payment.orderId, paymentId, method, status: options.status ?? (method === "ORIGINAL_PAYMENT" ? "PENDING" : "SUCCEEDED"), currency: payment.currency, amount },
    });
    if (method === "CASH" && options.drawerSessionId) {
      const session = await prisma.registerSession.findUniqueOrThrow({ where: { id: options.drawerSessionId } });
      await prisma.cashMovement.create({ data: { registerSessionId: session.id, kind: "REFUND", amount: -amount, refundId: row.id, actorId: session.openedById } });
    }
    return row;
  }

  async function store(options: { currency?: string } = {}) {
    const location = await createTestLocation(prisma, { marketCode: world.market.code });
    if (options.currency) await prisma.location.update({ where: { id: location.id }, data: { currency: options.currency, locale: "sv-SE" } });
    const cashier = await createTestUser(prisma, { role: "CASHIER", locationId: location.id });
    return { location, cashier };
  }

  return { ...world, register, as, sale, refund, store, unique };
}

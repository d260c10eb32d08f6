import { AppError } from "@oms/contracts";
import { claimFulfillmentOrder, packAndStage, type DomainContext } from "@oms/core";
import { createTestUser, userActor } from "@oms/core/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentsContext } from "../context.ts";
import { SimulatedProvider } from "../providers/simulated-provider.ts";
import { createPaymentTestOrder, createPaymentTestStore } from "../testing/world.ts";
import { completePickupHandover, pickupPaymentState, startPickupPayment } from "./index.ts";

let db: TestDatabase;
let store: { id: string; code: string };
let anna: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  db = await createTestDatabase();
  store = await createPaymentTestStore(db.prisma);
  anna = await createTestUser(db.prisma, { role: "ASSOCIATE", locationId: store.id, name: "Anna Nowak" });
});
afterAll(async () => {
  await db?.drop();
});

function context(provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 })): PaymentsContext & { provider: SimulatedProvider } {
  return { db: db.prisma, provider, actor: userActor(anna), now: new Date() };
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!AppError.isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

/** A pickup order on the shelf at the test store. */
async function onTheShelf(price: number, payment: Parameters<typeof createPaymentTestOrder>[1]["payment"]) {
  const order = await createPaymentTestOrder(db.prisma, { locationId: store.id, price, payment });
  const f = order.fulfillmentOrders[0]!;
  const ctx: DomainContext = { db: db.prisma, actor: userActor(anna), now: new Date() };
  await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, ctx);
  await packAndStage({ fulfillmentOrderId: f.id, bagCount: 1, stagingShelf: "P1" }, ctx);
  return { order, f: await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } }) };
}

describe("money at the pickup counter", () => {
  it("pay at pickup: the amount due goes to the store's simulated reader; once paid, the handover goes through", async () => {
    const { order, f } = await onTheShelf(2_500, { status: "PAY_AT_PICKUP" });
    const ctx = context();
    const refused = await appErrorOf(completePickupHandover({ fulfillmentOrderId: f.id, verification: "CODE", pickupCode: f.pickupCode! }, ctx));
    expect(refused.code).toBe("PAYMENT_FAILED");

    const started = await startPickupPayment({ fulfillmentOrderId: f.id }, ctx);
    expect(started).toMatchObject({ amount: 2_500, currency: "EUR", readerId: `tmr_sim_${store.id}` });
    expect(started.reader.action).toBe("in_progress");
    const state = await pickupPaymentState({ fulfillmentOrderId: f.id, paymentId: started.paymentId }, ctx);
    expect(state.payment).toMatchObject({ status: "CAPTURED", amountCaptured: 2_500 });
    expect(state.due).toBe(0);
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PAID");
    expect((await appErrorOf(startPickupPayment({ fulfillmentOrderId: f.id }, ctx))).message).toBe("This order is already paid.");

    const outcome = await completePickupHandover({ fulfillmentOrderId: f.id, verification: "CODE", pickupCode: f.pickupCode! }, ctx);
    expect(outcome).toMatchObject({ handover: { status: "PICKED_UP" }, captures: [], captureFailed: null });
  });

  it("an authorized card is captured after the handover commits", async () => {
    const { order, f } = await onTheShelf(4_000, { status: "AUTHORIZED", provider: "SIMULATED", reference: `pi_sim_pickup_${Date.now()}` });
    const ctx = context();
    expect((await appErrorOf(startPickupPayment({ fulfillmentOrderId: f.id }, ctx))).message).toMatch(/captured at handover/);
    const outcome = await completePickupHandover({ fulfillmentOrderId: f.id, verification: "ID", idCheckNote: "Passport, name matches" }, ctx);
    expect(outcome.handover.status).toBe("PICKED_UP");
    expect(outcome.captures).toMatchObject([{ status: "CAPTURED", amountCaptured: 4_000 }]);
    expect(outcome.captureFailed).toBeNull();
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PAID");
  });

  it("a failed capture leaves the handover done, the authorization in place, and a PAYMENT task", async () => {
    // Amounts ending in 07 make the simulated capture fail.
    const { order, f } = await onTheShelf(5_007, { status: "AUTHORIZED", provider: "SIMULATED", reference: `pi_sim_pickup_fail_${Date.now()}` });
    const outcome = await completePickupHandover({ fulfillmentOrderId: f.id, verification: "CODE", pickupCode: f.pickupCode! }, context());
    expect(outcome.handover.status).toBe("PICKED_UP");
    expect(outcome.captureFailed?.message).toMatch(/task was opened/);
    expect(await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({ status: "PICKED_UP", handoverVerification: "CODE", handedOverById: anna.id });
    expect(await db.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "AUTHORIZED", amountCaptured: 0 });
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: outcome.captureFailed!.taskId! } });
    expect(task).toMatchObject({ kind: "PAYMENT", orderId: order.id, status: "OPEN", assigneeRole: "MANAGER" });
    expect(await db.prisma.orderEvent.count({ where: { orderId: order.id, type: "payment.capture_failed" } })).toBe(1);
  });
});

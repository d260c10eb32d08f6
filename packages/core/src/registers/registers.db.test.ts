import { AppError } from "@oms/contracts";
import { useTestDatabase } from "@oms/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import {
  assertOpenRegisterSession,
  closeRegisterSession,
  getXReport,
  getZReport,
  listStoreRegisters,
  openRegisterSession,
  recordCashMovement,
} from "./index.ts";
import { registerWorld } from "./testing.ts";

const db = useTestDatabase();

/** The AppError `promise` fails with (fails the test when it resolves or throws something else). */
async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error("expected the call to fail"),
    (e: unknown) => e,
  );
  if (!AppError.isAppError(error)) throw error;
  return error;
}
let w: Awaited<ReturnType<typeof registerWorld>>;

beforeAll(async () => {
  w = await registerWorld(db.prisma);
  await db.prisma.organizationSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Test retail", reportingCurrency: "EUR", cashVarianceNoteThreshold: 500 },
    update: { cashVarianceNoteThreshold: 500 },
  });
});

/** 2×50 + 4×20 + 4×5 + 10×1 + 10×0.50 = 215.00 EUR */
const float = { "5000": 2, "2000": 4, "500": 4, "100": 10, "50": 10, "1": 0 };

describe("opening a register", () => {
  it("stores the counted float by denomination as an OPENING_FLOAT movement, once per register", async () => {
    const register = await w.register();
    const opened = await openRegisterSession({ registerId: register.id, count: float }, w.as(w.cashierA));
    expect(opened).toMatchObject({ registerId: register.id, locationId: w.storeA.id, currency: "EUR", openingFloat: 21_500 });
    const row = await db.prisma.registerSession.findUniqueOrThrow({ where: { id: opened.registerSessionId }, include: { movements: true } });
    // Zero rows are not stored.
    expect(row.openingCount).toEqual({ denominations: { "5000": 2, "2000": 4, "500": 4, "100": 10, "50": 10 } });
    expect(row.movements).toEqual([expect.objectContaining({ kind: "OPENING_FLOAT", amount: 21_500, actorId: w.cashierA.id })]);
    expect(await db.prisma.outboxEvent.count({ where: { topic: "register.changed", locationId: w.storeA.id, payload: { path: ["registerSessionId"], equals: opened.registerSessionId } } })).toBe(1);

    const again = await appError(openRegisterSession({ registerId: register.id, count: float }, w.as(w.managerA)));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe(`Register 1 is already open (opened by ${w.cashierA.name}). Continue that session or close it first.`);
    expect(again.details.registerSessionId).toBe(opened.registerSessionId);
    expect(await db.prisma.registerSession.count({ where: { registerId: register.id } })).toBe(1);
  });

  it("refuses denominations the currency does not have, naming the row, and other stores' registers", async () => {
    const register = await w.register();
    const bad = await appError(openRegisterSession({ registerId: register.id, count: { "5000": 1, "300": 2 } }, w.as(w.cashierA)));
    expect(bad.code).toBe("VALIDATION_FAILED");
    expect(bad.details.fields).toEqual([{ path: ["count", "300"], message: "EUR has no note or coin of 300 minor units." }]);
    expect((await appError(openRegisterSession({ registerId: register.id, count: { "100": -1 } }, w.as(w.cashierA)))).code).toBe("VALIDATION_FAILED");

    // SEK: nothing below one krona.
    const sek = await w.store({ currency: "SEK" });
    const sekRegister = await w.register(sek.location.id);
    const ore = await appError(openRegisterSession({ registerId: sekRegister.id, count: { "10000": 5, "50": 1 } }, w.as(sek.cashier)));
    expect(ore.details.fields).toEqual([{ path: ["count", "50"], message: "SEK has no note or coin of 50 minor units." }]);
    expect((await openRegisterSession({ registerId: sekRegister.id, count: { "100000": 1, "10000": 5 } }, w.as(sek.cashier))).openingFloat).toBe(150_000);

    const elsewhere = await appError(openRegisterSession({ registerId: register.id, count: float }, w.as(w.cashierB)));
    expect(elsewhere.code).toBe("FORBIDDEN");
    expect(await db.prisma.registerSession.count({ where: { registerId: register.id } })).toBe(0);
  });
});

describe("cash in and cash out", () => {
  it("stores cash in positive and cash out negative, with the reason; refused once closed", async () => {
    const register = await w.register();
    const { registerSessionId } = await openRegisterSession({ registerId: register.id, count: { "1000": 5 } }, w.as(w.cashierA));
    const cashIn = await recordCashMovement({ registerSessionId, kind: "CASH_IN", amount: 2_000, reason: "Change from the bank" }, w.as(w.cashierA));
    const cashOut = await recordCashMovement({ registerSessionId, kind: "CASH_OUT", amount: 3_000, reason: "Bank drop" }, w.as(w.cashierA));
    expect(cashIn).toMatchObject({ kind: "CASH_IN", amount: 2_000, message: "€20.00 put into Register 1: Change from the bank" });
    expect(cashOut).toMatchObject({ kind: "CASH_OUT", amount: -3_000, message: "€30.00 taken out of Register 1: Bank drop" });
    const movements = await db.prisma.cashMovement.findMany({ where: { registerSessionId }, orderBy: { createdAt: "asc" } });
    expect(movements.map((m) => [m.kind, m.amount, m.reason])).toEqual([
      ["OPENING_FLOAT", 5_000, expect.any(String)],
      ["CASH_IN", 2_000, "Change from the bank"],
      ["CASH_OUT", -3_000, "Bank drop"],
    ]);

    const noReason = await appError(recordCashMovement({ registerSessionId, kind: "CASH_OUT", amount: 100, reason: " " }, w.as(w.cashierA)));
    expect(noReason.details.fields).toEqual([expect.objectContaining({ path: ["reason"] })]);
    const negative = await appError(recordCashMovement({ registerSessionId, kind: "CASH_IN", amount: -100, reason: "Oops" }, w.as(w.cashierA)));
    expect(negative.details.fields).toEqual([expect.objectContaining({ path: ["amount"] })]);
    expect((await appError(recordCashMovement({ registerSessionId, kind: "CASH_IN", amount: 100, reason: "Coins" }, w.as(w.cashierB)))).code).toBe("FORBIDDEN");

    await closeRegisterSession({ registerSessionId, count: { "1000": 4 } }, w.as(w.cashierA));
    const late = await appError(recordCashMovement({ registerSessionId, kind: "CASH_IN", amount: 100, reason: "Coins" }, w.as(w.cashierA)));
    expect(late.code).toBe("INVALID_TRANSITION");
    expect(late.message).toBe("Register 1 was closed. Open the register (count the float) before taking or paying out money.");
    expect((await appError(assertOpenRegisterSession({ registerSessionId }, w.as(w.cashierA)))).code).toBe("INVALID_TRANSITION");
  });
});

describe("X report, blind close and Z report", () => {
  let sessionId: string;
  let registerId: string;

  it("adds up the drawer and the tenders so far (X report), for managers only", async () => {
    const register = await w.register(w.storeA.id, "Front till");
    registerId = register.id;
    sessionId = (await openRegisterSession({ registerId, count: float }, w.as(w.cashierA))).registerSessionId;
    await recordCashMovement({ registerSessionId: sessionId, kind: "CASH_IN", amount: 5_000, reason: "Change from the bank" }, w.as(w.cashierA));
    await recordCashMovement({ registerSessionId: sessionId, kind: "CASH_OUT", amount: 3_000, reason: "Bank drop" }, w.as(w.managerA));

    const cashSale = await w.sale(sessionId, [{ method: "CASH", amount: 4_250 }]);
    const cardSale = await w.sale(sessionId, [{ method: "CARD", amount: 12_000 }]);
    await w.sale(sessionId, [{ method: "STORE_CREDIT", amount: 3_000 }, { method: "CASH", amount: 2_000 }]);
    await w.refund(cashSale.payments[0]!.id, 1_500, "CASH", { drawerSessionId: sessionId });
    await w.refund(cardSale.payments[0]!.id, 2_500, "ORIGINAL_PAYMENT");
    await w.refund(cardSale.payments[0]!.id, 900, "ORIGINAL_PAYMENT", { status: "FAILED" });
    // Another register's sale and a card still on the reader count for nobody here.
    const other = await openRegisterSession({ registerId: (await w.register()).id, count: {} }, w.as(w.cashierA));
    await w.sale(other.registerSessionId, [{ method: "CASH", amount: 999 }]);
    await db.prisma.payment.create({ data: { orderId: cardSale.order.id, provider: "SIMULATED", method: "CARD", status: "FAILED", currency: "EUR", amount: 700, registerSessionId: sessionId } });

    const x = await getXReport({ registerSessionId: sessionId }, w.as(w.managerA));
    expect(x).toMatchObject({ kind: "X", status: "OPEN", currency: "EUR", counted: null, variance: null, salesCount: 3, refundsCount: 2 });
    expect(x.openedBy).toEqual({ id: w.cashierA.id, name: w.cashierA.name });
    expect(x.cash).toEqual({ openingFloat: 21_500, sales: 6_250, refunds: -1_500, cashIn: 5_000, cashOut: -3_000, expected: 28_250 });
    expect(x.tenders).toEqual([
      { method: "CASH", salesCount: 2, sales: 6_250, refundsCount: 1, refunds: 1_500, net: 4_750 },
      { method: "CARD", salesCount: 1, sales: 12_000, refundsCount: 1, refunds: 2_500, net: 9_500 },
      { method: "STORE_CREDIT", salesCount: 1, sales: 3_000, refundsCount: 0, refunds: 0, net: 3_000 },
    ]);
    expect(x.manualMovements.map((m) => [m.kind, m.amount, m.reason, m.by.name])).toEqual([
      ["CASH_IN", 5_000, "Change from the bank", w.cashierA.name],
      ["CASH_OUT", -3_000, "Bank drop", w.managerA.name],
    ]);
    // The X figures agree with the drawer's ledger.
    const sum = await db.prisma.cashMovement.aggregate({ where: { registerSessionId: sessionId }, _sum: { amount: true } });
    expect(sum._sum.amount).toBe(x.cash.expected);

    expect((await appError(getXReport({ registerSessionId: sessionId }, w.as(w.cashierA)))).code).toBe("FORBIDDEN");
    const managerView = (await listStoreRegisters({ locationId: w.storeA.id }, w.as(w.managerA))).registers.find((r) => r.id === registerId)!;
    expect(managerView).toMatchObject({ status: "OPEN", session: { id: sessionId, expectedCash: 28_250, openingFloat: 21_500, openedBy: { name: w.cashierA.name } } });
    const cashierView = await listStoreRegisters({ locationId: w.storeA.id }, w.as(w.cashierA));
    expect(cashierView.seesExpectedCash).toBe(false);
    expect(cashierView.registers.find((r) => r.id === registerId)!.session!.expectedCash).toBeNull();
    expect(cashierView.denominations).toEqual([50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]);
    expect((await appError(listStoreRegisters({ locationId: w.storeA.id }, w.as(w.cashierB)))).code).toBe("FORBIDDEN");
  });

  it("refuses to close while a checkout of the session is unpaid, naming it", async () => {
    const pending = await w.sale(sessionId, [{ method: "CARD", amount: 1_999, status: "PENDING" }], { paymentStatus: "PENDING" });
    const refused = await appError(closeRegisterSession({ registerSessionId: sessionId, count: float }, w.as(w.cashierA)));
    expect(refused.code).toBe("INVALID_TRANSITION");
    expect(refused.message).toBe(`Front till has a checkout not paid yet: ${pending.order.number} (€19.99 unpaid). Take the payment or cancel it before closing.`);
    await db.prisma.order.update({ where: { id: pending.order.id }, data: { status: "CANCELLED" } });
  });

  it("asks for a note when the blind count is off by more than the threshold, then closes with the Z report", async () => {
    // Expected 282.50; counted 200 + 60 + 10 + 5 + 0.50 = 275.50: 7.00 short, the threshold is 5.00.
    const short = { "5000": 4, "2000": 3, "1000": 1, "500": 1, "50": 1 };
    const refused = await appError(closeRegisterSession({ registerSessionId: sessionId, count: short }, w.as(w.cashierA)));
    expect(refused.code).toBe("VALIDATION_FAILED");
    const message = "The drawer is €7.00 short (counted €275.50, expected €282.50). Above €5.00 a note is required: say what happened.";
    expect(refused.message).toBe(`varianceNote: ${message}`);
    expect(refused.details).toMatchObject({ fields: [{ path: ["varianceNote"], message }], expectedCash: 28_250, countedCash: 27_550, variance: -700, threshold: 500 });
    expect((await db.prisma.registerSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("OPEN");
    // A blank note is no note.
    expect((await appError(closeRegisterSession({ registerSessionId: sessionId, count: short, varianceNote: "   " }, w.as(w.cashierA)))).code).toBe("VALIDATION_FAILED");
    // The blind count stands: having seen the expected figure, the cashier cannot "recount" to it.
    const exact = { "5000": 4, "2000": 3, "1000": 1, "500": 2, "200": 1, "50": 1 };
    const recount = await appError(closeRegisterSession({ registerSessionId: sessionId, count: exact }, w.as(w.cashierA)));
    expect(recount.details.fields).toEqual([{ path: ["count"], message: "The drawer was already counted (€275.50) and the difference shown. Close with that count and a note, or ask a manager to recount." }]);
    expect((await getXReport({ registerSessionId: sessionId }, w.as(w.managerA))).closingCount).toBeNull();

    const z = await closeRegisterSession({ registerSessionId: sessionId, count: short, varianceNote: "Gave change from a 50 instead of a 20" }, w.as(w.cashierA));
    expect(z).toMatchObject({ kind: "Z", status: "CLOSED", counted: 27_550, variance: -700, varianceNote: "Gave change from a 50 instead of a 20", salesCount: 3 });
    expect(z.cash.expected).toBe(28_250);
    expect(z.closedBy).toEqual({ id: w.cashierA.id, name: w.cashierA.name });
    expect(z.closingCount).toEqual({ "5000": 4, "2000": 3, "1000": 1, "500": 1, "50": 1 });
    const row = await db.prisma.registerSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ status: "CLOSED", expectedCash: 28_250, countedCash: 27_550, variance: -700, closedById: w.cashierA.id });
    expect(await db.prisma.outboxEvent.count({ where: { topic: "register.changed", payload: { path: ["change"], equals: "register.closed" } } })).toBeGreaterThanOrEqual(1);

    // The Z report can be printed again; the X report is over; closing twice is refused.
    const again = await getZReport({ registerSessionId: sessionId }, w.as(w.cashierA));
    expect(again).toEqual({ ...z, asOf: again.asOf });
    expect((await appError(getXReport({ registerSessionId: sessionId }, w.as(w.managerA)))).code).toBe("INVALID_TRANSITION");
    expect((await appError(closeRegisterSession({ registerSessionId: sessionId, count: short }, w.as(w.cashierA)))).message).toBe("Front till is already closed; its Z report is below.");
    const view = (await listStoreRegisters({ locationId: w.storeA.id }, w.as(w.managerA))).registers.find((r) => r.id === registerId)!;
    expect(view).toMatchObject({ status: "CLOSED", session: null, lastClosed: { id: sessionId, variance: -700 } });

    // The next day opens a new session on the same register.
    const next = await openRegisterSession({ registerId, count: float }, w.as(w.cashierA));
    expect(next.registerSessionId).not.toBe(sessionId);
    expect((await appError(getZReport({ registerSessionId: next.registerSessionId }, w.as(w.cashierA)))).code).toBe("INVALID_TRANSITION");
  });

  it("closes without a note when the variance is within the threshold (after a manager's recount)", async () => {
    const register = await w.register();
    const { registerSessionId } = await openRegisterSession({ registerId: register.id, count: { "2000": 5 } }, w.as(w.cashierA));
    // The cashier's count is 20.00 short; the manager recounts and finds 2.00 short of 100.00.
    expect((await appError(closeRegisterSession({ registerSessionId, count: { "2000": 4 } }, w.as(w.cashierA)))).details.variance).toBe(-2_000);
    const z = await closeRegisterSession({ registerSessionId, count: { "2000": 4, "1000": 1, "500": 1, "200": 1, "100": 1 } }, w.as(w.managerA));
    expect(z).toMatchObject({ counted: 9_800, variance: -200, varianceNote: null, closedBy: { id: w.managerA.id } });
  });
});

describe("assertOpenRegisterSession (for POS sales and cash refunds)", () => {
  it("passes an open session of the store and refuses another store, currency or a missing session", async () => {
    const register = await w.register();
    const { registerSessionId } = await openRegisterSession({ registerId: register.id, count: {} }, w.as(w.cashierA));
    await expect(assertOpenRegisterSession({ registerSessionId, locationId: w.storeA.id, currency: "EUR" }, w.as(w.cashierA))).resolves.toMatchObject({ id: registerSessionId, registerId: register.id, currency: "EUR" });
    expect((await appError(assertOpenRegisterSession({ registerSessionId }, w.as(w.cashierB)))).code).toBe("FORBIDDEN");
    expect((await appError(assertOpenRegisterSession({ registerSessionId, currency: "PLN" }, w.as(w.cashierA)))).details.fields).toEqual([expect.objectContaining({ path: ["registerSessionId"] })]);
    expect((await appError(assertOpenRegisterSession({ registerSessionId, locationId: w.storeB.id }, w.as(w.cashierA)))).code).toBe("VALIDATION_FAILED");
    const missing = await appError(assertOpenRegisterSession({ registerSessionId: "01930000-0000-7000-8000-000000000000" }, w.as(w.cashierA)));
    expect(AppError.isAppError(missing) && missing.code).toBe("NOT_FOUND");
  });
});

import { AppError } from "@oms/contracts";
import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { createExchange, createReturn } from "./index.ts";
import { fulfilledOrder, returnsWorld } from "./testing.ts";
import { tillAt } from "./till.testing.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("till returns under concurrency", () => {
  const t = useConcurrentDatabase();

  it("two tills, 8 cash returns and exchanges of the last 2 units at once: exactly 2 come back, one drawer movement per cash refund", async () => {
    const w = await returnsWorld(t.db.prisma, { price: 1000 });
    const v = w.variants[0]!;
    const order = await fulfilledOrder(t.db.prisma, w, { lines: [{ variantId: v.id, quantity: 5, total: 5000 }] });
    const line = order.lines[0]!;
    const a = await tillAt(t.db.prisma, w.warsaw);
    const b = await tillAt(t.db.prisma, w.warsaw);
    // 3 of 5 came back earlier: 2 are left.
    await createReturn({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", registerSessionId: a.session.id, lines: [{ orderLineId: line.id, quantity: 3, reason: "OTHER", condition: "SELLABLE" }] }, a.ctx());

    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => {
        const till = i % 2 ? a : b;
        const lines = [{ orderLineId: line.id, quantity: 1, reason: "OTHER" as const, condition: "SELLABLE" as const }];
        return i % 4 === 3
          ? createExchange({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", registerSessionId: till.session.id, lines, newLines: [{ variantId: w.variants[1]!.id, quantity: 1 }] }, till.ctx(t.wide.prisma)).then((r) => r.return)
          : createReturn({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", registerSessionId: till.session.id, lines }, till.ctx(t.wide.prisma));
      }),
    );
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    const returned = results.filter((r) => r.status === "fulfilled").length;
    // The exchanges are refused too (the new item is not in stock): every refusal is a clean AppError.
    for (const f of failed) expect(AppError.isAppError(f.reason), String(f.reason)).toBe(true);
    expect(returned).toBe(2);
    const after = await t.db.prisma.orderLine.findUniqueOrThrow({ where: { id: line.id } });
    expect(after.quantityReturned).toBe(3 + returned);
    expect(after.quantityReturned).toBeLessThanOrEqual(5);
    const refunds = await t.db.prisma.refund.findMany({ where: { orderId: order.id, method: "CASH" } });
    const movements = await t.db.prisma.cashMovement.findMany({ where: { registerSessionId: { in: [a.session.id, b.session.id] } } });
    expect(movements).toHaveLength(refunds.length);
    expect(movements.reduce((s, m) => s + m.amount, 0)).toBe(-refunds.reduce((s, r) => s + r.amount, 0));
    expect(await t.db.prisma.returnLine.aggregate({ where: { orderLineId: line.id }, _sum: { refundAmount: true } })).toEqual({ _sum: { refundAmount: 1000 * (3 + returned) } });
  });

  it("10 cash returns of the last unit at once: exactly one pays out", async () => {
    const w = await returnsWorld(t.db.prisma);
    const order = await fulfilledOrder(t.db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1, total: 2500 }] });
    const till = await tillAt(t.db.prisma, w.warsaw);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        createReturn(
          { orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", registerSessionId: till.session.id, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "OTHER", condition: "SELLABLE" }] },
          till.ctx(t.wide.prisma),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const f of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect((f.reason as AppError).code).toBe("VALIDATION_FAILED");
      expect((f.reason as AppError).message).toMatch(/Only 0 × Trail Jacket/);
    }
    expect(await t.db.prisma.cashMovement.findMany({ where: { registerSessionId: till.session.id } })).toEqual([expect.objectContaining({ kind: "REFUND", amount: -2500 })]);
  });
});

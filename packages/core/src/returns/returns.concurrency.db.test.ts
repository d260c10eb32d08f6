import { AppError } from "@oms/contracts";
import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { createReturn } from "./index.ts";
import { fulfilledOrder, returnsWorld, testContext } from "./testing.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("returns under concurrency", () => {
  const t = useConcurrentDatabase();

  it("10 concurrent returns of the last unit: exactly one succeeds", async () => {
    const w = await returnsWorld(t.db.prisma);
    const v = w.variants[0]!;
    const order = await fulfilledOrder(t.db.prisma, w, { lines: [{ variantId: v.id, quantity: 3, total: 3000 }] });
    const line = order.lines[0]!;
    await createReturn(
      { orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: line.id, quantity: 2, reason: "OTHER", condition: "SELLABLE" }] },
      testContext(t.db.prisma),
    );

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        createReturn(
          {
            orderId: order.id,
            locationId: i % 2 ? w.warsaw.id : w.krakow.id,
            refundMethod: i % 3 === 0 ? "STORE_CREDIT" : "ORIGINAL_PAYMENT",
            lines: [{ orderLineId: line.id, quantity: 1, reason: "OTHER", condition: "SELLABLE" }],
          },
          testContext(t.wide.prisma),
        ),
      ),
    );
    const succeeded = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(succeeded).toHaveLength(1);
    for (const f of failed) {
      expect(AppError.isAppError(f.reason), String(f.reason)).toBe(true);
      expect((f.reason as AppError).code).toBe("VALIDATION_FAILED");
      expect((f.reason as AppError).message).toMatch(/Only 0 × Trail Jacket/);
    }
    const after = await t.db.prisma.orderLine.findUniqueOrThrow({ where: { id: line.id } });
    expect(after.quantityReturned).toBe(3);
    expect(await t.db.prisma.return.count({ where: { orderId: order.id } })).toBe(2);
    expect(await t.db.prisma.returnLine.aggregate({ where: { orderLineId: line.id }, _sum: { refundAmount: true } })).toEqual({ _sum: { refundAmount: 3000 } });
    const restocked = await t.db.prisma.inventoryMovement.aggregate({ where: { orderId: order.id, kind: "RETURN_RESTOCK" }, _sum: { quantity: true } });
    expect(restocked._sum.quantity).toBe(3);
    expect((await t.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("RETURNED");
  });
});

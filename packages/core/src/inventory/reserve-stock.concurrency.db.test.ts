import { AppError } from "@oms/contracts";
import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { inventoryWorld, systemContext } from "./inventory.fixtures.ts";
import { receiveStock, reserveStock, verifyLedger } from "./index.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("reservations under concurrency", () => {
  const t = useConcurrentDatabase();

  it("200 concurrent single-unit reservations against 50 available: exactly 50 succeed", async () => {
    const { locations, variants } = await inventoryWorld(t.db.prisma, { variants: 1 });
    const [v, store] = [variants[0]!, locations[0]!];
    await receiveStock({ locationId: store.id, lines: [{ variantId: v.id, quantity: 50 }] }, systemContext(t.db.prisma));

    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        reserveStock({ lines: [{ variantId: v.id, locationId: store.id, quantity: 1 }] }, systemContext(t.wide.prisma)),
      ),
    );
    const succeeded = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(succeeded).toHaveLength(50);
    expect(failed).toHaveLength(150);
    for (const f of failed) {
      expect(AppError.isAppError(f.reason), String(f.reason)).toBe(true);
      expect((f.reason as AppError).code).toBe("INSUFFICIENT_STOCK");
      expect((f.reason as AppError).message).toMatch(/Insufficient stock/);
    }
    const level = await t.db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: v.id, locationId: store.id } } });
    expect(level).toMatchObject({ onHand: 50, reserved: 50 });
    expect(await t.db.prisma.reservation.count({ where: { variantId: v.id, status: "ACTIVE" } })).toBe(50);
  });

  it("multi-line orders taking the same items in opposite order never deadlock and never oversell", async () => {
    const { locations, variants } = await inventoryWorld(t.db.prisma, { variants: 2 });
    const [a, b] = [variants[0]!, variants[1]!];
    const store = locations[0]!;
    await receiveStock({ locationId: store.id, lines: [{ variantId: a.id, quantity: 30 }, { variantId: b.id, quantity: 30 }] }, systemContext(t.db.prisma));
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => {
        const lines = [
          { variantId: a.id, locationId: store.id, quantity: 1 },
          { variantId: b.id, locationId: store.id, quantity: 1 },
        ];
        return reserveStock({ lines: i % 2 ? lines : lines.reverse() }, systemContext(t.wide.prisma));
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("INSUFFICIENT_STOCK");
    const levels = await t.db.prisma.inventoryLevel.findMany({ where: { locationId: store.id } });
    expect(levels.map((l) => l.reserved)).toEqual([30, 30]);
    expect((await verifyLedger(t.db.prisma)).mismatches).toEqual([]);
  });
});


import { AppError } from "@oms/contracts";
import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { createTestUser } from "../testing/index.ts";
import { closeRegisterSession, openRegisterSession, recordCashMovement } from "./index.ts";
import { registerWorld } from "./testing.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("register sessions under concurrency", () => {
  const t = useConcurrentDatabase();

  it("two devices (and then six) open the same register at once: exactly one session opens, the others hear whose it is", async () => {
    const w = await registerWorld(t.db.prisma);
    for (const devices of [2, 6]) {
      const register = await w.register(w.storeA.id, `Till ${devices}`);
      const people = await Promise.all(Array.from({ length: devices }, (_, i) => createTestUser(t.db.prisma, { role: "CASHIER", locationId: w.storeA.id, name: `Cashier ${devices}-${i}` })));
      const results = await Promise.allSettled(people.map((p) => openRegisterSession({ registerId: register.id, count: { "1000": 10 } }, w.as(p, t.wide.prisma))));
      const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof openRegisterSession>>> => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      const session = await t.db.prisma.registerSession.findFirstOrThrow({ where: { registerId: register.id } });
      const winner = people.find((p) => p.id === session.openedById)!;
      for (const r of lost) {
        expect(AppError.isAppError(r.reason), String(r.reason)).toBe(true);
        expect((r.reason as AppError).code).toBe("CONFLICT");
        expect((r.reason as AppError).message).toBe(`Till ${devices} is already open (opened by ${winner.name}). Continue that session or close it first.`);
      }
      expect(await t.db.prisma.registerSession.count({ where: { registerId: register.id } })).toBe(1);
      expect(await t.db.prisma.cashMovement.count({ where: { registerSessionId: won[0]!.value.registerSessionId } })).toBe(1);
    }
  });

  it("cash moved while the drawer is being closed is either in the Z report or refused, never lost", async () => {
    const w = await registerWorld(t.db.prisma);
    const register = await w.register();
    const { registerSessionId } = await openRegisterSession({ registerId: register.id, count: { "1000": 10 } }, w.as(w.cashierA));
    const moves = Array.from({ length: 8 }, () => recordCashMovement({ registerSessionId, kind: "CASH_IN", amount: 100, reason: "Coins" }, w.as(w.cashierA, t.wide.prisma)));
    const close = closeRegisterSession({ registerSessionId, count: { "1000": 10 }, varianceNote: "Counted during the rush" }, w.as(w.managerA, t.wide.prisma));
    const [z, ...results] = await Promise.allSettled([close, ...moves]);
    expect(z!.status).toBe("fulfilled");
    const accepted = results.filter((r) => r.status === "fulfilled").length;
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("INVALID_TRANSITION");
    const report = (z as PromiseFulfilledResult<Awaited<ReturnType<typeof closeRegisterSession>>>).value;
    expect(report.cash.cashIn).toBe(accepted * 100);
    const ledger = await t.db.prisma.cashMovement.aggregate({ where: { registerSessionId }, _sum: { amount: true } });
    expect(ledger._sum.amount).toBe(report.cash.expected);
    expect(report.variance).toBe(10_000 - report.cash.expected);
  });
});

// Authorization-table entries of the registers router (see authorization.fixtures.ts): each
// input makes its own register at `locationId` (and a session where the procedure needs
// one), so "a store A cashier on store B's register" is checked on real rows.
import type { DomainAccess, DomainFixtures } from "./authorization.fixtures.ts";

type Role = DomainAccess["roles"][number];

export function registersAccessTable(fx: () => DomainFixtures): Record<string, DomainAccess> {
  const till: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER"];
  const scoped = (roles: readonly Role[], input: DomainAccess["input"]): DomainAccess => ({ public: false, roles, locationScoped: true, input });
  const register = (locationId: string) => {
    const code = `AUTH-${fx().unique()}`;
    return fx().prisma.register.create({ data: { locationId, code, name: `Register ${code}` } });
  };
  /** A register with a session opened on a float of 0 (so closing with an empty count balances). */
  const session = async (locationId: string, openedById: string, status: "OPEN" | "CLOSED" = "OPEN") => {
    const r = await register(locationId);
    const closed = status === "CLOSED" ? { closedById: openedById, closedAt: new Date(), closingCount: { denominations: {} }, expectedCash: 0, countedCash: 0, variance: 0 } : {};
    return fx().prisma.registerSession.create({
      data: { registerId: r.id, locationId, currency: "EUR", openedById, openingCount: { denominations: {} }, openingFloat: 0, status, ...closed },
    });
  };
  return {
    "registers.list": scoped(till, (_w, l) => ({ locationId: l })),
    "registers.open": scoped(till, async (_w, l) => ({ registerId: (await register(l)).id, count: { "5000": 2, "200": 5 } })),
    "registers.cashMovement": scoped(till, async (w, l) => ({ registerSessionId: (await session(l, w.cashierA.id)).id, kind: "CASH_IN", amount: 2_000, reason: "Change from the bank" })),
    "registers.xReport": scoped(["ADMIN", "MANAGER"], async (w, l) => ({ registerSessionId: (await session(l, w.cashierA.id)).id })),
    "registers.close": scoped(till, async (w, l) => ({ registerSessionId: (await session(l, w.cashierA.id)).id, count: {} })),
    "registers.zReport": scoped(till, async (w, l) => ({ registerSessionId: (await session(l, w.cashierA.id, "CLOSED")).id })),
  };
}

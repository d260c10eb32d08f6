// Till data for the returns tests: a cashier of the receiving store and a register with an
// OPEN session (written straight through Prisma: the registers module has its own tests).
import type { PrismaClient } from "@oms/db";
import { createTestUser, userActor } from "../testing/index.ts";
import type { DomainContext } from "../context.ts";

export async function tillAt(prisma: PrismaClient, location: { id: string; currency: string }, options: { open?: boolean } = {}) {
  const cashier = await createTestUser(prisma, { role: "CASHIER", locationId: location.id });
  const register = await prisma.register.create({ data: { locationId: location.id, code: `T${Math.random().toString(36).slice(2, 8)}`, name: "Till 1" } });
  const session = await prisma.registerSession.create({
    data: {
      registerId: register.id,
      locationId: location.id,
      currency: location.currency,
      openedById: cashier.id,
      openingCount: { "1000": 10 },
      openingFloat: 10_000,
      status: options.open === false ? "CLOSED" : "OPEN",
      closedAt: options.open === false ? new Date() : null,
    },
  });
  const ctx = (db: PrismaClient = prisma): DomainContext => ({ db, actor: userActor(cashier), now: new Date() });
  return { cashier, register, session, ctx };
}

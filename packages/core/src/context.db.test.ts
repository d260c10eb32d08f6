import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { withTransaction, type DomainContext } from "./context.ts";
import { nextCounterValue } from "./shared/counters.ts";

const db = useTestDatabase();

describe("withTransaction", () => {
  const ctx = (): DomainContext => ({ db: db.prisma, actor: { kind: "SYSTEM" }, now: new Date() });

  it("joins an open transaction instead of nesting, so inner work rolls back with the outer", async () => {
    const name = `nest-${Date.now()}`;
    await expect(
      withTransaction(ctx(), async (tx) => {
        const inner = await withTransaction({ ...ctx(), db: tx }, async (innerTx) => {
          expect(innerTx).toBe(tx);
          return nextCounterValue(innerTx, name);
        });
        expect(inner).toBe(1);
        throw new Error("outer fails after the inner command");
      }),
    ).rejects.toThrow("outer fails");
    expect(await db.prisma.counter.findUnique({ where: { name } })).toBeNull();
  });

  it("commits when the outer transaction succeeds", async () => {
    const name = `commit-${Date.now()}`;
    await withTransaction(ctx(), (tx) => withTransaction({ ...ctx(), db: tx }, (innerTx) => nextCounterValue(innerTx, name)));
    expect((await db.prisma.counter.findUniqueOrThrow({ where: { name } })).value).toBe(1);
  });
});

import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { createTestUser, userActor } from "../testing/index.ts";
import { forecastWorld } from "./forecasting.fixtures.ts";
import { acceptReplenishmentSuggestions, listForecast, refreshSalesVelocity } from "./index.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("accepting replenishment suggestions under concurrency", () => {
  const t = useConcurrentDatabase();
  const now = new Date("2026-11-20T10:00:00Z");

  it("the same suggestion accepted 6 times at once (double clicks, two tabs): one draft transfer, every call gets it", async () => {
    const w = await forecastWorld(t.db.prisma, now);
    await refreshSalesVelocity({ locationIds: w.locations }, { db: t.db.prisma, now });
    const row = (await listForecast({ locationIds: [w.a.id] }, { db: t.db.prisma, now })).items.find((r) => r.sku === w.jacket.sku)!;
    const item = { key: row.suggestion!.key, levelId: row.id, kind: row.suggestion!.kind, fromLocationId: row.suggestion!.fromLocationId, quantity: row.suggestion!.quantity };
    const user = await createTestUser(t.db.prisma, { role: "ADMIN" });

    const results = await Promise.all(Array.from({ length: 6 }, () => acceptReplenishmentSuggestions({ items: [item] }, { db: t.wide.prisma, actor: userActor(user), now })));
    const statuses = results.map((r) => r.items[0]!.status).sort();
    expect(statuses).toEqual(["ALREADY_ACCEPTED", "ALREADY_ACCEPTED", "ALREADY_ACCEPTED", "ALREADY_ACCEPTED", "ALREADY_ACCEPTED", "CREATED"]);
    expect(new Set(results.map((r) => r.items[0]!.transfer!.id)).size).toBe(1);
    expect(await t.db.prisma.transfer.count({ where: { toLocationId: w.a.id } })).toBe(1);
    expect(await t.db.prisma.replenishment.count({ where: { levelId: row.id } })).toBe(1);
  });

  it("two stores draw on the same excess at once: the second is refused, the source never promises more than it can spare", async () => {
    const w = await forecastWorld(t.db.prisma, now);
    // B runs short too: its 20 jackets become 2 (spare gone, need ceil(0.4022 × 28 − 2) = 10).
    await w.damage(w.jacket.id, w.b.id, 18);
    // D can spare 20 after this: enough for A (16) or B (10), not both.
    await w.damage(w.jacket.id, w.d.id, 10);
    await refreshSalesVelocity({ locationIds: w.locations }, { db: t.db.prisma, now });
    const rows = (await listForecast({ locationIds: [w.a.id, w.b.id] }, { db: t.db.prisma, now })).items.filter((r) => r.sku === w.jacket.sku);
    expect(rows.map((r) => [r.locationId, r.suggestion?.fromLocationId, r.suggestion?.quantity])).toEqual(
      expect.arrayContaining([[w.a.id, w.d.id, 16], [w.b.id, w.d.id, 10]]),
    );
    const user = await createTestUser(t.db.prisma, { role: "ADMIN" });
    const results = await Promise.allSettled(
      rows.map((r) =>
        acceptReplenishmentSuggestions(
          { items: [{ key: r.suggestion!.key, levelId: r.id, kind: "TRANSFER", fromLocationId: w.d.id, quantity: r.suggestion!.quantity }] },
          { db: t.wide.prisma, actor: userActor(user), now },
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(String(refused.reason.message)).toMatch(/can no longer spare/);
    const requested = await t.db.prisma.transferLine.aggregate({ where: { transfer: { fromLocationId: w.d.id } }, _sum: { quantityRequested: true } });
    expect(requested._sum.quantityRequested).toBeLessThanOrEqual(20);
  });
});

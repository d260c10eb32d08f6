import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { createStaffWorld, testLocationInput, userActor } from "../testing/index.ts";
import { createLocation, updateLocation } from "./index.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("editing one location from several admin sessions at once", () => {
  const t = useConcurrentDatabase();

  it("6 saves of different capacities at once: each audit row's before is the value the previous save left", async () => {
    const w = await createStaffWorld(t.db.prisma);
    const base = testLocationInput(w.market.code, { dailyCapacity: 10 });
    const ctx = () => ({ db: t.wide.prisma, actor: userActor(w.admin), now: new Date() });
    const created = await createLocation(base, ctx());
    const capacities = [11, 12, 13, 14, 15, 16];
    await Promise.all(capacities.map((dailyCapacity) => updateLocation({ ...base, locationId: created.id, dailyCapacity }, ctx())));
    const rows = await t.db.prisma.auditLog.findMany({ where: { entityId: created.id, action: "location.updated" }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(6);
    // A chain: every save replaced exactly what the one before it wrote.
    let previous = 10;
    for (const row of rows) {
      const data = row.data as { before: { dailyCapacity: number }; after: { dailyCapacity: number } };
      expect(data.before.dailyCapacity).toBe(previous);
      previous = data.after.dailyCapacity;
    }
    const final = await t.db.prisma.location.findUniqueOrThrow({ where: { id: created.id } });
    expect(final.dailyCapacity).toBe(previous);
    expect(new Set(rows.map((r) => (r.data as { after: { dailyCapacity: number } }).after.dailyCapacity))).toEqual(new Set(capacities));
  });
});

import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { createStaffWorld, createTestMarket, expectAppError, testContext, testLocationInput, userActor } from "../testing/index.ts";
import { createLocation, getLocationDetail, listLocationTable, listMarkets, updateLocation } from "./index.ts";

const db = useTestDatabase();

const fields = testLocationInput;

const paths = (error: { details?: unknown }) => ((error.details as { fields?: { path: (string | number)[] }[] }).fields ?? []).map((f) => f.path.join("."));

describe("HQ locations", () => {
  it("an admin creates a location with every field, audited with its first values", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const created = await createLocation(fields(w.market.code, { addressLine1: "Marszałkowska 1", addressLine2: "  ", phone: "+49 30 1234", email: "Store@Example.com" }), ctx);
    expect(created).toMatchObject({ kind: "STORE", dailyCapacity: 40, addressLine2: null, phone: "+49 30 1234", email: "store@example.com", marketName: w.market.name, staffCount: 0 });
    expect(created.openingHours.mon).toEqual([{ open: "09:00", close: "13:00" }, { open: "14:00", close: "20:00" }]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityType: "Location", entityId: created.id } });
    expect(audit).toMatchObject({ action: "location.created", actorKind: "USER", actorId: w.admin.id });
    expect((audit.data as { after: Record<string, unknown> }).after).toMatchObject({ code: created.code, dailyCapacity: 40, timeZone: "Europe/Berlin" });
    expect(await getLocationDetail({ locationId: created.id }, ctx)).toEqual(created);
  });

  it("an edit of hours and capacity writes one audit row with only the changed fields; saving again writes none", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const input = fields(w.market.code);
    const created = await createLocation(input, ctx);
    const sat = [{ open: "10:00", close: "16:00" }];
    const updated = await updateLocation({ ...input, locationId: created.id, dailyCapacity: null, openingHours: { ...input.openingHours, sat } }, ctx);
    expect(updated.dailyCapacity).toBeNull();
    expect(updated.openingHours.sat).toEqual(sat);
    const rows = await db.prisma.auditLog.findMany({ where: { entityId: created.id, action: "location.updated" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toEqual({
      before: { openingHours: input.openingHours, dailyCapacity: 40 },
      after: { openingHours: { ...input.openingHours, sat }, dailyCapacity: null },
    });
    await updateLocation({ ...input, locationId: created.id, dailyCapacity: null, openingHours: { ...input.openingHours, sat } }, ctx);
    expect(await db.prisma.auditLog.count({ where: { entityId: created.id, action: "location.updated" } })).toBe(1);
  });

  it("names the field: unknown time zone, hours out of order, tax bounds, capacity, carry-out at a warehouse", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const bad = await expectAppError(
      createLocation(
        fields(w.market.code, {
          timeZone: "Europe/Atlantis",
          taxRateBps: 6000,
          reducedTaxRateBps: -1,
          dailyCapacity: 0,
          openingHours: { mon: [{ open: "12:00", close: "09:00" }], tue: [{ open: "09:00", close: "14:00" }, { open: "13:00", close: "18:00" }], wed: [{ open: "25:00", close: "26:00" }], thu: [], fri: [], sat: [], sun: [] },
        }),
        ctx,
      ),
      "VALIDATION_FAILED",
    );
    expect(paths(bad)).toEqual(expect.arrayContaining(["timeZone", "taxRateBps", "reducedTaxRateBps", "dailyCapacity", "openingHours.mon.0.close", "openingHours.tue.1.open", "openingHours.wed.0.open"]));
    const warehouse = await expectAppError(createLocation(fields(w.market.code, { kind: "WAREHOUSE", fulfillmentTypes: ["CARRY_OUT", "SHIP"] }), ctx), "VALIDATION_FAILED");
    expect(paths(warehouse)).toEqual(["fulfillmentTypes"]);
    const reduced = await expectAppError(createLocation(fields(w.market.code, { reducedTaxRateBps: 2500 }), ctx), "VALIDATION_FAILED");
    expect(paths(reduced)).toEqual(["reducedTaxRateBps"]);
  });

  it("the currency must be the market's and the country one it serves; codes are unique", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const currency = await expectAppError(createLocation(fields(w.market.code, { currency: "PLN" }), ctx), "VALIDATION_FAILED", /trades in EUR/);
    expect(paths(currency)).toEqual(["currency"]);
    expect(paths(await expectAppError(createLocation(fields(w.market.code, { countryCode: "FR" }), ctx), "VALIDATION_FAILED"))).toEqual(["countryCode"]);
    expect(paths(await expectAppError(createLocation(fields("NOPE"), ctx), "VALIDATION_FAILED"))).toEqual(["marketCode"]);
    const first = await createLocation(fields(w.market.code), ctx);
    const clash = await expectAppError(createLocation(fields(w.market.code, { code: first.code }), ctx), "VALIDATION_FAILED", /already uses this code/);
    expect(paths(clash)).toEqual(["code"]);
    // Moving a location to a market with another currency needs the currency changed too.
    const pln = await createTestMarket(db.prisma, { currency: "PLN" });
    await db.prisma.market.update({ where: { code: pln.code }, data: { countries: ["PL"] } });
    const moved = await expectAppError(updateLocation({ ...fields(pln.code, { code: first.code, countryCode: "PL" }), locationId: first.id }, ctx), "VALIDATION_FAILED");
    expect(paths(moved)).toEqual(["currency"]);
    expect(await db.prisma.auditLog.count({ where: { entityId: first.id, action: "location.updated" } })).toBe(0);
  });

  it("only an admin creates, edits or lists them", async () => {
    const w = await createStaffWorld(db.prisma);
    for (const user of [w.managerA, w.cashierA, w.associateA]) {
      const ctx = testContext(db.prisma, userActor(user));
      await expectAppError(createLocation(fields(w.market.code), ctx), "FORBIDDEN");
      await expectAppError(updateLocation({ ...fields(w.market.code), locationId: w.storeA.id }, ctx), "FORBIDDEN");
      await expectAppError(listLocationTable({}, ctx), "FORBIDDEN");
    }
    await expectAppError(updateLocation({ ...fields(w.market.code), locationId: "01900000-0000-7000-8000-000000000000" }, testContext(db.prisma, userActor(w.admin))), "NOT_FOUND");
  });

  it("the table filters by kind, market, capability, state and text, sorts by capacity and pages", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const market = w.market.code;
    const big = await createLocation(fields(market, { name: "Zebra Big", dailyCapacity: 500 }), ctx);
    const small = await createLocation(fields(market, { name: "Zebra Small", dailyCapacity: 5, fulfillmentTypes: ["CARRY_OUT"] }), ctx);
    const closed = await createLocation(fields(market, { name: "Zebra Closed", active: false, dailyCapacity: null }), ctx);
    const wh = await createLocation(fields(market, { name: "Zebra Warehouse", kind: "WAREHOUSE", fulfillmentTypes: ["SHIP"] }), ctx);

    const zebra = await listLocationTable({ search: "zebra", marketCode: market, sort: { field: "capacity", desc: true } }, ctx);
    expect(zebra.total).toBe(4);
    expect(zebra.rows.map((r) => r.id)).toEqual([big.id, wh.id, small.id, closed.id]); // no limit sorts last
    expect((await listLocationTable({ search: "zebra", kind: "WAREHOUSE" }, ctx)).rows.map((r) => r.id)).toEqual([wh.id]);
    expect((await listLocationTable({ search: "zebra", active: false }, ctx)).rows.map((r) => r.id)).toEqual([closed.id]);
    expect((await listLocationTable({ search: "zebra", fulfillmentType: "PICKUP" }, ctx)).rows.map((r) => r.id).sort()).toEqual([big.id, closed.id].sort());
    const page = await listLocationTable({ search: "zebra", sort: { field: "name", desc: false }, page: 1, pageSize: 2 }, ctx);
    expect(page.rows.map((r) => r.name)).toEqual(["Zebra Small", "Zebra Warehouse"]);
    expect((await listMarkets(undefined, ctx)).find((m) => m.code === market)).toMatchObject({ currency: "EUR", countries: ["DE"] });
  });
});

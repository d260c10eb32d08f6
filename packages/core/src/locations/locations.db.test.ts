import { AppError } from "@oms/contracts";
import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { createStaffWorld, createTestLocation, testContext, userActor } from "../testing/index.ts";
import { getLocation, listLocations, listStoresForDevice } from "./index.ts";

const db = useTestDatabase();

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!AppError.isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("locations", () => {
  it("an admin lists every location, a store role only its own", async () => {
    const { storeA, storeB, admin, cashierA } = await createStaffWorld(db.prisma);
    const all = await listLocations(undefined, testContext(db.prisma, userActor(admin)));
    expect(all.map((l) => l.id)).toEqual(expect.arrayContaining([storeA.id, storeB.id]));
    const own = await listLocations({}, testContext(db.prisma, userActor(cashierA)));
    expect(own.map((l) => l.id)).toEqual([storeA.id]);
    expect(own[0]).toMatchObject({ code: storeA.code, currency: "EUR", countryCode: "DE", kind: "STORE" });
  });

  it("tells NOT_FOUND from FORBIDDEN, naming the person's own store", async () => {
    const { storeA, storeB, admin, cashierA } = await createStaffWorld(db.prisma);
    expect((await getLocation({ locationId: storeA.id }, testContext(db.prisma, userActor(cashierA)))).id).toBe(storeA.id);
    const forbidden = await refusal(getLocation({ locationId: storeB.id }, testContext(db.prisma, userActor(cashierA))));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(forbidden.message).toBe(`You can only work with ${storeA.name}.`);
    const missing = await refusal(getLocation({ locationId: "01900000-0000-7000-8000-000000000000" }, testContext(db.prisma, userActor(admin))));
    expect(missing.code).toBe("NOT_FOUND");
    expect((await getLocation({ locationId: storeB.id }, testContext(db.prisma, userActor(admin)))).id).toBe(storeB.id);
  });

  it("lists active stores for a device, without warehouses or closed stores", async () => {
    const open = await createTestLocation(db.prisma);
    const closed = await createTestLocation(db.prisma, { active: false });
    const warehouse = await createTestLocation(db.prisma, { kind: "WAREHOUSE" });
    const stores = await listStoresForDevice(testContext(db.prisma));
    const ids = stores.map((s) => s.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(closed.id);
    expect(ids).not.toContain(warehouse.id);
    expect(Object.keys(stores[0]!).sort()).toEqual(["city", "code", "id", "name"]);
  });
});

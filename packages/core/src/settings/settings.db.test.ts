import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStaffWorld, expectAppError, testContext, userActor } from "../testing/index.ts";
import { getSettings, updateSettings } from "./index.ts";

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

const base = {
  name: "Test retail",
  reportingCurrency: "EUR",
  pickupReadySlaHours: 4,
  shipSlaDays: 2,
  unclaimedReminderDays: 3,
  unclaimedCancelDays: 7,
  discountApprovalBps: 2000,
  cashVarianceNoteThreshold: 500,
  lateOrderHours: 48,
  reportPricesIncludeTax: true,
};

beforeEach(async () => {
  await db.prisma.auditLog.deleteMany({ where: { entityType: "OrganizationSettings" } });
  await db.prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...base }, update: base });
});

const admin = () => testContext(db.prisma, userActor(world.admin));

describe("organisation settings", () => {
  it("any signed-in role reads them", async () => {
    const settings = await getSettings(undefined, testContext(db.prisma, userActor(world.associateA)));
    expect(settings).toMatchObject(base);
  });

  it("an admin's change is saved with an audit row of the changed fields only", async () => {
    const saved = await updateSettings({ ...base, unclaimedReminderDays: 2, unclaimedCancelDays: 10, reportPricesIncludeTax: false }, admin());
    expect(saved).toMatchObject({ unclaimedReminderDays: 2, unclaimedCancelDays: 10, reportPricesIncludeTax: false, shipSlaDays: 2 });
    const row = await db.prisma.organizationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.unclaimedCancelDays).toBe(10);
    const audit = await db.prisma.auditLog.findMany({ where: { entityType: "OrganizationSettings" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "settings.updated", actorKind: "USER", actorId: world.admin.id, entityId: "1" });
    expect(audit[0]!.data).toEqual({
      before: { unclaimedReminderDays: 3, unclaimedCancelDays: 7, reportPricesIncludeTax: true },
      after: { unclaimedReminderDays: 2, unclaimedCancelDays: 10, reportPricesIncludeTax: false },
    });
  });

  it("saving the same values writes no audit row", async () => {
    await updateSettings(base, admin());
    expect(await db.prisma.auditLog.count({ where: { entityType: "OrganizationSettings" } })).toBe(0);
  });

  it("only an admin may change them", async () => {
    for (const user of [world.managerA, world.cashierA, world.associateA]) {
      await expectAppError(updateSettings({ ...base, shipSlaDays: 5 }, testContext(db.prisma, userActor(user))), "FORBIDDEN");
    }
    expect((await db.prisma.organizationSettings.findUniqueOrThrow({ where: { id: 1 } })).shipSlaDays).toBe(2);
  });

  it("rejects a reminder that is not before the cancellation, naming the cancel field", async () => {
    const error = await expectAppError(updateSettings({ ...base, unclaimedReminderDays: 7, unclaimedCancelDays: 7 }, admin()), "VALIDATION_FAILED");
    expect(error.details).toMatchObject({ fields: [{ path: ["unclaimedCancelDays"], message: expect.stringMatching(/more than the days before a reminder/) }] });
  });

  it("rejects out-of-range numbers and unknown currencies with field paths, changing nothing", async () => {
    const bad = await expectAppError(updateSettings({ ...base, discountApprovalBps: 10_001, shipSlaDays: 0, reportingCurrency: "eur" }, admin()), "VALIDATION_FAILED");
    const paths = (bad.details as { fields: { path: string[] }[] }).fields.map((f) => f.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["discountApprovalBps", "shipSlaDays", "reportingCurrency"]));
    await expectAppError(updateSettings({ ...base, pickupReadySlaHours: 1.5 }, admin()), "VALIDATION_FAILED", /whole number/);
    expect(await db.prisma.organizationSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject(base);
    expect(await db.prisma.auditLog.count({ where: { entityType: "OrganizationSettings" } })).toBe(0);
  });

  it("reading before the row exists is NOT_FOUND; the first save creates it", async () => {
    await db.prisma.organizationSettings.deleteMany({});
    await expectAppError(getSettings(undefined, admin()), "NOT_FOUND");
    const created = await updateSettings({ ...base, name: "New retail" }, admin());
    expect(created.name).toBe("New retail");
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityType: "OrganizationSettings" } });
    expect((audit.data as { before: Record<string, unknown> }).before.name).toBeNull();
  });
});

import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { createStaffWorld, createTestLocation, expectAppError, testContext, userActor } from "../testing/index.ts";
import { authenticateWithPassword, authenticateWithPin, createUser, deactivateUser, getSessionUser, listStaff, reactivateUser, setUserPassword, setUserPin, updateUser } from "./index.ts";

const db = useTestDatabase();
const paths = (error: { details?: unknown }) => ((error.details as { fields?: { path: (string | number)[] }[] }).fields ?? []).map((f) => f.path.join("."));
const email = () => `staff-${Math.random().toString(36).slice(2)}@test.example`;

describe("HQ staff accounts", () => {
  it("creates a cashier who signs in with the PIN and the password; no hash leaves the domain; audited", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const address = email();
    const created = await createUser({ name: "  Ada Lovelace ", email: address.toUpperCase(), role: "CASHIER", homeLocationId: w.storeA.id, password: "a long enough secret", pin: "4321" }, ctx);
    expect(created).toMatchObject({ name: "Ada Lovelace", email: address, role: "CASHIER", homeLocationId: w.storeA.id, homeLocationName: w.storeA.name, active: true, hasPin: true });
    expect(JSON.stringify(created)).not.toMatch(/\$2[aby]\$/);
    expect(Object.keys(created)).not.toContain("pinHash");
    expect(Object.keys(created)).not.toContain("passwordHash");
    await expect(authenticateWithPin({ locationId: w.storeA.id, userId: created.id, pin: "4321" }, testContext(db.prisma))).resolves.toMatchObject({ id: created.id });
    await expect(authenticateWithPassword({ email: address, password: "a long enough secret" }, testContext(db.prisma))).resolves.toMatchObject({ id: created.id });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityType: "User", entityId: created.id, action: "user.created" } });
    expect(audit.data).toEqual({ before: null, after: { name: "Ada Lovelace", email: address, role: "CASHIER", homeLocationId: w.storeA.id, password: true, pin: true } });
    expect(JSON.stringify(audit.data)).not.toContain("4321");
  });

  it("refuses a taken e-mail, a store role without a home store, an admin with a PIN, weak secrets: naming each field", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    expect(paths(await expectAppError(createUser({ name: "Dup", email: w.cashierA.email, role: "CASHIER", homeLocationId: w.storeA.id, pin: "1234" }, ctx), "VALIDATION_FAILED", /already signs in/))).toEqual(["email"]);
    expect(paths(await expectAppError(createUser({ name: "No store", email: email(), role: "MANAGER", pin: "1234" }, ctx), "VALIDATION_FAILED"))).toEqual(["homeLocationId"]);
    const admin = await expectAppError(createUser({ name: "Boss", email: email(), role: "ADMIN", pin: "1234" }, ctx), "VALIDATION_FAILED");
    expect(paths(admin)).toEqual(expect.arrayContaining(["password", "pin"]));
    const weak = await expectAppError(createUser({ name: "Weak", email: "not-an-email", role: "CASHIER", homeLocationId: w.storeA.id, password: "short", pin: "12" }, ctx), "VALIDATION_FAILED");
    expect(paths(weak)).toEqual(expect.arrayContaining(["email", "password", "pin"]));
    expect(paths(await expectAppError(createUser({ name: "Nothing", email: email(), role: "CASHIER", homeLocationId: w.storeA.id }, ctx), "VALIDATION_FAILED"))).toEqual(["password"]);
    const closed = await createTestLocation(db.prisma, { marketCode: w.market.code, active: false });
    expect(paths(await expectAppError(createUser({ name: "Closed", email: email(), role: "CASHIER", homeLocationId: closed.id, pin: "1234" }, ctx), "VALIDATION_FAILED", /switched off/))).toEqual(["homeLocationId"]);
  });

  it("a PIN-only associate cannot sign in with any password until one is set", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const address = email();
    const created = await createUser({ name: "Pin only", email: address, role: "ASSOCIATE", homeLocationId: w.storeA.id, pin: "8642" }, ctx);
    await expectAppError(authenticateWithPassword({ email: address, password: "" }, testContext(db.prisma)), "VALIDATION_FAILED");
    await expectAppError(authenticateWithPassword({ email: address, password: "8642" }, testContext(db.prisma)), "UNAUTHENTICATED");
    await setUserPassword({ userId: created.id, password: "now a real password" }, ctx);
    await expect(authenticateWithPassword({ email: address, password: "now a real password" }, testContext(db.prisma))).resolves.toMatchObject({ id: created.id });
  });

  it("changing role and home store is audited and applies to the live session; nobody changes their own role", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const updated = await updateUser({ userId: w.cashierA.id, name: w.cashierA.name, role: "MANAGER", homeLocationId: w.storeB.id }, ctx);
    expect(updated).toMatchObject({ role: "MANAGER", homeLocationId: w.storeB.id });
    const session = await getSessionUser({ userId: w.cashierA.id, sessionVersion: w.cashierA.sessionVersion }, { db: db.prisma });
    expect(session).toMatchObject({ role: "MANAGER", locationId: w.storeB.id });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: w.cashierA.id, action: "user.updated" } });
    expect(audit.data).toEqual({ before: { role: "CASHIER", homeLocationId: w.storeA.id }, after: { role: "MANAGER", homeLocationId: w.storeB.id } });

    const promoted = await updateUser({ userId: w.associateA.id, name: w.associateA.name, role: "ADMIN", homeLocationId: w.storeA.id }, ctx);
    expect(promoted).toMatchObject({ role: "ADMIN", homeLocationId: null, hasPin: false });
    expect(paths(await expectAppError(updateUser({ userId: w.managerA.id, name: "M", role: "CASHIER", homeLocationId: null }, ctx), "VALIDATION_FAILED"))).toEqual(["homeLocationId"]);
    await expectAppError(updateUser({ userId: w.admin.id, name: w.admin.name, role: "MANAGER", homeLocationId: w.storeA.id }, ctx), "CONFLICT", /your own role/);
    await expectAppError(updateUser({ userId: "01900000-0000-7000-8000-000000000000", name: "X", role: "ADMIN" }, ctx), "NOT_FOUND");
  });

  it("a new password ends the person's sessions at once and clears a lockout; the audit row holds no secret", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    await db.prisma.user.update({ where: { id: w.cashierA.id }, data: { failedAttempts: 5, lockedUntil: new Date(Date.now() + 600_000) } });
    const old = { userId: w.cashierA.id, sessionVersion: w.cashierA.sessionVersion };
    expect(await getSessionUser(old, { db: db.prisma })).not.toBeNull();
    await setUserPassword({ userId: w.cashierA.id, password: "brand new password" }, ctx);
    expect(await getSessionUser(old, { db: db.prisma })).toBeNull();
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: w.cashierA.id } });
    expect(row).toMatchObject({ failedAttempts: 0, lockedUntil: null, sessionVersion: w.cashierA.sessionVersion + 1 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: w.cashierA.id, action: "user.password_set" } });
    expect(JSON.stringify(audit.data)).not.toContain("brand new password");
    expect(paths(await expectAppError(setUserPassword({ userId: w.cashierA.id, password: "short" }, ctx), "VALIDATION_FAILED"))).toEqual(["password"]);
  });

  it("sets and removes a PIN; administrators cannot have one", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    await setUserPin({ userId: w.cashierA.id, pin: "97531" }, ctx);
    await expect(authenticateWithPin({ locationId: w.storeA.id, userId: w.cashierA.id, pin: "97531" }, testContext(db.prisma))).resolves.toMatchObject({ id: w.cashierA.id });
    expect((await setUserPin({ userId: w.cashierA.id, pin: null }, ctx)).hasPin).toBe(false);
    await expectAppError(authenticateWithPin({ locationId: w.storeA.id, userId: w.cashierA.id, pin: "97531" }, testContext(db.prisma)), "UNAUTHENTICATED", /no PIN/);
    expect(paths(await expectAppError(setUserPin({ userId: w.admin.id, pin: "1234" }, ctx), "VALIDATION_FAILED"))).toEqual(["pin"]);
    const actions = (await db.prisma.auditLog.findMany({ where: { entityId: w.cashierA.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.pin_set", "user.pin_removed"]);
  });

  it("deactivation ends a session at once and reactivation does not bring it back", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const created = await createUser({ name: "Short stay", email: email(), role: "CASHIER", homeLocationId: w.storeA.id, pin: "2580" }, ctx);
    const session = await authenticateWithPin({ locationId: w.storeA.id, userId: created.id, pin: "2580" }, testContext(db.prisma));
    expect(await getSessionUser({ userId: created.id, sessionVersion: session.sessionVersion }, { db: db.prisma })).not.toBeNull();
    await deactivateUser({ userId: created.id }, ctx);
    expect(await getSessionUser({ userId: created.id, sessionVersion: session.sessionVersion }, { db: db.prisma })).toBeNull();
    await reactivateUser({ userId: created.id }, ctx);
    expect(await getSessionUser({ userId: created.id, sessionVersion: session.sessionVersion }, { db: db.prisma })).toBeNull();
  });

  it("the table searches name and e-mail and filters by role, home store and state; store roles are refused", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const tag = Math.random().toString(36).slice(2, 8);
    const a = await createUser({ name: `Quinn ${tag}`, email: email(), role: "CASHIER", homeLocationId: w.storeA.id, pin: "1111" }, ctx);
    const b = await createUser({ name: `Other ${tag}`, email: `quinn-${tag}@test.example`, role: "MANAGER", homeLocationId: w.storeB.id, pin: "2222" }, ctx);
    await deactivateUser({ userId: b.id }, ctx);
    const search = await listStaff({ search: `quinn` }, ctx);
    expect(search.rows.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await listStaff({ search: tag, role: "CASHIER" }, ctx)).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await listStaff({ search: tag, locationId: w.storeB.id }, ctx)).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listStaff({ search: tag, active: false }, ctx)).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listStaff({ search: tag, pageSize: 1, page: 1 }, ctx)).rows.map((r) => r.id)).toEqual([a.id]);
    for (const user of [w.managerA, w.cashierA]) {
      await expectAppError(listStaff({}, testContext(db.prisma, userActor(user))), "FORBIDDEN");
      await expectAppError(createUser({ name: "X", email: email(), role: "CASHIER", homeLocationId: w.storeA.id, pin: "1234" }, testContext(db.prisma, userActor(user))), "FORBIDDEN");
    }
  });
});

import { AppError, lockoutPolicy } from "@oms/contracts";
import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { createStaffWorld, createTestLocation, createTestUser, TEST_PASSWORD, TEST_PIN, testContext, userActor } from "../testing/index.ts";
import {
  authenticateWithPassword,
  authenticateWithPin,
  deactivateUser,
  getSessionUser,
  listPinStaff,
  reactivateUser,
  WRONG_CREDENTIALS,
} from "./index.ts";

const db = useTestDatabase();

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!AppError.isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const at = (iso: string) => new Date(iso);
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe("password sign-in", () => {
  it("signs in with the right password, records lastLoginAt and returns the SessionUser", async () => {
    const store = await createTestLocation(db.prisma);
    const user = await createTestUser(db.prisma, { role: "MANAGER", locationId: store.id, email: "Mia.Manager@Test.example" });
    const now = at("2026-11-22T10:00:00Z");
    const session = await authenticateWithPassword({ email: "  MIA.manager@test.example ", password: TEST_PASSWORD }, testContext(db.prisma, undefined, now));
    expect(session).toEqual({ id: user.id, email: user.email, name: user.name, role: "MANAGER", locationId: store.id, sessionVersion: 0 });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastLoginAt?.toISOString()).toBe(now.toISOString());
  });

  it("gives the same message for a wrong password and an unknown e-mail, and audits both", async () => {
    const user = await createTestUser(db.prisma, { role: "ADMIN" });
    const ctx = testContext(db.prisma);
    const wrongPassword = await refusal(authenticateWithPassword({ email: user.email, password: "nope" }, ctx));
    const unknownEmail = await refusal(authenticateWithPassword({ email: `nobody-${user.id}@test.example`, password: "nope" }, ctx));
    expect(wrongPassword.code).toBe("UNAUTHENTICATED");
    expect(unknownEmail.code).toBe("UNAUTHENTICATED");
    expect(wrongPassword.message).toBe(WRONG_CREDENTIALS);
    expect(unknownEmail.message).toBe(wrongPassword.message);
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedAttempts).toBe(1);
    expect(row.lastLoginAt).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: "auth.sign_in_failed", entityId: user.id } })).toBe(1);
    const unknown = await db.prisma.auditLog.findMany({ where: { action: "auth.sign_in_failed", entityId: null } });
    expect(unknown.some((r) => (r.data as { email?: string }).email === `nobody-${user.id}@test.example`)).toBe(true);
  });

  it("rejects input that is not an e-mail with VALIDATION_FAILED naming the field", async () => {
    const error = await refusal(authenticateWithPassword({ email: "not-an-email", password: "x" }, testContext(db.prisma)));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.fields?.[0]?.path).toEqual(["email"]);
  });

  it(`locks after ${lockoutPolicy.maxFailedAttempts} failures for ${lockoutPolicy.lockMinutes} minutes, even with the right password`, async () => {
    const store = await createTestLocation(db.prisma, { timeZone: "Europe/Berlin" });
    const user = await createTestUser(db.prisma, { role: "CASHIER", locationId: store.id });
    const start = at("2026-11-22T13:00:00Z"); // 14:00 in Berlin
    for (let i = 1; i < lockoutPolicy.maxFailedAttempts; i++) {
      const e = await refusal(authenticateWithPassword({ email: user.email, password: "wrong" }, testContext(db.prisma, undefined, minutes(start, i))));
      expect(e.code).toBe("UNAUTHENTICATED");
    }
    const fifth = minutes(start, 5);
    const locking = await refusal(authenticateWithPassword({ email: user.email, password: "wrong" }, testContext(db.prisma, undefined, fifth)));
    expect(locking.code).toBe("ACCOUNT_LOCKED");
    // Locked at 13:05 UTC for 15 minutes = 14:20 in the store's time zone.
    expect(locking.message).toContain("try again at 14:20");

    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil?.toISOString()).toBe(minutes(fifth, lockoutPolicy.lockMinutes).toISOString());
    expect(await db.prisma.auditLog.count({ where: { action: "auth.account_locked", entityId: user.id } })).toBe(1);

    const stillLocked = await refusal(
      authenticateWithPassword({ email: user.email, password: TEST_PASSWORD }, testContext(db.prisma, undefined, minutes(fifth, 14))),
    );
    expect(stillLocked.code).toBe("ACCOUNT_LOCKED");
    expect(stillLocked.message).toMatch(/try again at 14:20/);
    // The PIN is refused while locked too.
    const pinLocked = await refusal(
      authenticateWithPin({ locationId: store.id, userId: user.id, pin: TEST_PIN }, testContext(db.prisma, undefined, minutes(fifth, 14))),
    );
    expect(pinLocked.code).toBe("ACCOUNT_LOCKED");

    // The lock ends by itself; the right password then works and clears everything.
    const after = minutes(fifth, lockoutPolicy.lockMinutes + 1);
    const session = await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD }, testContext(db.prisma, undefined, after));
    expect(session.id).toBe(user.id);
    const cleared = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(cleared.failedAttempts).toBe(0);
    expect(cleared.lockedUntil).toBeNull();
  });

  it("resets the failure counter on success", async () => {
    const user = await createTestUser(db.prisma, { role: "ADMIN" });
    const ctx = testContext(db.prisma);
    for (let i = 0; i < lockoutPolicy.maxFailedAttempts - 1; i++) {
      await refusal(authenticateWithPassword({ email: user.email, password: "wrong" }, ctx));
    }
    await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD }, ctx);
    // Had the counter not reset, this failure would lock the account.
    const e = await refusal(authenticateWithPassword({ email: user.email, password: "wrong" }, ctx));
    expect(e.code).toBe("UNAUTHENTICATED");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedAttempts).toBe(1);
  });

  it("counts parallel failures without losing any (increment in SQL)", async () => {
    const user = await createTestUser(db.prisma, { role: "ADMIN" });
    const ctx = testContext(db.prisma);
    await Promise.all([1, 2, 3].map(() => refusal(authenticateWithPassword({ email: user.email, password: "wrong" }, ctx))));
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedAttempts).toBe(3);
  });

  it("refuses a deactivated account, telling only someone who knew the password", async () => {
    const user = await createTestUser(db.prisma, { role: "ADMIN", active: false });
    const ctx = testContext(db.prisma);
    const right = await refusal(authenticateWithPassword({ email: user.email, password: TEST_PASSWORD }, ctx));
    expect(right.code).toBe("FORBIDDEN");
    expect(right.message).toMatch(/switched off/);
    const wrong = await refusal(authenticateWithPassword({ email: user.email, password: "wrong" }, ctx));
    expect(wrong.message).toBe(WRONG_CREDENTIALS);
  });
});

describe("PIN sign-in", () => {
  it("signs in a store person at their own store", async () => {
    const { storeA, cashierA } = await createStaffWorld(db.prisma);
    const session = await authenticateWithPin({ locationId: storeA.id, userId: cashierA.id, pin: TEST_PIN }, testContext(db.prisma));
    expect(session).toMatchObject({ id: cashierA.id, role: "CASHIER", locationId: storeA.id });
  });

  it("refuses the PIN at another store, even when it is right", async () => {
    const { storeB, cashierA } = await createStaffWorld(db.prisma);
    const e = await refusal(authenticateWithPin({ locationId: storeB.id, userId: cashierA.id, pin: TEST_PIN }, testContext(db.prisma)));
    expect(e.code).toBe("FORBIDDEN");
    expect(e.message).toMatch(/own store/);
  });

  it("refuses an admin (no store) and a wrong PIN, and counts the wrong PIN", async () => {
    const { storeA, admin, cashierA } = await createStaffWorld(db.prisma);
    await db.prisma.user.update({ where: { id: admin.id }, data: { pinHash: cashierA.pinHash } });
    expect((await refusal(authenticateWithPin({ locationId: storeA.id, userId: admin.id, pin: TEST_PIN }, testContext(db.prisma)))).code).toBe("FORBIDDEN");
    const wrong = await refusal(authenticateWithPin({ locationId: storeA.id, userId: cashierA.id, pin: "0000" }, testContext(db.prisma)));
    expect(wrong.code).toBe("UNAUTHENTICATED");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: cashierA.id } })).failedAttempts).toBe(1);
  });

  it("refuses an inactive user with the right PIN", async () => {
    const store = await createTestLocation(db.prisma);
    const user = await createTestUser(db.prisma, { role: "ASSOCIATE", locationId: store.id, active: false });
    const e = await refusal(authenticateWithPin({ locationId: store.id, userId: user.id, pin: TEST_PIN }, testContext(db.prisma)));
    expect(e.code).toBe("FORBIDDEN");
  });

  it("locks after repeated wrong PINs", async () => {
    const store = await createTestLocation(db.prisma);
    const user = await createTestUser(db.prisma, { role: "CASHIER", locationId: store.id });
    const ctx = testContext(db.prisma);
    const codes: string[] = [];
    for (let i = 0; i < lockoutPolicy.maxFailedAttempts; i++) {
      codes.push((await refusal(authenticateWithPin({ locationId: store.id, userId: user.id, pin: "1111" }, ctx))).code);
    }
    expect(codes.at(-1)).toBe("ACCOUNT_LOCKED");
    expect(codes.slice(0, -1).every((c) => c === "UNAUTHENTICATED")).toBe(true);
  });

  it("lists only active staff of that store who have a PIN", async () => {
    const { storeA, managerA, cashierA, associateA, cashierB } = await createStaffWorld(db.prisma);
    await createTestUser(db.prisma, { role: "CASHIER", locationId: storeA.id, pin: null });
    await createTestUser(db.prisma, { role: "CASHIER", locationId: storeA.id, active: false });
    const tiles = await listPinStaff({ locationId: storeA.id }, testContext(db.prisma));
    expect(tiles.map((t) => t.id).sort()).toEqual([managerA.id, cashierA.id, associateA.id].sort());
    expect(tiles.map((t) => t.id)).not.toContain(cashierB.id);
    expect(Object.keys(tiles[0]!).sort()).toEqual(["id", "name", "role"]);
  });
});

describe("ending sessions", () => {
  it("deactivation raises sessionVersion so getSessionUser returns null; reactivation needs a new sign-in", async () => {
    const { admin, cashierA } = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(admin));
    expect(await getSessionUser({ userId: cashierA.id, sessionVersion: 0 }, ctx)).toMatchObject({ id: cashierA.id });

    const status = await deactivateUser({ userId: cashierA.id }, ctx);
    expect(status).toMatchObject({ active: false, sessionVersion: 1 });
    expect(await getSessionUser({ userId: cashierA.id, sessionVersion: 0 }, ctx)).toBeNull();
    expect(await getSessionUser({ userId: cashierA.id, sessionVersion: 1 }, ctx)).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: "user.deactivated", entityId: cashierA.id, actorId: admin.id } })).toBe(1);

    await reactivateUser({ userId: cashierA.id }, ctx);
    expect(await getSessionUser({ userId: cashierA.id, sessionVersion: 0 }, ctx)).toBeNull();
    const fresh = await authenticateWithPassword({ email: cashierA.email, password: TEST_PASSWORD }, ctx);
    expect(fresh.sessionVersion).toBe(1);
    expect(await getSessionUser({ userId: cashierA.id, sessionVersion: fresh.sessionVersion }, ctx)).toEqual(fresh);
  });

  it("returns null for an unknown user", async () => {
    expect(await getSessionUser({ userId: "01900000-0000-7000-8000-000000000000", sessionVersion: 0 }, testContext(db.prisma))).toBeNull();
  });

  it("only an admin may deactivate, and not themselves", async () => {
    const { admin, managerA, cashierA } = await createStaffWorld(db.prisma);
    const byManager = await refusal(deactivateUser({ userId: cashierA.id }, testContext(db.prisma, userActor(managerA))));
    expect(byManager.code).toBe("FORBIDDEN");
    const self = await refusal(deactivateUser({ userId: admin.id }, testContext(db.prisma, userActor(admin))));
    expect(self.code).toBe("CONFLICT");
    const missing = await refusal(deactivateUser({ userId: "01900000-0000-7000-8000-000000000000" }, testContext(db.prisma, userActor(admin))));
    expect(missing.code).toBe("NOT_FOUND");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: cashierA.id } })).active).toBe(true);
  });
});

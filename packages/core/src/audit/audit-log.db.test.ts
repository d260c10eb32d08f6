import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../api-keys/index.ts";
import { updateSettings } from "../settings/index.ts";
import { deactivateUser } from "../staff/index.ts";
import { createStaffWorld, expectAppError, testContext, userActor } from "../testing/index.ts";
import { exportAuditCsv, getAuditEntry, listAuditFacets, listAuditLog } from "./index.ts";

const db = useTestDatabase();

describe("the audit log", () => {
  it("lists the admin commands' rows newest first with who and what, filtered and paged", async () => {
    const w = await createStaffWorld(db.prisma);
    const t0 = new Date("2026-11-30T10:00:00Z");
    const at = (minutes: number) => testContext(db.prisma, userActor(w.admin), new Date(t0.getTime() + minutes * 60_000));
    const { apiKey } = await createApiKey({ name: "Audit shop", channel: "WEB", scopes: ["orders:read"] }, at(0));
    await revokeApiKey({ apiKeyId: apiKey.id }, at(1));
    await deactivateUser({ userId: w.cashierA.id }, at(2));
    await db.prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Retail", reportingCurrency: "EUR" }, update: { shipSlaDays: 2 } });
    const settings = { name: "Retail", reportingCurrency: "EUR", pickupReadySlaHours: 4, shipSlaDays: 3, unclaimedReminderDays: 3, unclaimedCancelDays: 7, discountApprovalBps: 2000, cashVarianceNoteThreshold: 500, lateOrderHours: 48, reportPricesIncludeTax: false };
    await updateSettings(settings, at(24 * 60));

    const ctx = at(3000);
    const mine = await listAuditLog({ actorId: w.admin.id }, ctx);
    expect(mine.rows.map((r) => r.action)).toEqual(["settings.updated", "user.deactivated", "api_key.revoked", "api_key.created"]);
    expect(mine.total).toBe(4);
    const deactivated = mine.rows[1]!;
    expect(deactivated).toMatchObject({ actorKind: "USER", actorName: w.admin.name, entityType: "User", entityId: w.cashierA.id, entityLabel: w.cashierA.name });
    expect(mine.rows[0]).toMatchObject({ entityType: "OrganizationSettings", entityId: "1", changed: ["shipSlaDays", "reportPricesIncludeTax"] });

    expect((await listAuditLog({ actorId: w.admin.id, entityType: "ApiKey" }, ctx)).rows.map((r) => r.action)).toEqual(["api_key.revoked", "api_key.created"]);
    expect((await listAuditLog({ actorId: w.admin.id, action: "api_key.created" }, ctx)).rows[0]).toMatchObject({ entityLabel: "Audit shop" });
    expect((await listAuditLog({ entityId: w.cashierA.id.slice(0, 13) }, ctx)).rows.map((r) => r.action)).toEqual(["user.deactivated"]);
    expect((await listAuditLog({ entityId: w.cashierA.id }, ctx)).total).toBe(1);
    expect((await listAuditLog({ actor: w.admin.name.slice(-6), from: "2026-11-30", to: "2026-11-30" }, ctx)).rows.map((r) => r.action)).toEqual(["user.deactivated", "api_key.revoked", "api_key.created"]);
    expect((await listAuditLog({ actorId: w.admin.id, from: "2026-12-01T00:00:00Z" }, ctx)).rows.map((r) => r.action)).toEqual(["settings.updated"]);
    expect((await listAuditLog({ actorId: w.admin.id, actorKind: "SYSTEM" }, ctx)).total).toBe(0);
    const second = await listAuditLog({ actorId: w.admin.id, page: 1, pageSize: 3 }, ctx);
    expect(second.rows.map((r) => r.action)).toEqual(["api_key.created"]);

    const entry = await getAuditEntry({ auditId: mine.rows[0]!.id }, ctx);
    expect(entry.data).toEqual({ before: { shipSlaDays: 2, reportPricesIncludeTax: true }, after: { shipSlaDays: 3, reportPricesIncludeTax: false } });
    await expectAppError(getAuditEntry({ auditId: "999999999" }, ctx), "NOT_FOUND");

    const facets = await listAuditFacets(undefined, ctx);
    expect(facets.entityTypes).toEqual(expect.arrayContaining(["ApiKey", "User", "OrganizationSettings"]));
    expect(facets.actions).toEqual(expect.arrayContaining([{ action: "user.deactivated", entityType: "User" }]));
  });

  it("rejects an end date before the start date on the end field", async () => {
    const w = await createStaffWorld(db.prisma);
    const error = await expectAppError(listAuditLog({ from: "2026-12-02", to: "2026-12-01" }, testContext(db.prisma, userActor(w.admin))), "VALIDATION_FAILED");
    expect((error.details as { fields: { path: string[] }[] }).fields[0]!.path).toEqual(["to"]);
  });

  it("exports the filtered rows as CSV with the changes, cut at the limit", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    await deactivateUser({ userId: w.cashierA.id }, ctx);
    await deactivateUser({ userId: w.associateA.id }, ctx);
    const all = await exportAuditCsv({ actorId: w.admin.id }, ctx);
    const lines = all.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Time (UTC),Actor kind,Actor,Actor id,Action,Entity type,Entity,Entity id,Changed fields,Before,After,Other data,IP");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("user.deactivated");
    expect(lines[1]).toContain(w.associateA.id);
    expect(lines[1]).toContain('"{""sessionVersion"":1}"');
    expect(all).toMatchObject({ rows: 2, truncated: false });
    expect(await exportAuditCsv({ actorId: w.admin.id }, ctx, { maxRows: 1 })).toMatchObject({ rows: 1, truncated: true });
    for (const user of [w.managerA, w.cashierB]) await expectAppError(exportAuditCsv({}, testContext(db.prisma, userActor(user))), "FORBIDDEN");
  });
});

import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../api-keys/index.ts";
import { createStaffWorld, expectAppError, testContext, userActor } from "../testing/index.ts";
import { createHqWebhookSubscription, listHqWebhookSubscriptions, rotateHqWebhookSecret, setHqWebhookSubscriptionActive, updateHqWebhookSubscription } from "./index.ts";

const db = useTestDatabase();

describe("webhook endpoints from HQ", () => {
  it("creates an endpoint whose secret is returned once, edits, disables, re-enables and rotates it, all audited", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const { apiKey } = await createApiKey({ name: "Web shop", channel: "WEB", scopes: ["orders:read"] }, ctx);
    const created = await createHqWebhookSubscription({ apiKeyId: apiKey.id, url: "https://shop.example/hooks", events: ["order.changed", "order.changed"] }, ctx);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created).toMatchObject({ events: ["order.changed"], active: true, apiKey: { id: apiKey.id, name: "Web shop", revoked: false } });
    const listed = await listHqWebhookSubscriptions(undefined, ctx);
    const row = listed.find((s) => s.id === created.id)!;
    expect(row).not.toHaveProperty("secret");
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    await db.prisma.webhookDelivery.createMany({
      data: [
        { subscriptionId: created.id, eventId: "01900000-0000-7000-8000-000000000001", topic: "order.changed", payload: {}, status: "FAILED" },
        { subscriptionId: created.id, eventId: "01900000-0000-7000-8000-000000000002", topic: "order.changed", payload: {}, status: "PENDING" },
      ],
    });
    expect((await listHqWebhookSubscriptions(undefined, ctx)).find((s) => s.id === created.id)).toMatchObject({ pending: 1, failed: 1 });

    const edited = await updateHqWebhookSubscription({ subscriptionId: created.id, url: "https://shop.example/v2", events: ["order.changed", "fulfillment.changed"] }, ctx);
    expect(edited).toMatchObject({ url: "https://shop.example/v2", events: ["order.changed", "fulfillment.changed"] });
    await setHqWebhookSubscriptionActive({ subscriptionId: created.id, active: false }, ctx);
    await setHqWebhookSubscriptionActive({ subscriptionId: created.id, active: false }, ctx);
    await setHqWebhookSubscriptionActive({ subscriptionId: created.id, active: true }, ctx);
    const rotated = await rotateHqWebhookSecret({ subscriptionId: created.id }, ctx);
    expect(rotated.secret).not.toBe(created.secret);
    expect((await db.prisma.webhookSubscription.findUniqueOrThrow({ where: { id: created.id } })).secret).toBe(rotated.secret);

    const audit = await db.prisma.auditLog.findMany({ where: { entityType: "WebhookSubscription", entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["webhook.created", "webhook.updated", "webhook.disabled", "webhook.enabled", "webhook.secret_rotated"]);
    expect(audit[1]!.data).toEqual({ before: { url: "https://shop.example/hooks", events: ["order.changed"] }, after: { url: "https://shop.example/v2", events: ["order.changed", "fulfillment.changed"] } });
    expect(JSON.stringify(audit.map((a) => a.data))).not.toMatch(/whsec_/);
  });

  it("a revoked key's endpoint cannot be created or switched back on; bad URLs and events name their field", async () => {
    const w = await createStaffWorld(db.prisma);
    const ctx = testContext(db.prisma, userActor(w.admin));
    const { apiKey } = await createApiKey({ name: "Old shop", channel: "WEB", scopes: ["orders:read"] }, ctx);
    const sub = await createHqWebhookSubscription({ apiKeyId: apiKey.id, url: "https://old.example/hooks", events: ["order.changed"] }, ctx);
    await setHqWebhookSubscriptionActive({ subscriptionId: sub.id, active: false }, ctx);
    await revokeApiKey({ apiKeyId: apiKey.id }, ctx);
    await expectAppError(setHqWebhookSubscriptionActive({ subscriptionId: sub.id, active: true }, ctx), "CONFLICT", /revoked/);
    await expectAppError(createHqWebhookSubscription({ apiKeyId: apiKey.id, url: "https://old.example/again", events: ["order.changed"] }, ctx), "CONFLICT", /revoked/);
    const bad = await expectAppError(createHqWebhookSubscription({ apiKeyId: apiKey.id, url: "ftp://nope", events: [] }, ctx), "VALIDATION_FAILED");
    expect((bad.details as { fields: { path: string[] }[] }).fields.map((f) => f.path.join("."))).toEqual(expect.arrayContaining(["url", "events"]));
    const missing = await expectAppError(createHqWebhookSubscription({ apiKeyId: "01900000-0000-7000-8000-000000000000", url: "https://x.example", events: ["order.changed"] }, ctx), "VALIDATION_FAILED");
    expect((missing.details as { fields: { path: string[] }[] }).fields[0]!.path).toEqual(["apiKeyId"]);
    for (const user of [w.managerA, w.cashierA]) await expectAppError(listHqWebhookSubscriptions(undefined, testContext(db.prisma, userActor(user))), "FORBIDDEN");
  });
});

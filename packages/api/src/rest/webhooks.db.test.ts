// Webhooks out: subscriptions through REST, delivery from the outbox to a real HTTP server
// on 127.0.0.1, signatures, retries with backoff, giving up after 24 h, the HQ log.
import { verifyWebhookSignature } from "@oms/core";
import { createStaffWorld, sessionUserOf } from "@oms/core/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcContext } from "../context.ts";
import { createCaller } from "../root.ts";
import { createApiKeyRow, orderBody, restClient, restWorld, type RestWorld } from "./rest-testing.ts";
import { runWebhookWorkerOnce } from "./webhook-worker.ts";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let db: TestDatabase;
let world: RestWorld;
let server: Server;
let baseUrl: string;
const received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await restWorld(db.prisma, { stock: [[50, 50, 0]], variants: 1 });
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.drop();
});

/** Processes every outbox event so far without delivering (a clean slate per test). */
async function drainOutbox() {
  await db.prisma.outboxEvent.updateMany({ where: { webhooksEnqueuedAt: null }, data: { webhooksEnqueuedAt: new Date() } });
}

describe("webhook subscriptions", () => {
  it("POST, GET and DELETE /webhooks; only http(s) URLs; secret shown once", async () => {
    const api = restClient(db.prisma, (await createApiKeyRow(db.prisma)).token);
    const bad = await api("POST", "/webhooks", { body: { url: "ftp://127.0.0.1/x", events: ["order.changed"] } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].path).toBe("url");
    expect((await api("POST", "/webhooks", { body: { url: `${baseUrl}/x`, events: ["payment.changed"] } })).status).toBe(422);

    const created = await api("POST", "/webhooks", { body: { url: `${baseUrl}/hook`, events: ["order.changed"] } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.any(String), url: `${baseUrl}/hook`, events: ["order.changed"], active: true, secret: expect.stringMatching(/^whsec_/) });
    const list = await api("GET", "/webhooks");
    expect(list.json.items).toEqual([{ id: created.json.id, url: `${baseUrl}/hook`, events: ["order.changed"], active: true, createdAt: created.json.createdAt }]);
    expect((await restClient(db.prisma, (await createApiKeyRow(db.prisma)).token)("GET", "/webhooks")).json.items).toEqual([]);

    expect((await api("DELETE", `/webhooks/${created.json.id}`)).status).toBe(204);
    expect((await api("GET", "/webhooks")).json.items).toEqual([]);
    expect((await api("DELETE", `/webhooks/${created.json.id}`)).status).toBe(404);
  });
});

describe("delivery", () => {
  it("delivers signed order events of the key's channel, retries after a 500 with backoff, and logs it for HQ", async () => {
    await drainOutbox();
    const key = await createApiKeyRow(db.prisma);
    const api = restClient(db.prisma, key.token);
    const sub = (await api("POST", "/webhooks", { body: { url: `${baseUrl}/orders`, events: ["order.changed", "fulfillment.changed"] } })).json;
    const otherChannel = restClient(db.prisma, (await createApiKeyRow(db.prisma, { channel: "MARKETPLACE" })).token);
    const otherSub = (await otherChannel("POST", "/webhooks", { body: { url: `${baseUrl}/other`, events: ["order.changed"] } })).json;

    const order = (await api("POST", "/orders", { body: orderBody(world), headers: { "idempotency-key": randomUUID() } })).json;
    expect(order.status).toBe("ALLOCATED");

    received.length = 0;
    answer = 500;
    const t0 = new Date(Date.now() + 1000);
    const first = await runWebhookWorkerOnce({ db: db.prisma, now: t0 });
    expect(first.enqueued).toBeGreaterThan(0);
    expect(first.delivered).toBe(0);
    expect(first.retrying).toBe(first.enqueued);
    expect(received.every((r) => r.headers["x-oms-event-id"])).toBe(true);
    expect(await db.prisma.webhookDelivery.count({ where: { subscriptionId: otherSub.id } })).toBe(0);
    const failed = await db.prisma.webhookDelivery.findMany({ where: { subscriptionId: sub.id } });
    for (const d of failed) {
      expect(d).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
      expect(d.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);
    }
    // Not due yet: nothing is sent.
    received.length = 0;
    expect((await runWebhookWorkerOnce({ db: db.prisma, now: new Date(t0.getTime() + 10_000) })).retrying).toBe(0);
    expect(received).toHaveLength(0);

    answer = 200;
    const t1 = new Date(t0.getTime() + 31_000);
    const second = await runWebhookWorkerOnce({ db: db.prisma, now: t1 });
    expect(second.delivered).toBe(failed.length);
    const delivered = await db.prisma.webhookDelivery.findMany({ where: { subscriptionId: sub.id } });
    expect(delivered.every((d) => d.status === "DELIVERED" && d.attempts === 2 && d.deliveredAt?.getTime() === t1.getTime())).toBe(true);

    const orderEvents = received.filter((r) => r.headers["x-oms-event-type"] === "order.changed");
    expect(orderEvents.length).toBeGreaterThan(0);
    for (const r of received) {
      expect(r.headers["content-type"]).toBe("application/json");
      expect(verifyWebhookSignature({ header: String(r.headers["x-oms-signature"]), body: r.body, secret: sub.secret, now: t1 })).toBe(true);
      expect(verifyWebhookSignature({ header: String(r.headers["x-oms-signature"]), body: r.body + " ", secret: sub.secret, now: t1 })).toBe(false);
      expect(verifyWebhookSignature({ header: String(r.headers["x-oms-signature"]), body: r.body, secret: "whsec_wrong", now: t1 })).toBe(false);
      const event = JSON.parse(r.body);
      expect(event.id).toBe(r.headers["x-oms-event-id"]);
      expect(event.data.orderId).toBe(order.id);
    }
    expect(orderEvents.map((r) => JSON.parse(r.body).data.status)).toContain("ALLOCATED");

    // A third pass sends nothing more.
    received.length = 0;
    await runWebhookWorkerOnce({ db: db.prisma, now: new Date(t1.getTime() + 3_600_000) });
    expect(received).toHaveLength(0);

    // HQ sees the log through tRPC (ADMIN only).
    const staff = await createStaffWorld(db.prisma);
    const log = await createCaller(createTrpcContext({ user: sessionUserOf(staff.admin), db: db.prisma })).webhooks.deliveries({ subscriptionId: sub.id });
    expect(log).toHaveLength(failed.length);
    expect(log[0]).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatusCode: 200, url: `${baseUrl}/orders`, apiKey: { id: key.id, channel: "WEB" } });
    await expect(createCaller(createTrpcContext({ user: sessionUserOf(staff.cashierA), db: db.prisma })).webhooks.deliveries({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives up after 24 hours of failures (FAILED, with the last error)", async () => {
    await drainOutbox();
    const api = restClient(db.prisma, (await createApiKeyRow(db.prisma)).token);
    const sub = (await api("POST", "/webhooks", { body: { url: `${baseUrl}/down`, events: ["order.changed"] } })).json;
    await api("POST", "/orders", { body: orderBody(world), headers: { "idempotency-key": randomUUID() } });
    answer = 503;
    const start = Date.now() + 1000;
    let now = start;
    for (let i = 0; i < 60 && now < start + 26 * 3_600_000; i++) {
      await runWebhookWorkerOnce({ db: db.prisma, now: new Date(now) });
      const pending = await db.prisma.webhookDelivery.findMany({ where: { subscriptionId: sub.id, status: "PENDING" } });
      if (pending.length === 0) break;
      now = Math.max(...pending.map((d) => d.nextAttemptAt.getTime()));
    }
    const rows = await db.prisma.webhookDelivery.findMany({ where: { subscriptionId: sub.id } });
    expect(rows.length).toBeGreaterThan(0);
    for (const d of rows) {
      expect(d.status).toBe("FAILED");
      expect(d.lastStatusCode).toBe(503);
      expect(d.lastError).toContain("503");
      // 30 s, 1, 2, 4 … min up to 1 h between attempts: about 30 attempts in 24 hours.
      expect(d.attempts).toBeGreaterThan(20);
      expect(d.attempts).toBeLessThan(40);
    }
    expect(now - start).toBeLessThanOrEqual(24 * 3_600_000);
    answer = 200;
  });

  it("a subscription of a revoked key or a deleted one receives nothing", async () => {
    await drainOutbox();
    const key = await createApiKeyRow(db.prisma);
    const api = restClient(db.prisma, key.token);
    const sub = (await api("POST", "/webhooks", { body: { url: `${baseUrl}/gone`, events: ["order.changed"] } })).json;
    await api("POST", "/orders", { body: orderBody(world), headers: { "idempotency-key": randomUUID() } });
    await db.prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await runWebhookWorkerOnce({ db: db.prisma, now: new Date(Date.now() + 1000) });
    expect(await db.prisma.webhookDelivery.count({ where: { subscriptionId: sub.id } })).toBe(0);
  });
});

// API keys through tRPC (HQ) and the public order tracking look-up.
import { createStaffWorld, sessionUserOf } from "@oms/core/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcContext } from "../context.ts";
import { createCaller } from "../root.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { createApiKeyRow, orderBody, restClient, restWorld, type RestWorld } from "./rest-testing.ts";
import { trackOrder } from "./track.ts";

let db: TestDatabase;
let world: RestWorld;
let staff: Awaited<ReturnType<typeof createStaffWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await restWorld(db.prisma, { stock: [[20, 20, 0]], variants: 1 });
  staff = await createStaffWorld(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

describe("apiKeys (tRPC, ADMIN)", () => {
  it("creates a key whose token is shown once and works at once; list hides secrets; revoke stops it immediately", async () => {
    const admin = createCaller(createTrpcContext({ user: sessionUserOf(staff.admin), db: db.prisma }));
    const { apiKey, token } = await admin.apiKeys.create({ name: "Marketplace X", channel: "MARKETPLACE", scopes: ["catalog:read"] });
    expect(token.startsWith(`${apiKey.prefix}.`)).toBe(true);
    expect(apiKey).toMatchObject({ name: "Marketplace X", channel: "MARKETPLACE", scopes: ["catalog:read"], revokedAt: null });
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.secretHash).not.toContain(token);
    const listed = await admin.apiKeys.list();
    expect(listed.find((k) => k.id === apiKey.id)).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain("secretHash");

    const api = restClient(db.prisma, token);
    expect((await api("GET", "/locations")).status).toBe(200);
    expect((await api("GET", "/availability?sku=x")).status).toBe(403);
    await admin.apiKeys.revoke({ apiKeyId: apiKey.id });
    expect((await api("GET", "/locations")).status).toBe(401);
    await expect(admin.apiKeys.create({ name: "POS", channel: "POS" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("trackOrder (/track)", () => {
  it("shows status and fulfillment for the right number and e-mail; the same answer when either is wrong", async () => {
    const api = restClient(db.prisma, (await createApiKeyRow(db.prisma)).token);
    const body = orderBody(world, { fulfillment: { type: "PICKUP", locationId: world.warsaw.id }, payment: { status: "PAY_AT_PICKUP" } });
    const order = (await api("POST", "/orders", { body, headers: { "idempotency-key": randomUUID() } })).json;
    expect(order.status).toBe("ALLOCATED");
    const limiter = () => createRateLimiter({ capacity: 100, refillPerSecond: 100 });
    const ok = await trackOrder({ number: order.number.toLowerCase(), email: ` ${body.customer.email.toUpperCase()} ` }, { db: db.prisma, rateLimiter: limiter() });
    expect(ok).toMatchObject({ ok: true, order: { number: order.number, status: "ALLOCATED", fulfillments: [{ type: "PICKUP", status: "NEW", locationName: world.warsaw.name, pickupCode: null }] } });
    expect(JSON.stringify(ok)).not.toContain("Nowak");

    const wrongEmail = await trackOrder({ number: order.number, email: "someone@else.example" }, { db: db.prisma, rateLimiter: limiter() });
    const wrongNumber = await trackOrder({ number: "W-999999", email: body.customer.email }, { db: db.prisma, rateLimiter: limiter() });
    expect(wrongEmail).toEqual(wrongNumber);
    expect(wrongEmail).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await trackOrder({ number: "", email: "" }, { db: db.prisma, rateLimiter: limiter() })).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  });

  it("is rate-limited per IP", async () => {
    const rateLimiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.1 });
    for (let i = 0; i < 2; i++) expect((await trackOrder({ number: "W-1", email: "a@b.c" }, { db: db.prisma, ip: "10.0.0.1", rateLimiter })).ok).toBe(false);
    const limited = await trackOrder({ number: "W-1", email: "a@b.c" }, { db: db.prisma, ip: "10.0.0.1", rateLimiter });
    expect(limited).toMatchObject({ ok: false, code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    expect(await trackOrder({ number: "W-1", email: "a@b.c" }, { db: db.prisma, ip: "10.0.0.2", rateLimiter })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

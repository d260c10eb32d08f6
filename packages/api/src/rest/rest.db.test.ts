// Contract tests of the public REST API: through handleRestRequest, the function the
// /api/v1 route handler calls, with real Request objects. Each test builds its own world.
import { hashApiKeySecret, revokeApiKey, startPicking, markPacked, markShipped, confirmDelivered } from "@oms/core";
import { hashApiKeySecret as seedHashApiKeySecret } from "@oms/db/seed";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit.ts";
import { createApiKeyRow, orderBody, restClient, restWorld, type RestWorld } from "./rest-testing.ts";

let db: TestDatabase;
let world: RestWorld;
/** Orders are taken from this world (plenty of stock), so catalog numbers stay fixed. */
let shop: RestWorld;
let key: Awaited<ReturnType<typeof createApiKeyRow>>;
let api: ReturnType<typeof restClient>;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await restWorld(db.prisma);
  shop = await restWorld(db.prisma, { stock: [[100, 100, 0], [5, 5, 0]] });
  key = await createApiKeyRow(db.prisma);
  api = restClient(db.prisma, key.token);
});
afterAll(async () => {
  await db?.drop();
});

const post = (body: unknown, idempotencyKey: string | null = randomUUID(), client = api) =>
  client("POST", "/orders", { body, headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {} });

function expectProblem(res: { status: number; headers: Headers; json: any }, status: number, slug?: string) {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.json).toMatchObject({ status, title: expect.any(String), type: expect.stringMatching(/\/problems\//) });
  if (slug) expect(res.json.type).toMatch(new RegExp(`/problems/${slug}$`));
}

describe("authentication and scopes", () => {
  it("refuses a missing, unknown or revoked key with 401 problem+json", async () => {
    const none = await restClient(db.prisma, null)("GET", "/locations");
    expectProblem(none, 401, "unauthenticated");
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expectProblem(await restClient(db.prisma, "oms_nope.secret")("GET", "/locations"), 401, "unauthenticated");

    const revocable = await createApiKeyRow(db.prisma);
    const client = restClient(db.prisma, revocable.token);
    expect((await client("GET", "/locations")).status).toBe(200);
    await revokeApiKey({ apiKeyId: revocable.id }, { db: db.prisma, actor: { kind: "SYSTEM" }, now: new Date() });
    expectProblem(await client("GET", "/locations"), 401);
  });

  it("accepts the demo seed's key format: sha256 of the whole token, as the seed hashes it", async () => {
    expect(hashApiKeySecret("demo-web-key")).toBe(seedHashApiKeySecret("demo-web-key"));
    const token = `demo-${world.tag}-key`;
    await db.prisma.apiKey.create({ data: { name: "Demo-like", prefix: `demo-${world.tag}`, secretHash: seedHashApiKeySecret(token), channel: "WEB", scopes: ["catalog:read"] } });
    expect((await restClient(db.prisma, token)("GET", "/locations")).status).toBe(200);
  });

  it("answers 403 when the key lacks the scope", async () => {
    const readOnly = await createApiKeyRow(db.prisma, { scopes: ["catalog:read"] });
    const res = await post(orderBody(world), randomUUID(), restClient(db.prisma, readOnly.token));
    expectProblem(res, 403, "forbidden");
    expect(res.json.detail).toContain("orders:write");
  });

  it("limits requests per key: 429 with Retry-After", async () => {
    const limited = restClient(db.prisma, key.token, { rateLimiter: createRateLimiter({ capacity: 2, refillPerSecond: 0.5 }) });
    expect((await limited("GET", "/locations")).status).toBe(200);
    expect((await limited("GET", "/locations")).status).toBe(200);
    const res = await limited("GET", "/locations");
    expectProblem(res, 429, "rate-limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("unknown paths are 404 and wrong methods 405, as problems", async () => {
    expectProblem(await api("GET", "/nothing-here"), 404);
    const res = await api("DELETE", "/locations");
    expectProblem(res, 405);
    expect(res.headers.get("allow")).toBe("GET");
  });
});

describe("catalog and availability", () => {
  it("GET /locations lists locations with kind, fulfillment types, position and currency", async () => {
    const res = await api("GET", "/locations");
    expect(res.status).toBe(200);
    const krakow = res.json.items.find((l: any) => l.id === world.krakow.id);
    expect(krakow).toEqual({
      id: world.krakow.id,
      code: world.krakow.code,
      name: world.krakow.name,
      kind: "STORE",
      fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP", "DELIVERY"],
      latitude: 50.0647,
      longitude: 19.945,
      currency: "PLN",
      city: "Krakow",
      countryCode: world.country,
      timeZone: "Europe/Warsaw",
    });
  });

  it("GET /products pages with a cursor and filters by q and sku", async () => {
    const first = await api("GET", `/products?q=${world.tag}&limit=1`);
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(1);
    expect(first.json.items[0]).toMatchObject({
      sku: world.variants[0]!.sku,
      productName: world.product.name,
      category: { slug: world.category.slug, name: "Jackets" },
      barcodes: [expect.stringContaining(world.tag)],
      prices: [
        { currency: "EUR", amount: 2500, compareAt: null },
        { currency: "PLN", amount: 10000, compareAt: null },
      ],
    });
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await api("GET", `/products?q=${world.tag}&limit=1&cursor=${first.json.nextCursor}`);
    expect(second.json.items.map((v: any) => v.sku)).toEqual([world.variants[1]!.sku]);
    expect(second.json.nextCursor).toBeNull();

    const bySku = await api("GET", `/products?sku=${world.variants[1]!.sku}`);
    expect(bySku.json.items.map((v: any) => v.sku)).toEqual([world.variants[1]!.sku]);
    expectProblem(await api("GET", "/products?limit=0"), 422, "validation-failed");
    expectProblem(await api("GET", "/products?cursor=garbage"), 422);
  });

  it("GET /availability gives ATP per location and network, nearest first with coordinates", async () => {
    const [a, b] = world.variants;
    const near = await api("GET", `/availability?sku=${a!.sku}&sku=${b!.sku}&lat=50.06&lng=19.94`);
    expect(near.status).toBe(200);
    expect(near.json.items).toHaveLength(2);
    const item = near.json.items[0];
    expect(item).toMatchObject({ sku: a!.sku, variantId: a!.id, networkAvailable: 10, networkInTransit: 0 });
    expect(item.locations.map((l: any) => l.locationId)).toEqual([world.krakow.id, world.warsaw.id]);
    expect(item.locations[0].distanceKm).toBeLessThan(2);
    expect(item.locations[0]).toMatchObject({ code: world.krakow.code, available: 5, inTransit: 0 });

    const plain = await api("GET", `/availability?sku=${a!.sku}`);
    expect(plain.json.items[0].locations.every((l: any) => l.distanceKm === null)).toBe(true);

    const unknown = await api("GET", `/availability?sku=${a!.sku}&sku=NOPE-${world.tag}`);
    expectProblem(unknown, 422);
    expect(unknown.json.errors).toEqual([{ path: "sku[1]", message: expect.stringContaining("NOPE") }]);
    const noSku = await api("GET", "/availability");
    expectProblem(noSku, 422);
    expect(noSku.json.errors[0].path).toBe("sku");
    expectProblem(await api("GET", `/availability?sku=${a!.sku}&lat=500&lng=1`), 422);
  });
});

describe("POST /orders", () => {
  it("takes an order for the key's channel: 201 with fulfillment orders and the routing trace", async () => {
    const body = orderBody(shop);
    const res = await post(body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.json).toMatchObject({ id: expect.any(String), number: expect.stringMatching(/^W-/), status: "ALLOCATED", channel: "WEB", externalId: body.externalId, holdReasons: [] });
    expect(res.json.fulfillmentOrders).toHaveLength(1);
    expect(res.json.fulfillmentOrders[0]).toMatchObject({ locationId: shop.krakow.id, type: "SHIP", status: "NEW", lines: [{ sku: shop.variants[0]!.sku, quantity: 2 }] });
    expect(res.json.routing.runs.length).toBeGreaterThan(0);
    expect(res.json.routing.runs[0].trace.steps.length).toBeGreaterThan(0);
    const stored = await db.prisma.order.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(stored).toMatchObject({ channel: "WEB", apiKeyId: key.id });
  });

  it("replays: same key and body → the same status and body, one order; another body → 409", async () => {
    const body = orderBody(shop);
    const idem = randomUUID();
    const first = await post(body, idem);
    expect(first.status).toBe(201);
    const again = await post(body, idem);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    // Same content, keys in another order: the canonical body is the same.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await post(reordered, idem)).json).toEqual(first.json);
    expect(await db.prisma.order.count({ where: { externalId: body.externalId } })).toBe(1);

    const other = await post({ ...body, note: "changed" }, idem);
    expectProblem(other, 409, "idempotency-key-reused");
    expect(await db.prisma.order.count({ where: { externalId: body.externalId } })).toBe(1);
  });

  it("requires the Idempotency-Key header", async () => {
    expectProblem(await post(orderBody(shop), null), 428, "idempotency-key-missing");
  });

  it("malformed JSON is 400, a non-JSON content type 415, a huge body 413: never 5xx", async () => {
    const bad = await api("POST", "/orders", { rawBody: '{"externalId": ', headers: { "idempotency-key": randomUUID() } });
    expectProblem(bad, 400, "malformed-json");
    expectProblem(await api("POST", "/orders", { rawBody: "a=b", headers: { "idempotency-key": randomUUID(), "content-type": "application/x-www-form-urlencoded" } }), 415);
    const huge = orderBody(shop, { note: "x".repeat(300 * 1024) });
    expectProblem(await post(huge), 413, "payload-too-large");
  });

  it("wrong types are 422 naming every path", async () => {
    const body = orderBody(shop, { lines: [{ sku: shop.variants[0]!.sku, quantity: "two" }], currency: 978 });
    const res = await post(body);
    expectProblem(res, 422, "validation-failed");
    const paths = res.json.errors.map((e: any) => e.path);
    expect(paths).toContain("lines[0].quantity");
    expect(paths).toContain("currency");
    expectProblem(await post([1, 2, 3]), 422);
  });

  it("an unknown SKU is 422 naming lines[0].sku; a negative quantity lines[0].quantity", async () => {
    const unknown = await post(orderBody(shop, { lines: [{ sku: `NOPE-${shop.tag}`, quantity: 1 }] }));
    expectProblem(unknown, 422);
    expect(unknown.json.errors).toEqual([{ path: "lines[0].sku", message: expect.any(String) }]);
    const negative = await post(orderBody(shop, { lines: [{ sku: shop.variants[0]!.sku, quantity: -1 }] }));
    expectProblem(negative, 422);
    expect(negative.json.errors[0].path).toBe("lines[0].quantity");
  });

  it("a currency no location sells in, or not a currency, is 422 on currency", async () => {
    const unsold = await post(orderBody(shop, { currency: "JPY" }));
    expectProblem(unsold, 422);
    expect(unsold.json.errors.map((e: any) => e.path)).toEqual(["currency"]);
    const notACurrency = await post(orderBody(shop, { currency: "QQQ" }));
    expectProblem(notACurrency, 422);
    expect(notACurrency.json.errors[0].path).toBe("currency");
  });

  it("not enough stock anywhere: 409 insufficient-stock and no order kept", async () => {
    const body = orderBody(shop, { lines: [{ sku: shop.variants[1]!.sku, quantity: 50 }] });
    const res = await post(body);
    expectProblem(res, 409, "insufficient-stock");
    expect(res.json.errors).toEqual([{ path: "lines[0].quantity", message: expect.stringContaining("10") }]);
    expect(await db.prisma.order.count({ where: { externalId: body.externalId } })).toBe(0);
  });

  it("an order that fails validation is accepted ON_HOLD (201) with the reasons", async () => {
    const body = orderBody(shop, { customer: { name: "No Mail", email: "not-an-email", phone: "+48 600 100 200" } });
    const res = await post(body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.status).toBe("ON_HOLD");
    expect(res.json.holdReasons.length).toBeGreaterThan(0);
    expect(res.json.holdReasons[0]).toMatchObject({ code: expect.any(String), title: expect.any(String), instruction: expect.any(String) });
  });

  it("a duplicate externalId (new Idempotency-Key) is 409", async () => {
    const body = orderBody(shop);
    expect((await post(body)).status).toBe(201);
    expectProblem(await post(body), 409, "conflict");
  });
});

describe("reading and changing orders", () => {
  it("GET by id and by externalId; other channels' orders do not exist for the key", async () => {
    const body = orderBody(shop);
    const created = (await post(body)).json;
    const got = await api("GET", `/orders/${created.id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created);
    const found = await api("GET", `/orders?externalId=${encodeURIComponent(body.externalId)}`);
    expect(found.json.items.map((o: any) => o.id)).toEqual([created.id]);
    expect((await api("GET", "/orders?externalId=nope")).json).toEqual({ items: [] });
    expectProblem(await api("GET", "/orders"), 422);

    const marketplace = restClient(db.prisma, (await createApiKeyRow(db.prisma, { channel: "MARKETPLACE" })).token);
    expectProblem(await marketplace("GET", `/orders/${created.id}`), 404, "not-found");
    expect((await marketplace("GET", `/orders?externalId=${encodeURIComponent(body.externalId)}`)).json.items).toEqual([]);
    expectProblem(await marketplace("POST", `/orders/${created.id}/cancel`, { body: { reason: "x" } }), 404);
    expectProblem(await api("GET", "/orders/not-a-uuid"), 404);
  });

  it("cancels an order and releases its stock", async () => {
    const created = (await post(orderBody(shop))).json;
    const res = await api("POST", `/orders/${created.id}/cancel`, { body: { reason: "Customer changed their mind" } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.status).toBe("CANCELLED");
    expect(res.json.fulfillmentOrders.every((f: any) => f.status === "CANCELLED")).toBe(true);
    const again = await api("POST", `/orders/${created.id}/cancel`, { body: {} });
    expectProblem(again, 409);
  });

  it("changes the delivery address and routes again", async () => {
    const created = (await post(orderBody(shop))).json;
    const address = { name: "Anna Nowak", line1: "Nowy Swiat 1", city: "Warsaw", postalCode: "00-001", countryCode: shop.country, phone: "+48 600 100 200", latitude: 52.23, longitude: 21.01 };
    const res = await api("POST", `/orders/${created.id}/address`, { body: { address } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.shippingAddress).toMatchObject({ line1: "Nowy Swiat 1", city: "Warsaw" });
    const open = res.json.fulfillmentOrders.filter((f: any) => f.status !== "CANCELLED");
    expect(open.map((f: any) => f.locationId)).toEqual([shop.warsaw.id]);
    expectProblem(await api("POST", `/orders/${created.id}/address`, { body: { address: { line1: 5 } } }), 422);
  });

  it("records a return of delivered goods by SKU", async () => {
    const created = (await post(orderBody(shop))).json;
    const ctx = { db: db.prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
    const fulfillmentOrderId = created.fulfillmentOrders[0].id;
    await startPicking({ fulfillmentOrderId }, ctx);
    await markPacked({ fulfillmentOrderId }, ctx);
    await markShipped({ fulfillmentOrderId, carrier: "DPD", trackingNumber: "TRK1" }, ctx);
    await confirmDelivered({ fulfillmentOrderId }, ctx);
    const unknownLine = await api("POST", "/returns", { body: { orderId: created.id, locationId: shop.warsaw.id, lines: [{ sku: "NOPE", quantity: 1, reason: "DOES_NOT_FIT" }] } });
    expectProblem(unknownLine, 422);
    expect(unknownLine.json.errors[0].path).toBe("lines[0].sku");
    const res = await api("POST", "/returns", {
      body: { orderId: created.id, locationId: shop.warsaw.id, lines: [{ sku: shop.variants[0]!.sku, quantity: 1, reason: "DOES_NOT_FIT" }] },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ orderId: created.id, status: "COMPLETED", refundTotal: 10_000, currency: "PLN", lines: [{ quantity: 1, refundAmount: 10_000 }] });
    const tracked = await api("GET", `/orders/${created.id}`);
    expect(tracked.json.fulfillmentOrders[0].trackingNumbers).toEqual([{ carrier: "DPD", trackingNumber: "TRK1" }]);
  });
});

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document with every operation, and every $ref resolves", async () => {
    const res = await restClient(db.prisma, null)("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/availability", "/locations", "/openapi.json", "/orders", "/orders/{id}", "/orders/{id}/address", "/orders/{id}/cancel", "/orders/{id}/returns", "/products", "/returns", "/webhooks", "/webhooks/{id}"].sort(),
    );
    expect(Object.keys(doc.paths["/orders"]).sort()).toEqual(["get", "post"]);
    const post = doc.paths["/orders"].post;
    expect(post.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }));
    expect(post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/OrderInput" });
    expect(post.responses["201"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Order" });
    expect(post.responses["409"].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas, name).toHaveProperty(name!);
    expect(text).not.toContain("#/$defs/");
    const ids = Object.values(doc.paths).flatMap((p: any) => Object.values(p).map((o: any) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

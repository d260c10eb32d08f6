// Concurrency of POST /orders on real PostgreSQL (PGlite runs one statement at a time).
import { verifyLedger } from "@oms/core";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "@oms/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKeyRow, orderBody, restClient, restWorld } from "./rest-testing.ts";

describeOnPostgres("POST /orders under concurrency", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("concurrent duplicates with one Idempotency-Key create one order and get the same answer", async () => {
    const world = await restWorld(db.prisma, { stock: [[50, 50, 0]], variants: 1 });
    const api = restClient(db.prisma, (await createApiKeyRow(db.prisma)).token);
    const body = orderBody(world);
    const idem = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => api("POST", "/orders", { body, headers: { "idempotency-key": idem } })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await db.prisma.order.count({ where: { externalId: body.externalId } })).toBe(1);
  }, 60_000);

  it("500 orders at once for a SKU with 100 units network-wide: no oversell, only 201 or 409 (busy 503s retried with their key)", async () => {
    const world = await restWorld(db.prisma, { stock: [[40, 40, 20]], variants: 1 });
    const api = restClient(db.prisma, (await createApiKeyRow(db.prisma)).token);
    const requests = Array.from({ length: 500 }, () => ({
      body: orderBody(world, { lines: [{ sku: world.variants[0]!.sku, quantity: 1, unitPrice: 10_000 }] }),
      key: randomUUID(),
    }));
    const send = (r: (typeof requests)[number]) => api("POST", "/orders", { body: r.body, headers: { "idempotency-key": r.key } });
    const answers = await Promise.all(requests.map(send));
    // On a starved machine some requests find the pool or a lock busy and get 503 "nothing
    // was changed, try again with the same Idempotency-Key": retry those as a client would.
    for (let round = 0; round < 10; round++) {
      const busy = answers.flatMap((a, i) => (a.status === 503 ? [i] : []));
      if (busy.length === 0) break;
      const retried = await Promise.all(busy.map((i) => send(requests[i]!)));
      busy.forEach((i, n) => (answers[i] = retried[n]!));
    }
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const other = answers.filter((a) => a.status !== 201 && a.status !== 409);
    expect(other.map((a) => `${a.status} ${a.json?.detail}`), JSON.stringify([...byStatus])).toEqual([]);
    const allocated = answers.filter((a) => a.status === 201 && a.json.status === "ALLOCATED").length;
    expect(allocated).toBeLessThanOrEqual(100);
    const conflicts = new Set(answers.filter((x) => x.status === 409).map((a) => `${a.json.type} ${a.json.detail}`.replace(/\d+/g, "N")));
    for (const a of answers.filter((x) => x.status === 409)) expect(a.json.type, [...conflicts].join("\n")).toMatch(/insufficient-stock$/);
    const levels = await db.prisma.inventoryLevel.findMany({ where: { variantId: world.variants[0]!.id } });
    const reserved = levels.reduce((s, l) => s + l.reserved, 0);
    expect(reserved).toBe(allocated);
    expect(reserved).toBeLessThanOrEqual(100);
    for (const l of levels) expect(l.reserved).toBeLessThanOrEqual(l.onHand);
    // Every unit sold: with this much demand the network is emptied exactly.
    expect(allocated).toBe(100);
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  }, 240_000);
});

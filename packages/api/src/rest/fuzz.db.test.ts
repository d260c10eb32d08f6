// Property-based fuzzing of every REST operation, generated from the route table and its
// zod schemas (../fuzz/zod-arbitrary.ts): values that follow the schema, the same values
// broken (wrong types, missing and extra fields, huge and hostile strings, deep nesting),
// and real requests (rest-requests.ts) broken the same way, sent with a key holding every
// scope. Never a 5xx; every error is problem+json, and every validation error names its
// fields. Fixed seed (FUZZ_SEED, FUZZ_RUNS override); fast-check prints the seed and the
// smallest failing request when a property fails.
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deeplyNested, fuzzParameters, hostile, NASTY_STRINGS, validish } from "../fuzz/zod-arbitrary.ts";
import { MAX_BODY_BYTES } from "./body.ts";
import { restRequests, type RestRequest } from "./rest-requests.ts";
import { createApiKeyRow, orderBody, restClient, restWorld, type RestWorld } from "./rest-testing.ts";
import { routes } from "./routes.ts";

let db: TestDatabase;
let shop: RestWorld;
let api: ReturnType<typeof restClient>;
/** One real request per operation, made once: the fuzzer mutates their bodies and ids. */
const samples = new Map<string, RestRequest>();
beforeAll(async () => {
  db = await createTestDatabase();
  shop = await restWorld(db.prisma, { stock: [[5_000, 5_000, 0], [5_000, 5_000, 0]] });
  const key = await createApiKeyRow(db.prisma);
  api = restClient(db.prisma, key.token);
  const requests = restRequests(db.prisma, shop, key.token);
  for (const route of routes) samples.set(route.operationId, await requests[route.operationId]!(key.token));
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

type Response = Awaited<ReturnType<ReturnType<typeof restClient>>>;

/** The contract every answer keeps, whatever was sent. */
function expectWellFormed(res: Response, sent: unknown) {
  const where = `${res.status} ${res.text.slice(0, 400)} for ${JSON.stringify(sent)?.slice(0, 400)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status < 400) return;
  expect(res.headers.get("content-type"), where).toBe("application/problem+json");
  expect(res.json, where).toMatchObject({ type: expect.stringMatching(/^https:\/\/oms\.example\/problems\//), title: expect.any(String), status: res.status, detail: expect.any(String) });
  if (res.status === 422) {
    // A validation error names the field: every entry has a path, and only a body that is
    // not an object at all may be blamed as a whole ("").
    expect(res.json.errors?.length, where).toBeGreaterThan(0);
    const bodyIsObject = !!sent && typeof sent === "object" && !Array.isArray(sent);
    for (const e of res.json.errors as { path: string; message: string }[]) {
      expect(typeof e.path, where).toBe("string");
      expect(e.message.length, where).toBeGreaterThan(0);
      if (bodyIsObject) expect(e.path, where).not.toBe("");
    }
  }
}

/** A query object as a URL query string: arrays repeat the name, objects go as JSON. */
function queryString(query: unknown): string {
  if (!query || typeof query !== "object" || Array.isArray(query)) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (v !== undefined) params.append(name, typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The sample's path with `{id}` replaced by the fuzzer's id (or kept real). */
function pathWithId(template: string, sample: RestRequest, id: string | null): string {
  if (!template.includes("{")) return template;
  if (id === null) return sample.path.split("?")[0]!;
  return template.replace(/\{\w+\}/, percentEncode(id));
}

/** encodeURIComponent, except that a lone surrogate becomes invalid UTF-8 (%ED%A0%80) as a hostile client would send it. */
function percentEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\uD800-\uDFFF]/g, "\u0000").split("\u0000").map(encodeURIComponent).join("%ED%A0%80");
  }
}

const idArbitrary = fc.oneof(fc.constant(null), fc.uuid(), fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length > 0)), fc.string({ maxLength: 300 }));
const idempotencyKeyArbitrary = fc.oneof(
  fc.uuid(),
  fc.constant("x".repeat(201)),
  fc.constantFrom(...NASTY_STRINGS.filter((s) => s.trim().length > 0 && !/[\u0000-\u001f\u0080-\uffff]/.test(s))),
);

describe("REST fuzzing: every operation of the route table", () => {
  it.each(routes.map((r) => ({ route: r, label: `${r.method} ${r.path}` })))("$label never answers 5xx and names the fields it refuses", async ({ route }) => {
    const sample = samples.get(route.operationId)!;
    // Weighted so that some requests are right and get through to the domain.
    const bodies = route.body ? fc.oneof(fc.constant(sample.body), validish(route.body), hostile(validish(route.body)), { arbitrary: hostile(fc.constant(sample.body)), weight: 2 }) : fc.constant(undefined);
    const sampleQuery = Object.fromEntries(new URL(`http://x${sample.path}`).searchParams);
    const queries = route.query ? fc.oneof(fc.constant(sampleQuery), validish(route.query), hostile(validish(route.query)), hostile(fc.constant(sampleQuery))) : fc.constant(undefined);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bodies, queries, idArbitrary, idempotencyKeyArbitrary, async (body, query, id, idempotencyKey) => {
        const path = `${pathWithId(route.path, sample, id)}${route.query ? queryString(query) : ""}`;
        const headers: Record<string, string> = route.idempotency ? { "idempotency-key": idempotencyKey } : {};
        const res = await api(route.method, path, route.body ? { body: body === undefined ? null : body, headers } : { headers });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expectWellFormed(res, route.body ? body : query);
      }),
      fuzzParameters(route.method === "GET" ? 120 : 100),
    );
    console.info(`[fuzz] ${route.method} ${route.path}: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(" ")}`);
    // Some requests must have got through, or the fuzzer only ever tested the schema.
    expect([...statuses.keys()].some((status) => status < 300), `no request succeeded: ${[...statuses.keys()].join(", ")}`).toBe(true);
  }, 120_000);
});

describe("bodies the parser refuses before anything runs", () => {
  it("a body above the limit is 413 problem+json, with or without Content-Length", async () => {
    const big = JSON.stringify({ ...orderBody(shop), note: "x".repeat(MAX_BODY_BYTES) });
    const declared = await api("POST", "/orders", { rawBody: big, headers: { "idempotency-key": randomUUID() } });
    expect(declared.status).toBe(413);
    expect(declared.headers.get("content-type")).toBe("application/problem+json");
    expect(declared.json.type).toMatch(/payload-too-large$/);
    // Streamed without a length: reading stops at the limit.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const { handleRestRequest } = await import("./handler.ts");
    const { createRateLimiter } = await import("./rate-limit.ts");
    const key = await createApiKeyRow(db.prisma);
    const streamed = await handleRestRequest(
      new Request("http://localhost/api/v1/orders", { method: "POST", body: stream, duplex: "half", headers: { authorization: `Bearer ${key.token}`, "content-type": "application/json", "idempotency-key": randomUUID() } } as RequestInit),
      { db: db.prisma, rateLimiter: createRateLimiter({ capacity: 10, refillPerSecond: 10 }) },
    );
    expect(streamed.status).toBe(413);
  });

  it("deeply nested JSON is 400 problem+json, even where the schema would strip the field", async () => {
    const valid = JSON.stringify(orderBody(shop));
    for (const nested of [JSON.stringify(deeplyNested(40, "array")), `${'{"a":'.repeat(40_000)}1${"}".repeat(40_000)}`, `${"[".repeat(30_000)}${"]".repeat(30_000)}`]) {
      const rawBody = `${valid.slice(0, -1)},"extra":${nested}}`;
      const res = await api("POST", "/orders", { rawBody, headers: { "idempotency-key": randomUUID() } });
      expect(res.status, res.text.slice(0, 300)).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.detail).toMatch(/deeper than 32 levels/);
    }
    // Strings full of brackets are not nesting.
    const bracketed = await api("POST", "/orders", { body: orderBody(shop, { note: "[{".repeat(500) }), headers: { "idempotency-key": randomUUID() } });
    expect(bracketed.status, bracketed.text).toBe(201);
  });
});

describe("hostile strings are stored and answered as plain data", () => {
  it("keeps script and SQL injection strings byte for byte, and the tables are still there", async () => {
    const name = `<img src=x onerror=alert(1)> '; DROP TABLE "Order"; -- ${shop.tag}`;
    const note = `<script>window.__pwned=1</script> ' OR '1'='1 \u202Eabc مرحبا 👩‍👩‍👧‍👦`;
    const body = orderBody(shop, { customer: { name, email: `x-${shop.tag}@example.com`, phone: "+48 600 100 200" }, note });
    const created = await api("POST", "/orders", { body, headers: { "idempotency-key": randomUUID() } });
    expect(created.status, created.text).toBe(201);
    const read = await api("GET", `/orders/${created.json.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toBe("application/json");
    expect(read.json.customer.name).toBe(name);
    const stored = await db.prisma.order.findUniqueOrThrow({ where: { id: created.json.id }, include: { customer: true } });
    expect(stored.note).toBe(note);
    expect(await db.prisma.order.count()).toBeGreaterThan(0);
    // A NUL cannot be stored in PostgreSQL text: refused as a field error, never a 500.
    const nul = await api("POST", "/orders", { body: orderBody(shop, { note: "a\u0000b" }), headers: { "idempotency-key": randomUUID() } });
    expect(nul.status, nul.text).toBe(422);
    expect(nul.json.errors).toEqual([{ path: "note", message: "Must not contain the NUL character (\\u0000)" }]);
    const nulQuery = await api("GET", "/products?q=a%00b");
    expect(nulQuery.status, nulQuery.text).toBe(422);
    expect(nulQuery.json.errors[0].path).toBe("q");
  });
});

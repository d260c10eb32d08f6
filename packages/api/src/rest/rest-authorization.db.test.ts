// The REST authorization matrix, generated from the route table: every operation × no
// key, a non-Bearer header, an unknown key, a revoked key, a key with every scope but the
// one it needs, a key with only that scope, and a key of another channel. Each is a real
// request on real rows (rest-requests.ts); a new route without a request fails here.
import { apiScopes, type ApiScope } from "@oms/contracts";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRestRequest } from "./handler.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { restRequests, type RestRequest } from "./rest-requests.ts";
import { createApiKeyRow, restClient, restWorld, type RestWorld } from "./rest-testing.ts";
import { routes } from "./routes.ts";

let db: TestDatabase;
let shop: RestWorld;
let requests: ReturnType<typeof restRequests>;
beforeAll(async () => {
  db = await createTestDatabase();
  shop = await restWorld(db.prisma, { stock: [[500, 500, 0], [50, 50, 0]] });
  requests = restRequests(db.prisma, shop, (await createApiKeyRow(db.prisma)).token);
});
afterAll(async () => {
  await db?.drop();
});

type Credential = "no key" | "not a Bearer header" | "unknown key" | "revoked key" | "key without the scope" | "key with only the scope" | "key of another channel";
const CREDENTIALS: readonly Credential[] = ["no key", "not a Bearer header", "unknown key", "revoked key", "key without the scope", "key with only the scope", "key of another channel"];

/**
 * Another channel's key sees none of this channel's orders or webhooks: naming one is
 * 404 as if it did not exist, a search finds nothing; everything else works for it.
 */
const otherChannelStatus: Record<string, number> = { getOrder: 404, cancelOrder: 404, changeOrderAddress: 404, createReturn: 404, requestReturn: 404, deleteWebhook: 404 };

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, token });

/** The headers of a credential, and the token when it is a key that may own rows. */
async function credentialFor(credential: Credential, scope: ApiScope): Promise<{ headers: Record<string, string>; token?: string }> {
  switch (credential) {
    case "no key":
      return { headers: {} };
    case "not a Bearer header":
      return { headers: { authorization: `Basic ${Buffer.from("shop:secret").toString("base64")}` } };
    case "unknown key": {
      // A real key's prefix with a wrong secret: the lookup is by hash, so it is unknown.
      const real = await createApiKeyRow(db.prisma);
      return { headers: { authorization: `Bearer ${real.prefix}.wrong-secret-${"x".repeat(30)}` } };
    }
    case "revoked key":
      return { headers: bearer((await createApiKeyRow(db.prisma, { revoked: true })).token).headers };
    case "key without the scope":
      return { headers: bearer((await createApiKeyRow(db.prisma, { scopes: apiScopes.filter((s) => s !== scope) })).token).headers };
    case "key with only the scope":
      return bearer((await createApiKeyRow(db.prisma, { scopes: [scope] })).token);
    case "key of another channel":
      return { headers: bearer((await createApiKeyRow(db.prisma, { channel: "MARKETPLACE", scopes: [scope] })).token).headers };
  }
}

async function send(request: RestRequest, headers: Record<string, string>) {
  return restClient(db.prisma, null)(request.method, request.path, { body: request.body, headers: { ...request.headers, ...headers } });
}

const matrix = routes.flatMap((route) => CREDENTIALS.map((credential) => ({ route, credential, label: `${route.method} ${route.path} (${route.operationId}) with ${credential}` })));

describe("the REST authorization matrix", () => {
  it("has a valid request for every operation of the route table", () => {
    const known = Object.keys(restRequests(db.prisma, shop, "unused"));
    const missing = routes.map((r) => r.operationId).filter((id) => !known.includes(id));
    expect(missing, `add these operations to rest-requests.ts: ${missing.join(", ")}`).toEqual([]);
    expect(matrix.length).toBe(routes.length * CREDENTIALS.length);
  });

  it.each(matrix)("$label", async ({ route, credential }) => {
    const { headers, token } = await credentialFor(credential, route.scope);
    const request = await requests[route.operationId]!(token);
    const res = await send(request, headers);
    const problem = () => {
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.status).toBe(res.status);
    };
    if (credential === "key with only the scope") {
      expect(res.status, res.text).toBe(route.success.status);
    } else if (credential === "key of another channel") {
      const expected = otherChannelStatus[route.operationId] ?? route.success.status;
      expect(res.status, res.text).toBe(expected);
      if (expected === 404) problem();
      if (route.operationId === "findOrders") expect(res.json.items).toEqual([]);
    } else if (credential === "key without the scope") {
      expect(res.status, res.text).toBe(403);
      problem();
      expect(res.json.detail).toContain(route.scope);
    } else {
      // No, unknown and revoked keys are told apart by nothing: the same 401.
      expect(res.status, res.text).toBe(401);
      problem();
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(res.json.detail).toBe((await send(request, {})).json.detail);
    }
  });
});

describe("requests without a valid key are limited per client IP", () => {
  it("answers 429 with Retry-After once an address used up its failures; other addresses and real keys go on", async () => {
    const failedAuthLimiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.2 });
    const rateLimiter = createRateLimiter({ capacity: 1000, refillPerSecond: 1000 });
    const send = (ip: string, token: string) =>
      handleRestRequest(new Request("http://localhost/api/v1/locations", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ip } }), { db: db.prisma, rateLimiter, failedAuthLimiter, now: () => new Date(1_000_000) });
    const good = (await createApiKeyRow(db.prisma)).token;
    expect((await send("203.0.113.20", "oms_00000000.guess-1")).status).toBe(401);
    expect((await send("203.0.113.20", "oms_00000000.guess-2")).status).toBe(401);
    const limited = await send("203.0.113.20", "oms_00000000.guess-3");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(limited.headers.get("retry-after")).toBe("5");
    expect(((await limited.json()) as { type: string }).type).toMatch(/rate-limited$/);
    expect((await send("203.0.113.21", "oms_00000000.guess-4")).status).toBe(401);
    // Only failures count: the address's real key still works.
    expect((await send("203.0.113.20", good)).status).toBe(200);
  });
});

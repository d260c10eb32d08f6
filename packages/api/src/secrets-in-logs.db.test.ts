// Secrets never reach the logs (docs/security.md): the flows that handle them run with
// everything written to the console and to stdout/stderr captured, including their
// failure paths (which log the error), and no secret value may appear in what was written.
import { describeErrorForLog, redactSecrets } from "@oms/contracts";
import { createAuthOptions } from "@oms/auth";
import { createStaffWorld, createTestUser, sessionUserOf, TEST_PASSWORD, TEST_PIN } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { randomBytes } from "node:crypto";
import { format } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTrpcContext } from "./context.ts";
import { logUnexpected } from "./errors.ts";
import { handleRestRequest } from "./rest/handler.ts";
import { createRateLimiter } from "./rest/rate-limit.ts";
import { createCaller } from "./root.ts";
import { handleStripeWebhook } from "./stripe-webhook.ts";

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

/** Everything written while a test runs: console methods and raw stdout/stderr writes. */
let written: string[] = [];
beforeEach(() => {
  written = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(format(...args)));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return original(chunk as string, ...(rest as []));
    }) as typeof stream.write);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

function expectNotLogged(...secrets: string[]) {
  const all = written.join("\n");
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(3);
    expect(all.includes(secret), `a secret was written to the log: …${all.slice(Math.max(0, all.indexOf(secret) - 80), all.indexOf(secret) + 80)}…`).toBe(false);
  }
}

const admin = () => createCaller(createTrpcContext({ user: sessionUserOf(world.admin), db: db.prisma }));
const rest = (token: string, method: string, path: string, body?: unknown) =>
  handleRestRequest(
    new Request(`http://localhost/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined }),
    { db: db.prisma, rateLimiter: createRateLimiter({ capacity: 1000, refillPerSecond: 1000 }) },
  );

const DB_PASSWORD = randomBytes(6).toString("hex");

/** A client whose every query fails the way a broken driver does, quoting its URL and what it was sent. */
function failingDatabase(quote: string): PrismaClient {
  const fail = () => {
    throw Object.assign(new Error(`Invalid \`prisma.user.findUnique()\` invocation on postgresql://oms:db-pass-${DB_PASSWORD}@db.internal/oms: { data: { password: ${JSON.stringify(quote)} } }`), { code: "P1001", meta: { secret: quote } });
  };
  return new Proxy({}, { get: () => new Proxy(fail, { get: () => fail }) }) as unknown as PrismaClient;
}

describe("secrets never reach the logs", () => {
  it("API keys: the token returned once is not logged, by creating it, using it, or failing with it", async () => {
    const { token } = await admin().apiKeys.create({ name: "Log test shop", channel: "WEB", scopes: ["catalog:read", "orders:read"] });
    expect((await rest(token, "GET", "/locations")).status).toBe(200);
    expect((await rest(token, "GET", "/nothing-here")).status).toBe(404);
    expect((await rest(token, "POST", "/webhooks", { url: "ftp://x", events: [] })).status).toBe(422);
    // A failure that quotes the token (as a driver quoting the request would) is logged redacted.
    logUnexpected(new Error(`request with Authorization: Bearer ${token} failed`), "req-1", "test");
    expect(written.join("\n")).toMatch(/failed unexpectedly/);
    expectNotLogged(token, token.split(".")[1]!);
  });

  it("webhook secrets: created, rotated and delivered without the secret in the log", async () => {
    const { token } = await admin().apiKeys.create({ name: "Hook shop", channel: "WEB", scopes: ["orders:read"] });
    const created = await rest(token, "POST", "/webhooks", { url: "https://shop.example/hooks/a", events: ["order.changed"] });
    expect(created.status).toBe(201);
    const { secret, id } = (await created.json()) as { secret: string; id: string };
    const rotated = await admin().webhooks.rotateSecret({ subscriptionId: id });
    const apiKey = await db.prisma.apiKey.findFirstOrThrow({ where: { name: "Hook shop" } });
    const hq = await admin().webhooks.createSubscription({ apiKeyId: apiKey.id, url: "https://shop.example/hooks/b", events: ["order.changed"] });
    const secrets = [secret, JSON.stringify(rotated).match(/whsec_[A-Za-z0-9_-]+/)![0], JSON.stringify(hq).match(/whsec_[A-Za-z0-9_-]+/)![0]];
    logUnexpected(Object.assign(new Error("delivery failed"), { meta: { secret: secrets[1], header: `t=1,v1=abc` } }), "req-2", "webhooks");
    expectNotLogged(...secrets);
  });

  it("passwords and PINs: set by HQ, signed in with, wrong, and while the database fails", async () => {
    const password = `correct horse ${randomBytes(6).toString("hex")}`;
    const pin = String(1000 + Math.floor(Math.random() * 8999));
    const person = await createTestUser(db.prisma, { role: "CASHIER", locationId: world.storeA.id });
    await admin().staff.setPassword({ userId: person.id, password });
    await admin().staff.setPin({ userId: person.id, pin });

    const providers = createAuthOptions({ db: () => db.prisma }).providers as unknown as { options: { id: string; authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> } }[];
    const authorize = (id: string, credentials: Record<string, string>, options = providers) => options.find((p) => p.options.id === id)!.options.authorize(credentials, { headers: {} });
    await expect(authorize("password", { email: person.email, password })).resolves.toMatchObject({ id: person.id });
    await expect(authorize("password", { email: person.email, password: `${password}x` })).rejects.toThrow();
    await expect(authorize("pin", { locationId: world.storeA.id, userId: person.id, pin })).resolves.toMatchObject({ id: person.id });
    await expect(authorize("pin", { locationId: world.storeA.id, userId: world.cashierA.id, pin: TEST_PIN })).resolves.toBeTruthy();
    await expect(authorize("password", { email: world.admin.email, password: TEST_PASSWORD })).resolves.toBeTruthy();

    // The unexpected path logs the error: a driver error that quotes the password.
    const broken = createAuthOptions({ db: () => failingDatabase(password) }).providers as unknown as typeof providers;
    await expect(authorize("password", { email: person.email, password }, broken)).rejects.toThrow(/not possible right now/);
    expect(written.join("\n")).toMatch(/\[auth\] sign-in failed unexpectedly/);

    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    logUnexpected(Object.assign(new Error(`update failed: { passwordHash: "${stored.passwordHash}", pin: "${pin}" }`), {}), "req-3", "staff");
    expectNotLogged(password, stored.passwordHash!, stored.pinHash!, `pin: "${pin}"`, DB_PASSWORD);
  });

  it("Stripe keys from the environment: a failing webhook logs the error, not the keys", async () => {
    const secretKey = `sk_test_${randomBytes(12).toString("hex")}`;
    const webhookSecret = `whsec_${randomBytes(12).toString("hex")}`;
    vi.stubEnv("STRIPE_SECRET_KEY", secretKey);
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", webhookSecret);
    try {
      const bad = await handleStripeWebhook(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: "{}", headers: { "stripe-signature": "t=1,v1=00" } }), { db: db.prisma });
      expect(bad.status).toBe(400);
      // An error while applying is logged; make it one that quotes both keys.
      const failing = await handleStripeWebhook(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: "{}", headers: { "stripe-signature": "t=1,v1=00" } }), {
        db: failingDatabase(`${secretKey} ${webhookSecret}`),
        secret: "",
      });
      expect(failing.status).toBeGreaterThanOrEqual(400);
      logUnexpected(new Error(`Stripe said: invalid key ${secretKey}; signing secret ${webhookSecret}`), "req-4", "payments");
    } finally {
      vi.unstubAllEnvs();
    }
    expectNotLogged(secretKey, webhookSecret);
  });
});

describe("the redaction itself", () => {
  it("masks every kind of secret the app handles and leaves ordinary text alone", () => {
    const line = [
      "token oms_1a2b3c4d.QmFzZTY0U2VjcmV0VmFsdWVIZXJlMTIzNDU2Nzg5MA",
      "whsec_abcDEF123456789",
      "sk_live_51HxYzAbCdEf",
      "shippo_test_0123456789abcdef",
      "Authorization: Bearer abc.def.ghi",
      "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
      "postgresql://oms:hunter2@db:5432/oms",
      '{"password":"p@ss w0rd","pin":"1234","email":"a@b.c"}',
      "pin=9876&locationId=x",
    ].join(" | ");
    const out = redactSecrets(line);
    for (const secret of ["QmFzZTY0U2VjcmV0", "abcDEF123456789", "51HxYzAbCdEf", "0123456789abcdef", "abc.def.ghi", "abcdefghijklmnopqrstuu", "hunter2", "p@ss w0rd", '"1234"', "9876"]) {
      expect(out).not.toContain(secret);
    }
    for (const kept of ["oms_1a2b3c4d", "a@b.c", "locationId=x", "db:5432/oms"]) expect(out).toContain(kept);
    expect(describeErrorForLog(Object.assign(new Error("boom"), { code: "P2000", meta: { token: "t0ps3cret" } }))).toMatch(/boom[\s\S]*P2000/);
    expect(describeErrorForLog(Object.assign(new Error("boom"), { meta: { token: "t0ps3cret" } }))).not.toContain("t0ps3cret");
  });
});

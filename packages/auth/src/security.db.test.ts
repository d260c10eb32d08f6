// Security properties of signing in (docs/security.md): the flags of every cookie
// next-auth sets, over https and over plain http, and the per-IP limit on sign-in attempts.
import { createStaffWorld, TEST_PASSWORD, TEST_PIN } from "@oms/core/testing";
import { createRateLimiter } from "@oms/core";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import type { NextAuthOptions } from "next-auth";
import NextAuth from "next-auth";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAuthOptions } from "./options.ts";
import { limitSignIns, signInRateLimitResponse } from "./sign-in-limit.ts";

let db: TestDatabase;
let options: NextAuthOptions;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
const savedEnv = { NEXTAUTH_URL: process.env.NEXTAUTH_URL, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST };
beforeAll(async () => {
  db = await createTestDatabase();
  options = { ...createAuthOptions({ db: () => db.prisma }), secret: "test-secret-not-for-production" };
  world = await createStaffWorld(db.prisma);
});
afterEach(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(async () => {
  await db?.drop();
});

/** One call of next-auth's handler (Pages-API form; the App Router one shares its core). Returns the raw Set-Cookie lines. */
async function nextAuth(action: string[], init: { method?: string; body?: Record<string, string>; cookies?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const out: { status: number; headers: Record<string, string | string[]>; body?: unknown } = { status: 200, headers: {} };
  const res = {
    status: (code: number) => ((out.status = code), res),
    getHeader: (name: string) => out.headers[name],
    setHeader: (name: string, value: string | string[]) => ((out.headers[name] = value), res),
    json: (body: unknown) => ((out.body = body), res),
    send: (body: unknown) => ((out.body = typeof body === "string" && body ? JSON.parse(body) : body), res),
    end: () => res,
  };
  const req = { query: { nextauth: action }, method: init.method ?? "GET", body: init.body ?? {}, cookies: init.cookies ?? {}, headers: { host: "oms.example.com", ...init.headers } };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: NextAuthOptions) => Promise<unknown>)(req, res, options);
  const raw = out.headers["Set-Cookie"] ?? [];
  const lines = Array.isArray(raw) ? raw : [raw];
  const jar = { ...init.cookies };
  for (const line of lines) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar[pair!.slice(0, eq)] = decodeURIComponent(pair!.slice(eq + 1));
  }
  return { ...out, lines, jar };
}

/** Every cookie set while signing in with a password: CSRF first, then the callback. */
async function cookiesOfSignIn(headers: Record<string, string> = {}) {
  const csrf = await nextAuth(["csrf"], { headers });
  const { csrfToken } = csrf.body as { csrfToken: string };
  const callback = await nextAuth(["callback", "password"], {
    method: "POST",
    body: { email: world.admin.email, password: TEST_PASSWORD, csrfToken, json: "true" },
    cookies: csrf.jar,
    headers,
  });
  expect(callback.status, JSON.stringify(callback.body)).toBe(200);
  const all = [...csrf.lines, ...callback.lines];
  const cookie = (suffix: string) => {
    const line = all.find((l) => l.split("=")[0]!.endsWith(suffix));
    if (!line) throw new Error(`no ${suffix} cookie in ${all.join(" | ")}`);
    const [pair, ...attributes] = line.split(";").map((s) => s.trim());
    return { name: pair!.split("=")[0]!, attributes: attributes.map((a) => a.toLowerCase()) };
  };
  return { session: cookie("next-auth.session-token"), csrf: cookie("next-auth.csrf-token"), callbackUrl: cookie("next-auth.callback-url") };
}

describe("session cookies", () => {
  it("over https (NEXTAUTH_URL): __Secure-/__Host- names, Secure, HttpOnly, SameSite=Lax, whole-site path", async () => {
    delete process.env.AUTH_TRUST_HOST;
    process.env.NEXTAUTH_URL = "https://oms.example.com";
    const { session, csrf, callbackUrl } = await cookiesOfSignIn();
    expect(session.name).toBe("__Secure-next-auth.session-token");
    expect(session.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "secure"]));
    // __Host-: Secure, Path=/ and no Domain, so no subdomain can set or read it.
    expect(csrf.name).toBe("__Host-next-auth.csrf-token");
    expect(csrf.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "secure"]));
    expect(csrf.attributes.some((a) => a.startsWith("domain="))).toBe(false);
    expect(callbackUrl.name).toBe("__Secure-next-auth.callback-url");
    expect(callbackUrl.attributes).toContain("secure");
    // The session lives one shift, never forever.
    expect(session.attributes.some((a) => a.startsWith("expires="))).toBe(true);
  });

  it("behind a TLS proxy without NEXTAUTH_URL (AUTH_TRUST_HOST, as the app sets it): secure by X-Forwarded-Proto", async () => {
    delete process.env.NEXTAUTH_URL;
    process.env.AUTH_TRUST_HOST = "true";
    const { session, csrf } = await cookiesOfSignIn({ "x-forwarded-proto": "https", "x-forwarded-host": "shop-floor.example.com" });
    expect(session.name).toBe("__Secure-next-auth.session-token");
    expect(session.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure"]));
    expect(csrf.name).toBe("__Host-next-auth.csrf-token");
  });

  it("over plain http (the embedded demo on a store's network): HttpOnly and SameSite=Lax, not Secure", async () => {
    delete process.env.NEXTAUTH_URL;
    process.env.AUTH_TRUST_HOST = "true";
    const { session, csrf } = await cookiesOfSignIn({ "x-forwarded-proto": "http", "x-forwarded-host": "192.168.1.20:3000" });
    expect(session.name).toBe("next-auth.session-token");
    expect(session.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(session.attributes).not.toContain("secure");
    expect(csrf.attributes).toContain("httponly");
  });
});

describe("sign-in rate limit per client IP", () => {
  const callback = (provider: string, ip: string, method = "POST") =>
    new Request(`https://oms.example.com/api/auth/callback/${provider}`, { method, headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } });

  it("lets a burst through, then answers 429 with Retry-After and the message the login form shows", async () => {
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 1 / 3 });
    const at = 1_000_000;
    for (let i = 0; i < 3; i++) expect(signInRateLimitResponse(callback("password", "203.0.113.7"), { limiter, now: () => at })).toBeNull();
    const refused = signInRateLimitResponse(callback("password", "203.0.113.7"), { limiter, now: () => at })!;
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3");
    const body = (await refused.json()) as { url: string };
    expect(new URL(body.url).searchParams.get("error")).toBe("Too many sign-in attempts from this device. Please wait 3 seconds and try again.");
    // Another address, the PIN callback and everything that is not a sign-in are not affected.
    expect(signInRateLimitResponse(callback("password", "203.0.113.8"), { limiter, now: () => at })).toBeNull();
    expect(signInRateLimitResponse(callback("pin", "203.0.113.7"), { limiter, now: () => at })).toBeNull();
    expect(signInRateLimitResponse(callback("password", "203.0.113.7", "GET"), { limiter, now: () => at })).toBeNull();
    expect(signInRateLimitResponse(new Request("https://oms.example.com/api/auth/session", { method: "POST", headers: { "x-forwarded-for": "203.0.113.7" } }), { limiter, now: () => at })).toBeNull();
    // Refilled after the wait.
    expect(signInRateLimitResponse(callback("password", "203.0.113.7"), { limiter, now: () => at + 3_000 })).toBeNull();
  });

  it("limits PIN attempts the same way, and the wrapper answers before next-auth runs", async () => {
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.1 });
    let reached = 0;
    const route = limitSignIns(async () => ((reached += 1), new Response("next-auth")), { limiter, now: () => 0 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await route(callback("pin", "198.51.100.4"), {})).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(reached).toBe(2);
  });

  it("the default limit lets a whole store sign in at shift start, PIN by PIN, from one address", async () => {
    const { signInLimiter } = await import("./sign-in-limit.ts");
    const at = Date.now() + 10_000_000;
    const results = Array.from({ length: 20 }, () => signInRateLimitResponse(callback("pin", "192.0.2.55"), { limiter: signInLimiter, now: () => at }));
    expect(results.every((r) => r === null)).toBe(true);
    expect(signInRateLimitResponse(callback("pin", "192.0.2.55"), { limiter: signInLimiter, now: () => at })?.status).toBe(429);
  });

  it("a PIN sign-in still works through the real handler below the limit", async () => {
    process.env.NEXTAUTH_URL = "https://oms.example.com";
    const csrf = await nextAuth(["csrf"]);
    const { csrfToken } = csrf.body as { csrfToken: string };
    const result = await nextAuth(["callback", "pin"], { method: "POST", body: { locationId: world.storeA.id, userId: world.cashierA.id, pin: TEST_PIN, csrfToken, json: "true" }, cookies: csrf.jar });
    expect(result.status).toBe(200);
    expect(Object.keys(result.jar).some((n) => n.endsWith("session-token"))).toBe(true);
  });
});

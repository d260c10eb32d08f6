// Drives next-auth's own request handler (the code behind /api/auth/*) with this
// configuration: CSRF, the credentials callback, the session cookie and session reads.
import { createStaffWorld, TEST_PASSWORD, TEST_PIN, testContext, userActor } from "@oms/core/testing";
import { deactivateUser, WRONG_CREDENTIALS, NOT_THIS_STORE } from "@oms/core";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import type { NextAuthOptions } from "next-auth";
import NextAuth from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthOptions, SESSION_MAX_AGE_SECONDS } from "./options.ts";

let db: TestDatabase;
let options: NextAuthOptions;
beforeAll(async () => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  db = await createTestDatabase();
  options = { ...createAuthOptions({ db: () => db.prisma }), secret: "test-secret-not-for-production" };
});
afterAll(async () => {
  await db?.drop();
});

type Cookies = Record<string, string>;

interface FakeResponse {
  status?: number;
  headers: Record<string, string | string[]>;
  body?: unknown;
  redirect?: string;
}

/** Calls the Pages-API form of next-auth's handler (the same core as the App Router one). */
async function auth(action: string, init: { providerId?: string; method?: "GET" | "POST"; body?: Record<string, string>; cookies?: Cookies } = {}) {
  const response: FakeResponse = { headers: {} };
  const res = {
    status(code: number) {
      response.status = code;
      return res;
    },
    getHeader: (name: string) => response.headers[name],
    setHeader(name: string, value: string | string[]) {
      response.headers[name] = value;
      if (name === "Location") response.redirect = String(value);
      return res;
    },
    json(body: unknown) {
      response.body = body;
      if (body && typeof body === "object" && "url" in body) response.redirect = String((body as { url: string }).url);
      return res;
    },
    send(body: unknown) {
      response.body = typeof body === "string" ? JSON.parse(body || "{}") : body;
      return res;
    },
    end: () => res,
  };
  const req = {
    query: { nextauth: init.providerId ? [action, init.providerId] : [action] },
    method: init.method ?? "GET",
    body: init.body ?? {},
    cookies: init.cookies ?? {},
    headers: { host: "localhost:3000", "x-forwarded-for": "203.0.113.9" },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: NextAuthOptions) => Promise<unknown>)(req, res, options);
  const jar: Cookies = { ...(init.cookies ?? {}) };
  const setCookies = response.headers["Set-Cookie"] ?? [];
  for (const line of Array.isArray(setCookies) ? setCookies : [setCookies]) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    const name = pair!.slice(0, eq);
    const value = decodeURIComponent(pair!.slice(eq + 1));
    if (value) jar[name] = value;
    else delete jar[name];
  }
  return { response, jar };
}

/** Signs in through the credentials callback like the browser's `signIn(id, { redirect: false })`. */
async function signIn(providerId: string, credentials: Record<string, string>) {
  const csrf = await auth("csrf");
  const { csrfToken } = csrf.response.body as { csrfToken: string };
  const { response, jar } = await auth("callback", {
    providerId,
    method: "POST",
    body: { ...credentials, csrfToken, json: "true" },
    cookies: csrf.jar,
  });
  const error = response.redirect ? new URL(response.redirect).searchParams.get("error") : null;
  return { status: response.status ?? 200, error, jar };
}

async function session(jar: Cookies) {
  const { response } = await auth("session", { cookies: jar });
  return response.body as Record<string, unknown>;
}

describe("next-auth configuration", () => {
  it("uses JWT sessions of 12 hours and the /login page", () => {
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS });
    expect(SESSION_MAX_AGE_SECONDS).toBe(43_200);
    expect(options.pages?.signIn).toBe("/login");
    expect(options.providers.map((p) => (p.options as { id?: string }).id)).toEqual(["password", "pin"]);
  });

  it("signs in with a password; the session carries the SessionUser", async () => {
    const { admin } = await createStaffWorld(db.prisma);
    const result = await signIn("password", { email: admin.email, password: TEST_PASSWORD });
    expect(result.error).toBeNull();
    const body = await session(result.jar);
    expect(body.user).toEqual({ id: admin.id, email: admin.email, name: admin.name, role: "ADMIN", locationId: null, sessionVersion: 0 });
    const audit = await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(audit.lastLoginAt).not.toBeNull();
  });

  it("passes the person-facing message of a refusal to the client as `error`", async () => {
    const { admin, storeB, cashierA } = await createStaffWorld(db.prisma);
    const wrong = await signIn("password", { email: admin.email, password: "not it" });
    expect(wrong.status).toBe(401);
    expect(wrong.error).toBe(WRONG_CREDENTIALS);
    expect(Object.keys(wrong.jar).some((n) => n.includes("session-token"))).toBe(false);

    const elsewhere = await signIn("pin", { locationId: storeB.id, userId: cashierA.id, pin: TEST_PIN });
    expect(elsewhere.error).toBe(NOT_THIS_STORE);

    const invalid = await signIn("pin", { locationId: "nope", userId: cashierA.id, pin: TEST_PIN });
    expect(invalid.error).toMatch(/locationId: Choose the store this device belongs to/);

    const failed = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "auth.sign_in_failed", entityId: admin.id } });
    expect(failed.ip).toBe("203.0.113.9");
  });

  it("signs in with a PIN at the person's store", async () => {
    const { storeA, cashierA } = await createStaffWorld(db.prisma);
    const result = await signIn("pin", { locationId: storeA.id, userId: cashierA.id, pin: TEST_PIN });
    expect(result.error).toBeNull();
    expect((await session(result.jar)).user).toMatchObject({ id: cashierA.id, role: "CASHIER", locationId: storeA.id });
  });

  it("ends the session at the next request once the user is deactivated", async () => {
    const { admin, managerA } = await createStaffWorld(db.prisma);
    const result = await signIn("password", { email: managerA.email, password: TEST_PASSWORD });
    expect((await session(result.jar)).user).toMatchObject({ id: managerA.id });

    await deactivateUser({ userId: managerA.id }, testContext(db.prisma, userActor(admin)));
    expect(await session(result.jar)).toEqual({});
  });

  it("refreshes role and store from the database on each read", async () => {
    const { storeA, storeB, associateA } = await createStaffWorld(db.prisma);
    const result = await signIn("pin", { locationId: storeA.id, userId: associateA.id, pin: TEST_PIN });
    await db.prisma.user.update({ where: { id: associateA.id }, data: { role: "MANAGER", homeLocationId: storeB.id } });
    expect((await session(result.jar)).user).toMatchObject({ role: "MANAGER", locationId: storeB.id });
  });
});

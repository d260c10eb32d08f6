// What a client receives over HTTP when something fails: through the same fetch handler
// the web app mounts, so transformer, formatter and status codes are all in the path.
import type { SessionUser } from "@oms/contracts";
import { createStaffWorld, sessionUserOf } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleTrpcRequest } from "./handler.ts";
import type { ApiErrorData } from "./trpc.ts";

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

interface ErrorBody {
  message: string;
  code: number;
  data: ApiErrorData;
}

async function get(path: string, input: unknown, user: SessionUser | null, options: { db?: PrismaClient; requestId?: string } = {}) {
  const url = new URL(`http://localhost/api/trpc/${path}`);
  if (input !== undefined) url.searchParams.set("input", JSON.stringify(superjson.serialize(input)));
  const headers = new Headers(options.requestId ? { "x-request-id": options.requestId } : {});
  const response = await handleTrpcRequest(new Request(url, { headers }), { user, db: options.db ?? db.prisma });
  const body = (await response.json()) as { error?: unknown; result?: { data: unknown } };
  const error = body.error ? (superjson.deserialize(body.error as never) as ErrorBody) : undefined;
  return { status: response.status, error, raw: body };
}

describe("error format", () => {
  it("invalid input is BAD_REQUEST with fields naming the path", async () => {
    const { status, error } = await get("locations.get", { locationId: "not-a-uuid" }, sessionUserOf(world.admin));
    expect(status).toBe(400);
    expect(error?.data.code).toBe("BAD_REQUEST");
    expect(error?.data.appCode).toBe("VALIDATION_FAILED");
    expect(error?.data.fields).toEqual([{ path: ["locationId"], message: "Choose a location" }]);
    expect(error?.message).toBe("locationId: Choose a location");
    expect(error?.data).not.toHaveProperty("stack");
  });

  it("an AppError from the domain keeps its code, message and details", async () => {
    const missing = "01900000-0000-7000-8000-000000000000";
    const notFound = await get("locations.get", { locationId: missing }, sessionUserOf(world.admin));
    expect(notFound.status).toBe(404);
    expect(notFound.error?.data).toMatchObject({ code: "NOT_FOUND", appCode: "NOT_FOUND", details: { locationId: missing } });

    const forbidden = await get("locations.get", { locationId: world.storeB.id }, sessionUserOf(world.cashierA));
    expect(forbidden.status).toBe(403);
    expect(forbidden.error?.data).toMatchObject({ code: "FORBIDDEN", appCode: "FORBIDDEN" });
    expect(forbidden.error?.message).toBe(`You can only work with ${world.storeA.name}.`);
  });

  it("anonymous calls to a signed-in procedure are UNAUTHORIZED", async () => {
    const { status, error } = await get("session.me", undefined, null);
    expect(status).toBe(401);
    expect(error?.data.appCode).toBe("UNAUTHENTICATED");
    expect(error?.message).toBe("Please sign in to continue.");
  });

  it("an unexpected error hides its message and stack, names the request id and is logged with it", async () => {
    const secret = "connection to db-internal:5432 refused (password=hunter2)";
    const broken = new Proxy(db.prisma, {
      get(target, prop, receiver) {
        if (prop === "location") {
          return { findMany: () => Promise.reject(new Error(secret)) };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { status, error, raw } = await get("locations.list", undefined, sessionUserOf(world.admin), {
        db: broken,
        requestId: "req-test-123456",
      });
      expect(status).toBe(500);
      expect(error?.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", appCode: "INTERNAL", requestId: "req-test-123456" });
      expect(error?.message).toContain("req-test-123456");
      const text = JSON.stringify(raw);
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain("stack");
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]?.[0])).toContain("req-test-123456");
      // Logged with its message and stack, the password masked (docs/security.md).
      const logged = String(log.mock.calls[0]?.[0]);
      expect(logged).toContain("connection to db-internal:5432 refused");
      expect(logged).not.toContain("hunter2");
    } finally {
      log.mockRestore();
    }
  });

  it("no stack even in development (where tRPC would add one)", async () => {
    // tRPC decides "development" when the router is created: load a fresh copy under it.
    vi.stubEnv("NODE_ENV", "development");
    vi.resetModules();
    try {
      const dev = await import("./handler.ts");
      const url = new URL("http://localhost/api/trpc/locations.get");
      url.searchParams.set("input", JSON.stringify(superjson.serialize({ locationId: "nope" })));
      const response = await dev.handleTrpcRequest(new Request(url), { user: sessionUserOf(world.admin), db: db.prisma });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(text).not.toContain("stack");
      expect(text).not.toContain(".ts:");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("public procedures answer without a session", async () => {
    const { status, raw } = await get("health.ping", undefined, null);
    expect(status).toBe(200);
    const data = superjson.deserialize((raw.result as { data: never }).data) as { ok: boolean; time: Date };
    expect(data.ok).toBe(true);
    expect(data.time).toBeInstanceOf(Date);
  });
});

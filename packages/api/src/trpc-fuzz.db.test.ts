// Property-based fuzzing of every tRPC procedure, generated from the router: each
// procedure's input schemas (`_def.inputs`) give values that follow them and the same
// values broken (fuzz/zod-arbitrary.ts); where an area's authorization fixtures make a
// real input, that input is broken too, so the fuzzer reaches the domain with real rows.
// Sent as the admin over HTTP through the handler the web app mounts (transformer,
// formatter and status codes in the path). Never INTERNAL_SERVER_ERROR or another 5xx;
// every BAD_REQUEST names its fields. Fixed seed (FUZZ_SEED, FUZZ_RUNS override).
import { createStaffWorld, sessionUserOf } from "@oms/core/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAccessTable } from "./admin.fixtures.ts";
import { createDomainFixtures, domainAccessTable, type DomainAccess, type DomainFixtures } from "./authorization.fixtures.ts";
import { deliveryRunsAccessTable } from "./delivery-runs.fixtures.ts";
import { deeplyNested, fuzzParameters, hostile, validish } from "./fuzz/zod-arbitrary.ts";
import { handleTrpcRequest, MAX_TRPC_BODY_BYTES } from "./handler.ts";
import { pickupAccessTable } from "./pickup.fixtures.ts";
import { posAccessTable } from "./pos.fixtures.ts";
import { registersAccessTable } from "./registers.fixtures.ts";
import { returnsTillAccessTable } from "./returns-till.fixtures.ts";
import { shippingAccessTable } from "./shipping.fixtures.ts";
import { appRouter } from "./root.ts";
import type { ApiErrorData } from "./trpc.ts";

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
let fx: DomainFixtures;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
  fx = await createDomainFixtures(db.prisma, world);
  await db.prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Fuzz retail", reportingCurrency: "EUR" }, update: {} });
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

/** Real inputs where an area's fixtures make one (the rest are fuzzed from the schema alone). */
const realInputs: Record<string, DomainAccess> = {
  ...domainAccessTable(() => fx),
  ...pickupAccessTable(() => fx),
  ...posAccessTable(() => fx),
  ...returnsTillAccessTable(() => fx),
  ...registersAccessTable(() => fx),
  ...adminAccessTable(() => fx),
  ...shippingAccessTable(() => fx),
  ...deliveryRunsAccessTable(() => fx),
};

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs: unknown[];
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>)
  .map(([path, p]) => ({ path, def: p._def }))
  .filter((p) => p.def.type !== "subscription")
  .sort((a, b) => a.path.localeCompare(b.path));

/** The procedure's input: one value per input schema, objects merged as tRPC merges them. */
function schemaInput(inputs: unknown[]): fc.Arbitrary<unknown> {
  if (inputs.length === 0) return fc.constant(undefined);
  return fc.tuple(...inputs.map((schema) => validish(schema))).map((parts) =>
    parts.every((p) => p && typeof p === "object" && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts[parts.length - 1],
  );
}

interface ErrorBody {
  message: string;
  data: ApiErrorData;
}

/**
 * The input as the tRPC client sends it (superjson). superjson refuses to serialize an own
 * `__proto__` key, which a hostile client would still send: then the plain JSON envelope.
 */
function wire(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    return JSON.stringify({ json: input });
  }
}

async function send(path: string, type: ProcedureDef["type"], input: unknown) {
  const user = sessionUserOf(world.admin);
  const url = new URL(`http://localhost/api/trpc/${path}`);
  let request: Request;
  const payload = wire(input);
  if (type === "query") {
    if (input !== undefined) url.searchParams.set("input", payload);
    request = new Request(url);
  } else {
    request = new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
  }
  const response = await handleTrpcRequest(request, { user, db: db.prisma });
  const text = await response.text();
  const body = JSON.parse(text) as { error?: unknown };
  const error = body.error ? (superjson.deserialize(body.error as never) as ErrorBody) : undefined;
  return { status: response.status, error, text };
}

describe("tRPC fuzzing: every procedure's input, as the admin", () => {
  it("has procedures to fuzz", () => {
    expect(procedures.length).toBeGreaterThan(100);
  });

  it.each(procedures)("$path never fails with a 5xx and names the fields it refuses", async ({ path, def }) => {
    const fromSchema = schemaInput(def.inputs);
    const real = realInputs[path] ? await realInputs[path]!.input(world, world.storeA.id) : undefined;
    const inputs = real === undefined ? fc.oneof(fromSchema, hostile(fromSchema)) : fc.oneof(fromSchema, hostile(fromSchema), { arbitrary: hostile(fc.constant(real)), weight: 2 });
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        const res = await send(path, def.type, input);
        const where = `${res.status} ${res.text.slice(0, 500)} for ${JSON.stringify(input)?.slice(0, 300)}`;
        outcomes.set(res.error?.data.code ?? "OK", (outcomes.get(res.error?.data.code ?? "OK") ?? 0) + 1);
        expect(res.status, where).toBeLessThan(500);
        if (!res.error) return;
        expect(res.error.data.code, where).not.toBe("INTERNAL_SERVER_ERROR");
        expect(res.error.message.length, where).toBeGreaterThan(0);
        if (res.error.data.code === "BAD_REQUEST") {
          expect(res.error.data.fields?.length, `BAD_REQUEST without fields: ${where}`).toBeGreaterThan(0);
          const inputIsObject = !!input && typeof input === "object" && !Array.isArray(input);
          for (const field of res.error.data.fields!) {
            expect(Array.isArray(field.path), where).toBe(true);
            if (inputIsObject) expect(field.path.length, `a field error on the whole input: ${where}`).toBeGreaterThan(0);
          }
        }
      }),
      fuzzParameters(25),
    );
    if (process.env.FUZZ_VERBOSE) console.info(`[fuzz] ${path}: ${[...outcomes].map(([code, n]) => `${code}×${n}`).join(" ")}`);
  }, 120_000);
});

describe("tRPC inputs refused before any procedure runs", () => {
  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    handleTrpcRequest(new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit), {
      user: sessionUserOf(world.admin),
      db: db.prisma,
    });
  const errorOf = async (res: Response) => superjson.deserialize((JSON.parse(await res.text()) as { error: never }).error) as ErrorBody;

  it("a body above 1 MB is 413 PAYLOAD_TOO_LARGE, with or without Content-Length", async () => {
    const big = JSON.stringify({ json: { firstName: "x".repeat(MAX_TRPC_BODY_BYTES), lastName: "y" } });
    const declared = await post("customers.create", big);
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).data.code).toBe("PAYLOAD_TOO_LARGE");
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(big.slice((i * big.length) / 3, ((i + 1) * big.length) / 3)));
        controller.close();
      },
    });
    expect((await post("customers.create", stream)).status).toBe(413);
  });

  it("NUL characters and deep nesting are BAD_REQUEST naming the field, and nothing is stored", async () => {
    const before = await db.prisma.customer.count();
    const nul = await post("customers.create", JSON.stringify({ json: { firstName: "Ada\u0000", lastName: "Lovelace" } }));
    expect(nul.status).toBe(400);
    expect((await errorOf(nul)).data.fields).toEqual([{ path: ["firstName"], message: "Must not contain the NUL character (\\u0000)" }]);
    const deep = await post("customers.create", JSON.stringify({ json: { firstName: "Ada", lastName: "Lovelace", note: deeplyNested(40, "object") } }));
    expect(deep.status).toBe(400);
    expect((await errorOf(deep)).data.fields?.[0]?.message).toMatch(/Nested too deeply/);
    expect(await db.prisma.customer.count()).toBe(before);
  });

  it("an empty or broken body is BAD_REQUEST, never a 500", async () => {
    for (const body of ["", "{", "[]", "null", '{"json":'])
      expect((await post("customers.create", body)).status, JSON.stringify(body)).toBe(400);
  });

  it("a well-formed id of no row is NOT_FOUND naming what is missing, not a 500", async () => {
    const missing = await send("registers.list", "query", { locationId: "0190f5a6-0000-7000-8000-000000000000" });
    expect(missing.error?.data.code, missing.text).toBe("NOT_FOUND");
    expect(missing.error?.message).toBe("That location does not exist.");
  });
});

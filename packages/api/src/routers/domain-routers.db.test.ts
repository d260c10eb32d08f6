// Rules of the domain routers beyond the authorization table: list scoping, entity scope
// (NOT_FOUND vs FORBIDDEN), who may create which order, task assignees, input errors.
import type { Role, SessionUser } from "@oms/contracts";
import { createStaffWorld, createTestUser, sessionUserOf } from "@oms/core/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomainFixtures, domainAccessTable, type DomainFixtures } from "../authorization.fixtures.ts";
import { createTrpcContext } from "../context.ts";
import { handleTrpcRequest } from "../handler.ts";
import { createCaller } from "../root.ts";

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
let fx: DomainFixtures;
let managerB: SessionUser;
let associateB: SessionUser;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
  fx = await createDomainFixtures(db.prisma, world);
  managerB = sessionUserOf(await createTestUser(db.prisma, { role: "MANAGER", locationId: world.storeB.id }));
  associateB = sessionUserOf(await createTestUser(db.prisma, { role: "ASSOCIATE", locationId: world.storeB.id }));
});
afterAll(async () => {
  await db?.drop();
});

const as = (user: SessionUser) => createCaller(createTrpcContext({ user, db: db.prisma }));
const admin = () => as(sessionUserOf(world.admin));
const cashierA = () => as(sessionUserOf(world.cashierA));
const managerA = () => as(sessionUserOf(world.managerA));

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("every location-scoped domain procedure refuses an allowed store role from another store", () => {
  const table = domainAccessTable(() => fx);
  const storeUsers: Partial<Record<Role, () => SessionUser>> = {
    MANAGER: () => sessionUserOf(world.managerA),
    CASHIER: () => sessionUserOf(world.cashierA),
    ASSOCIATE: () => sessionUserOf(world.associateA),
  };
  // Admin-only procedures have no store role to try (the authorization table covers them).
  const storeScoped = Object.keys(table).filter((p) => table[p]!.locationScoped && table[p]!.roles.some((r) => r !== "ADMIN"));
  it.each(storeScoped)("%s", async (path) => {
    const entry = table[path]!;
    const role = entry.roles.find((r) => r !== "ADMIN")!;
    const caller = as(storeUsers[role]!()) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const [router, procedure] = path.split(".") as [string, string];
    const error = await failure(caller[router]![procedure]!(await entry.input(world, world.storeB.id)));
    expect(error.code, `${role} of store A on ${path} at store B`).toBe("FORBIDDEN");
    expect(error.message).toBe(`You can only work with ${world.storeA.name}.`);
  });
});

describe("orders.list and orders.get", () => {
  it("a store sees orders rung up or fulfilled there; an admin sees all", async () => {
    const atA = await fx.order(world.storeA.id);
    const atB = await fx.order(world.storeB.id);
    // Rung up at A (origin) but fulfilled by B: both stores see it.
    const v = await fx.variant({ [world.storeB.id]: 3 });
    const endlessAisle = await managerA().orders.create({
      channel: "POS",
      originLocationId: world.storeA.id,
      customer: { name: "Endless Aisle", email: `ea-${fx.unique()}@test.example` },
      currency: "EUR",
      lines: [{ variantId: v.id, quantity: 1 }],
      fulfillment: { type: "PICKUP", locationId: world.storeB.id },
      payment: { status: "PAID", provider: "CASH" },
    });
    expect(endlessAisle.originLocationId).toBe(world.storeA.id);
    expect(endlessAisle.fulfillmentOrders.map((f) => f.locationId)).toEqual([world.storeB.id]);

    const ids = async (caller: ReturnType<typeof as>) => (await caller.orders.list({ limit: 200 })).items.map((o) => o.id);
    const seenByA = await ids(cashierA());
    expect(seenByA).toContain(atA.id);
    expect(seenByA).toContain(endlessAisle.id);
    expect(seenByA).not.toContain(atB.id);
    const seenByB = await ids(as(managerB));
    expect(seenByB).toEqual(expect.arrayContaining([atB.id, endlessAisle.id]));
    expect(seenByB).not.toContain(atA.id);
    expect(await ids(admin())).toEqual(expect.arrayContaining([atA.id, atB.id, endlessAisle.id]));

    // Naming another store is refused rather than quietly emptied.
    const error = await failure(cashierA().orders.list({ locationId: world.storeB.id }));
    expect(error.code).toBe("FORBIDDEN");

    expect((await as(managerB).orders.get({ orderId: endlessAisle.id })).id).toBe(endlessAisle.id);
    expect((await failure(as(managerB).orders.get({ orderId: atA.id }))).code).toBe("FORBIDDEN");
    expect((await failure(as(managerB).orders.get({ orderId: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });
});

describe("orders.create", () => {
  const input = async (channel: "POS" | "PHONE" | "WEB", originLocationId?: string) => ({
    channel,
    ...(originLocationId ? { originLocationId } : {}),
    customer: { name: "Walk-in", email: `w-${fx.unique()}@test.example` },
    currency: "EUR",
    lines: [{ variantId: (await fx.variant({ [world.storeA.id]: 2 })).id, quantity: 1 }],
    fulfillment: { type: "PICKUP" as const, locationId: world.storeA.id },
    payment: { status: "PAID" as const },
  });

  it("store roles ring up POS orders at their own store only", async () => {
    expect((await cashierA().orders.create(await input("POS", world.storeA.id))).channel).toBe("POS");
    const phone = await failure(cashierA().orders.create(await input("PHONE")));
    expect(phone.code).toBe("FORBIDDEN");
    expect(phone.message).toContain("channel POS");
    const elsewhere = await failure(cashierA().orders.create(await input("POS", world.storeB.id)));
    expect(elsewhere.message).toBe(`You can only work with ${world.storeA.name}.`);
  });

  it("HQ takes phone orders; web orders come through API keys", async () => {
    expect((await admin().orders.create(await input("PHONE"))).channel).toBe("PHONE");
    expect((await failure(admin().orders.create(await input("WEB")))).code).toBe("FORBIDDEN");
  });
});

describe("tasks", () => {
  it("resolve: the assignee role, a manager or an admin; HQ tasks only an admin", async () => {
    const forCashier = await fx.task(world.storeA.id, "CASHIER");
    expect((await failure(as(sessionUserOf(world.associateA)).tasks.resolve({ taskId: forCashier.id, resolution: "x" }))).message).toContain("This task is for a cashier");
    expect((await cashierA().tasks.resolve({ taskId: forCashier.id, resolution: "Done" })).taskId).toBe(forCashier.id);

    const forManager = await fx.task(world.storeA.id, "MANAGER");
    expect((await failure(cashierA().tasks.resolve({ taskId: forManager.id, resolution: "x" }))).code).toBe("FORBIDDEN");
    await managerA().tasks.resolve({ taskId: forManager.id, resolution: "Done" });

    const hq = await fx.task(null, "MANAGER");
    const error = await failure(managerA().tasks.resolve({ taskId: hq.id, resolution: "x" }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("head office");
    await admin().tasks.resolve({ taskId: hq.id, resolution: "Done" });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: hq.id } })).status).toBe("DONE");
  });

  it("list: store roles see their store's tasks, an admin all", async () => {
    const a = await fx.task(world.storeA.id);
    const b = await fx.task(world.storeB.id);
    const hq = await fx.task(null, "MANAGER");
    const seen = (await as(associateB).tasks.list({ limit: 200 })).items.map((t) => t.id);
    expect(seen).toContain(b.id);
    expect(seen).not.toContain(a.id);
    expect(seen).not.toContain(hq.id);
    expect((await admin().tasks.list({ limit: 200 })).items.map((t) => t.id)).toEqual(expect.arrayContaining([a.id, b.id, hq.id]));
  });
});

describe("inventory and transfers", () => {
  it("levels pages by SKU with ATP and the low flag", async () => {
    const low = await fx.variant({ [world.storeA.id]: 1 });
    await db.prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: low.id, locationId: world.storeA.id } }, data: { reorderPoint: 5, safetyStock: 0 } });
    const page = await cashierA().inventory.levels({ locationId: world.storeA.id, lowOnly: true, limit: 500 });
    const row = page.items.find((l) => l.variantId === low.id);
    expect(row).toMatchObject({ onHand: 1, available: 1, reorderPoint: 5, low: true });
    expect(page.items.every((l) => l.low)).toBe(true);

    const first = await cashierA().inventory.levels({ locationId: world.storeA.id, limit: 1 });
    expect(first.items).toHaveLength(1);
    const second = await cashierA().inventory.levels({ locationId: world.storeA.id, limit: 1, cursor: first.nextCursor! });
    expect(second.items[0]!.sku > first.items[0]!.sku).toBe(true);
  });

  it("ship at the source, receive at the destination", async () => {
    const { transfer } = await fx.transfer(world.storeA.id, world.storeB.id);
    // The destination cannot ship it.
    expect((await failure(as(associateB).transfers.ship({ transferId: transfer.id }))).code).toBe("FORBIDDEN");
    await as(sessionUserOf(world.associateA)).transfers.ship({ transferId: transfer.id });
    expect((await failure(as(sessionUserOf(world.associateA)).transfers.receive({ transferId: transfer.id }))).code).toBe("FORBIDDEN");
    const received = await as(associateB).transfers.receive({ transferId: transfer.id });
    expect(received.transfer.status).toBe("RECEIVED");
    // Either end may ask for stock.
    const v = await fx.variant({ [world.storeB.id]: 2 });
    const asked = await managerA().transfers.request({ fromLocationId: world.storeB.id, toLocationId: world.storeA.id, lines: [{ variantId: v.id, quantity: 1 }] });
    expect(asked.status).toBe("REQUESTED");
  });
});

/** POSTs a mutation through the HTTP handler, so the error is what a client receives. */
async function post(path: string, input: unknown, user: SessionUser) {
  const response = await handleTrpcRequest(
    new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(superjson.serialize(input)) }),
    { user, db: db.prisma },
  );
  const body = (await response.json()) as { error?: unknown };
  const error = body.error ? (superjson.deserialize(body.error as never) as { message: string; data: { code: string; fields?: { path: (string | number)[] }[] } }) : undefined;
  return { status: response.status, error };
}

describe("bad input answers BAD_REQUEST naming the field", () => {
  it.each([
    ["orders.cancel", "orderId", () => sessionUserOf(world.managerA), () => ({ orderId: "nope", reason: "x" })],
    ["inventory.adjust", "quantity", () => sessionUserOf(world.managerA), () => ({ locationId: world.storeA.id, variantId: world.storeA.id, quantity: 0, reason: "FOUND" })],
    ["customers.create", "email", () => sessionUserOf(world.cashierA), () => ({ firstName: "A", lastName: "B" })],
    ["routingRules.create", "name", () => sessionUserOf(world.admin), () => ({ name: "", priority: 1, filters: {}, ranking: ["DISTANCE"], splitPolicy: "NEVER" })],
    // A rule the domain checks (MAX_SHIPMENTS needs its limit) answers the same way.
    ["routingRules.create", "maxShipments", () => sessionUserOf(world.admin), () => ({ name: "Max", priority: 1, active: false, filters: {}, ranking: ["LOAD"], splitPolicy: "MAX_SHIPMENTS" })],
  ] as const)("%s names %s", async (path, field, user, input) => {
    const { status, error } = await post(path, input(), user());
    expect(status).toBe(400);
    expect(error?.data.code).toBe("BAD_REQUEST");
    expect(error?.message.startsWith(`${field}:`), error?.message).toBe(true);
    expect(error?.data.fields?.[0]?.path[0]).toBe(field);
  });
});

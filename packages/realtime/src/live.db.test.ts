// Live updates end to end: a real socket.io server on a random port, next-auth session
// cookies, the dispatcher on the test database, socket.io-client.
import { receiveStock } from "@oms/core";
import { createStaffWorld, sessionUserOf, testContext } from "@oms/core/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { io as connectSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsSince } from "./since.ts";
import { connectClient, createTestVariant, startTestInstance, testDatabaseUrl, type TestClient, type TestInstance } from "./testing/harness.ts";

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
let server: TestInstance;
let variantId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
  variantId = (await createTestVariant(db.prisma)).id;
  server = await startTestInstance({ database: db, databaseUrl: testDatabaseUrl(db.name), headsIntervalMs: 300, dispatcher: { pollMs: db.kind === "pglite" ? 50 : 1_000 } });
  await server.realtime.dispatcher!.leadership();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  await db?.drop();
});

async function client(user: Parameters<typeof sessionUserOf>[0]) {
  const c = await connectClient(server.url, sessionUserOf(user), db.prisma);
  clients.push(c);
  return c;
}

/** A real inventory change (goods received) at a store: one inventory.changed event. */
function receiveAt(locationId: string, quantity = 1) {
  return receiveStock({ locationId, lines: [{ variantId, quantity }] }, testContext(db.prisma));
}

describe("live updates over socket.io", () => {
  it("a cashier of store A never receives store B's events; admins receive both", async () => {
    const cashierA = await client(world.cashierA);
    const cashierB = await client(world.cashierB);
    const admin = await client(world.admin);

    await receiveAt(world.storeB.id, 2);
    await receiveAt(world.storeA.id, 3);
    await cashierA.waitFor((e) => e.some((x) => x.locationId === world.storeA.id));
    await cashierB.waitFor((e) => e.some((x) => x.locationId === world.storeB.id));
    await admin.waitFor((e) => e.filter((x) => x.topic === "inventory.changed").length >= 2);
    // Give a stray event time to arrive before asserting it did not.
    await new Promise((r) => setTimeout(r, 300));

    expect(cashierA.events.map((e) => e.stream)).toEqual([world.storeA.id]);
    expect(cashierA.events[0]).toMatchObject({ topic: "inventory.changed", seq: expect.any(Number), payload: { variantId, onHand: 3 } });
    expect(cashierB.events.every((e) => e.stream === world.storeB.id)).toBe(true);
    expect(new Set(admin.events.map((e) => e.stream))).toEqual(new Set([world.storeA.id, world.storeB.id]));
    // The resync query refuses another store's stream and HQ's to store staff.
    const cashier = sessionUserOf(world.cashierA);
    await expect(eventsSince({ stream: world.storeB.id, after: 0 }, { db: db.prisma, user: cashier })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(eventsSince({ stream: "hq", after: 0 }, { db: db.prisma, user: cashier })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses sockets from a foreign origin and without a session", async () => {
    const fromElsewhere = await connectClient(server.url, sessionUserOf(world.cashierA), db.prisma, { origin: "https://evil.example", connect: false });
    clients.push(fromElsewhere);
    const refusal = await new Promise<string>((resolve) => fromElsewhere.socket.once("connect_error", (e) => resolve(e.message)));
    expect(refusal).toBe("Live updates are only available on this site.");

    const sameSite = await connectClient(server.url, sessionUserOf(world.cashierA), db.prisma, { origin: server.url });
    clients.push(sameSite);
    expect(sameSite.status()).toBe("live");

    const anonymous = connectSocket(server.url, { transports: ["websocket"], reconnection: false });
    const message = await new Promise<string>((resolve) => anonymous.once("connect_error", (e) => resolve(e.message)));
    anonymous.close();
    expect(message).toBe("Please sign in to continue.");

    // A deactivated person's cookie no longer opens a socket.
    await db.prisma.user.update({ where: { id: world.associateA.id }, data: { active: false } });
    const ended = await connectClient(server.url, sessionUserOf(world.associateA), db.prisma, { connect: false });
    clients.push(ended);
    expect(await new Promise<string>((resolve) => ended.socket.once("connect_error", (e) => resolve(e.message)))).toBe("Please sign in to continue.");
  });

  it("a client that was offline catches up through live.since when it reconnects, without repeats", async () => {
    const tablet = await client(world.managerA);
    await receiveAt(world.storeA.id);
    await tablet.waitFor((e) => e.length === 1);
    const before = tablet.tracker.lastApplied(world.storeA.id)!;

    tablet.socket.disconnect(); // Wi-Fi gone
    await receiveAt(world.storeA.id);
    await receiveAt(world.storeA.id);
    await receiveAt(world.storeA.id);
    tablet.socket.connect(); // back: hello says the stream moved on → live.since
    await tablet.waitFor((e) => e.length === 4);
    await receiveAt(world.storeA.id);
    await tablet.waitFor((e) => e.length === 5);

    expect(tablet.events.map((e) => e.seq)).toEqual([before, before + 1, before + 2, before + 3, before + 4]);
    expect(new Set(tablet.events.map((e) => e.id)).size).toBe(5);
  });

  it("a lost event is noticed (by the next one, or the periodic heads) and fetched", async () => {
    const tablet = await client(world.managerA);
    // Drop everything this socket receives for a moment, as a broken link would.
    const original = tablet.socket.listeners("live:event")[0]!;
    tablet.socket.off("live:event", original);
    await receiveAt(world.storeA.id);
    await new Promise((r) => setTimeout(r, 200));
    tablet.socket.on("live:event", original);
    // No further event: the heads (every 300 ms here) tell the client it is behind.
    await tablet.waitFor((e) => e.length === 1, 3_000);
    await receiveAt(world.storeA.id);
    await tablet.waitFor((e) => e.length === 2);
    expect(tablet.events[1]!.seq).toBe(tablet.events[0]!.seq + 1);
  });
});

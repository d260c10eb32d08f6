// Who may call what: one entry per procedure of appRouter. The table is checked against
// the router itself, so a new procedure without an entry fails here until someone decides
// who may call it. From the table the matrix is generated: every procedure × anonymous and
// each role × the caller's own store and another store, each a real call on real rows
// (docs/security.md). Router areas keep their entries in `<area>.fixtures.ts` files,
// spread into `access` below.
import type { Role, SessionUser } from "@oms/contracts";
import { listForecast } from "@oms/core";
import { createStaffWorld, createTestUser, sessionUserOf } from "@oms/core/testing";
import { resetSimulatedReader, simulatedReaderId } from "@oms/payments";
import { createAuthorizedTestPayment, createPaymentTestOrder } from "@oms/payments/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomainFixtures, domainAccessTable, type DomainFixtures } from "./authorization.fixtures.ts";
import { pickupAccessTable } from "./pickup.fixtures.ts";
import { shippingAccessTable } from "./shipping.fixtures.ts";
import { posAccessTable } from "./pos.fixtures.ts";
import { returnsTillAccessTable } from "./returns-till.fixtures.ts";
import { registersAccessTable } from "./registers.fixtures.ts";
import { adminAccessTable } from "./admin.fixtures.ts";
import { deliveryRunsAccessTable } from "./delivery-runs.fixtures.ts";
import { createTrpcContext } from "./context.ts";
import { appRouter, createCaller } from "./root.ts";

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
let fx: DomainFixtures;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
  fx = await createDomainFixtures(db.prisma, world);
});
afterAll(async () => {
  await db?.drop();
});

type World = typeof world;
const ALL_ROLES: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER", "ASSOCIATE"];

interface Access {
  /** Callable without signing in. */
  public: boolean;
  /** Roles that may call it (all roles when public or any signed-in person). */
  roles: readonly Role[];
  /** Input names a location the caller must be allowed to work with. */
  locationScoped: boolean;
  /** A valid input for a call at `locationId`. Called once per call, so it may create rows. */
  input: (w: World, locationId: string) => unknown | Promise<unknown>;
}

const access: Record<string, Access> = {
  "apiKeys.create": { public: false, roles: ["ADMIN"], locationScoped: false, input: () => ({ name: "Test shop", channel: "WEB", scopes: ["orders:read"] }) },
  "apiKeys.list": { public: false, roles: ["ADMIN"], locationScoped: false, input: () => undefined },
  "apiKeys.revoke": {
    public: false,
    roles: ["ADMIN"],
    locationScoped: false,
    input: async () => ({ apiKeyId: (await db.prisma.apiKey.create({ data: { name: "To revoke", prefix: `rv_${Math.random().toString(36).slice(2)}`, secretHash: "x", channel: "WEB", scopes: [] } })).id }),
  },
  // Organisation settings: everyone reads the thresholds they work under; only an admin changes them.
  "settings.get": {
    public: false,
    roles: ALL_ROLES,
    locationScoped: false,
    input: async () => {
      await db.prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Test retail", reportingCurrency: "EUR" }, update: {} });
      return undefined;
    },
  },
  "settings.update": {
    public: false,
    roles: ["ADMIN"],
    locationScoped: false,
    input: () => ({
      name: "Test retail",
      reportingCurrency: "EUR",
      pickupReadySlaHours: 4,
      shipSlaDays: 2,
      unclaimedReminderDays: 3,
      unclaimedCancelDays: 7,
      discountApprovalBps: 2000,
      cashVarianceNoteThreshold: 500,
      lateOrderHours: 48,
      reportPricesIncludeTax: true,
    }),
  },
  // HQ overview and reports (docs/hq-reports.md): the whole network's figures, head office only.
  ...Object.fromEntries(
    (
      [
        ["reports.overview", () => undefined],
        ["reports.sales", () => ({ from: "2026-11-01", to: "2026-11-30", groupBy: "location", compare: true })],
        ["reports.sellThrough", () => ({ from: "2026-11-01", to: "2026-11-30" })],
        ["reports.returns", () => ({ from: "2026-11-01", to: "2026-11-30" })],
        ["reports.fulfilmentTimes", () => ({ from: "2026-11-01", to: "2026-11-30" })],
        ["reports.exportCsv", () => ({ from: "2026-11-01", to: "2026-11-30", report: "sales-day" })],
      ] as const
    ).map(([name, input]): [string, Access] => [
      name,
      {
        public: false,
        roles: ["ADMIN"],
        locationScoped: false,
        input: async () => {
          await db.prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Test retail", reportingCurrency: "EUR" }, update: {} });
          return input();
        },
      },
    ]),
  ),
  "webhooks.deliveries": { public: false, roles: ["ADMIN"], locationScoped: false, input: () => ({ limit: 5 }) },
  // The mail log: a manager sees their own store's messages (the domain scopes the list); only an admin resends.
  "notifications.list": { public: false, roles: ["ADMIN", "MANAGER"], locationScoped: true, input: (_w, locationId) => ({ locationId, status: "FAILED", pageSize: 5 }) },
  "notifications.get": {
    public: false,
    roles: ["ADMIN", "MANAGER"],
    locationScoped: true,
    input: async (_w, locationId) => ({ notificationId: (await db.prisma.notification.create({ data: { channel: "EMAIL", recipient: "a@example.com", template: "pos.receipt", subject: "Receipt", body: "Thanks", locationId } })).id }),
  },
  "notifications.resend": {
    public: false,
    roles: ["ADMIN"],
    locationScoped: false,
    input: async (_w, locationId) => ({
      notificationId: (await db.prisma.notification.create({ data: { channel: "SMS", recipient: "+48600100200", template: "pickup.ready", subject: "Ready", body: "Ready", locationId, status: "FAILED", attempts: 5 } })).id,
    }),
  },
  // The store is a "stream": store staff follow only their own store's (packages/realtime tests "hq" too).
  "live.since": { public: false, roles: ALL_ROLES, locationScoped: true, input: (_w, locationId) => ({ stream: locationId, after: 0 }) },
  "health.ping": { public: true, roles: ALL_ROLES, locationScoped: false, input: () => undefined },
  "session.me": { public: false, roles: ALL_ROLES, locationScoped: false, input: () => undefined },
  "locations.list": { public: false, roles: ALL_ROLES, locationScoped: false, input: () => undefined },
  "locations.get": { public: false, roles: ALL_ROLES, locationScoped: true, input: (_w, locationId) => ({ locationId }) },
  "staff.storesForDevice": { public: true, roles: ALL_ROLES, locationScoped: false, input: () => undefined },
  "staff.pinTiles": { public: true, roles: ALL_ROLES, locationScoped: false, input: (_w, locationId) => ({ locationId }) },
  "staff.deactivate": {
    public: false,
    roles: ["ADMIN"],
    locationScoped: false,
    input: async (_w, locationId) => ({ userId: (await createTestUser(db.prisma, { role: "CASHIER", locationId })).id }),
  },
  "staff.reactivate": {
    public: false,
    roles: ["ADMIN"],
    locationScoped: false,
    input: async (_w, locationId) => ({ userId: (await createTestUser(db.prisma, { role: "CASHIER", locationId, active: false })).id }),
  },
  // payments: the simulated provider (no STRIPE_SECRET_KEY in tests); each call frees the store's reader first.
  "payments.readers": { public: false, roles: ["ADMIN", "MANAGER", "CASHIER"], locationScoped: true, input: (_w, locationId) => ({ locationId }) },
  "payments.readerState": { public: false, roles: ["ADMIN", "MANAGER", "CASHIER"], locationScoped: true, input: (_w, locationId) => ({ locationId, readerId: simulatedReaderId(locationId) }) },
  "payments.cancelReaderAction": {
    public: false,
    roles: ["ADMIN", "MANAGER", "CASHIER"],
    locationScoped: true,
    input: (_w, locationId) => (resetSimulatedReader(simulatedReaderId(locationId)), { locationId, readerId: simulatedReaderId(locationId) }),
  },
  "payments.collectCardPresent": {
    public: false,
    roles: ["ADMIN", "MANAGER", "CASHIER"],
    locationScoped: true,
    input: async (_w, locationId) => {
      resetSimulatedReader(simulatedReaderId(locationId));
      const order = await createPaymentTestOrder(db.prisma, { locationId, price: 1_000, payment: { status: "PAY_AT_PICKUP" } });
      return { locationId, orderId: order.id, readerId: simulatedReaderId(locationId), amount: 1_000 };
    },
  },
  "payments.capture": {
    public: false,
    roles: ["ADMIN", "MANAGER"],
    locationScoped: true,
    input: async (_w, locationId) => ({ locationId, paymentId: (await createAuthorizedTestPayment(db.prisma, { locationId, price: 1_000 })).paymentId }),
  },
  "payments.executeRefunds": { public: false, roles: ["ADMIN"], locationScoped: false, input: () => ({ limit: 5 }) },
  // The HQ routing editor (docs/hq-routing.md): admins only. save keeps the rules as they are (same list, same order).
  "routingRules.simulate": {
    public: false,
    roles: ["ADMIN"],
    locationScoped: false,
    input: async (_w, locationId) => ({ fulfillmentType: "PICKUP", pickupLocationId: locationId, items: [{ sku: (await fx.variant({ [locationId]: 2 })).sku, quantity: 1 }] }),
  },
  "routingRules.replay": { public: false, roles: ["ADMIN"], locationScoped: false, input: () => ({ days: 1, rules: [] }) },
  "routingRules.network": { public: false, roles: ["ADMIN"], locationScoped: false, input: () => undefined },
  "routingRules.save": {
    public: false,
    roles: ["ADMIN"],
    locationScoped: false,
    input: async () => {
      const rows = await db.prisma.routingRule.findMany({ orderBy: [{ priority: "asc" }, { id: "asc" }] });
      return {
        rules: rows.map((r) => ({ id: r.id, name: r.name, priority: r.priority, active: r.active, marketCode: r.marketCode, channel: r.channel, fulfillmentType: r.fulfillmentType, filters: r.filters, ranking: r.ranking, splitPolicy: r.splitPolicy, maxShipments: r.maxShipments, fallbacks: r.fallbacks })),
        basedOn: rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt })),
      };
    },
  },
  // HQ forecasting (docs/forecasting.md): admins only. A level at the store that sells 1 a day
  // with 1 left and plenty at the warehouse: a transfer suggestion to accept.
  ...(() => {
    const sellingLevel = async (locationId: string) => {
      const v = await fx.variant({ [locationId]: 1, [fx.warehouse.id]: 60 });
      return db.prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: v.id, locationId } }, data: { soldPerDay: 1 } });
    };
    const hq = (input: Access["input"]): Access => ({ public: false, roles: ["ADMIN"], locationScoped: false, input });
    return {
      "forecast.table": hq((_w, locationId) => ({ locationIds: [locationId], urgency: "7", sort: "stockout" })),
      "forecast.exportCsv": hq((_w, locationId) => ({ locationIds: [locationId], urgency: "7", sort: "stockout" })),
      "forecast.history": hq(async (_w, locationId) => ({ levelId: (await sellingLevel(locationId)).id })),
      "forecast.refresh": hq(() => undefined),
      "forecast.accept": hq(async (_w, locationId) => {
        const level = await sellingLevel(locationId);
        const row = (await listForecast({ locationIds: [locationId], pageSize: 200 }, { db: db.prisma })).items.find((r) => r.id === level.id)!;
        return { items: [{ key: row.suggestion!.key, levelId: row.id, kind: row.suggestion!.kind, fromLocationId: row.suggestion!.fromLocationId, quantity: row.suggestion!.quantity }] };
      }),
    };
  })(),
  // inventory, transfers, cycleCounts, orders, fulfillment, returns, customers, tasks, routingRules
  ...domainAccessTable(() => fx),
  ...pickupAccessTable(() => fx),
  ...shippingAccessTable(() => fx),
  ...posAccessTable(() => fx),
  ...returnsTillAccessTable(() => fx),
  ...registersAccessTable(() => fx),
  ...adminAccessTable(() => fx),
  ...deliveryRunsAccessTable(() => fx),
};

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

function callerFor(user: SessionUser | null) {
  return createCaller(createTrpcContext({ user, db: db.prisma }));
}

/** Calls `path` ("staff.pinTiles") on a caller; resolves to the result or the TRPCError. */
async function call(user: SessionUser | null, path: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: TRPCError }> {
  const caller = callerFor(user) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await fn(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, error };
    throw error;
  }
}

function userWithRole(role: Role): SessionUser {
  const row = { ADMIN: world.admin, MANAGER: world.managerA, CASHIER: world.cashierA, ASSOCIATE: world.associateA }[role];
  return sessionUserOf(row);
}

/** The store a user works at; an admin's calls use store A too. */
const homeOf = (_role: Role) => world.storeA.id;

describe("the authorization table", () => {
  it("has an entry for every procedure of the router, and none for procedures that are gone", () => {
    expect(procedurePaths.length).toBeGreaterThan(0);
    const missing = procedurePaths.filter((p) => !(p in access));
    expect(missing, `add these procedures to the table in authorization.db.test.ts: ${missing.join(", ")}`).toEqual([]);
    expect(Object.keys(access).sort()).toEqual(procedurePaths);
  });
});

/** Who calls: nobody signed in, or store A's person of a role (the admin has no store). */
type Caller = "anonymous" | Role;
/** Where the input points: the caller's own store (A) or another one (B). */
type Place = "own" | "foreign";
type Expected = "ok" | "UNAUTHORIZED" | "FORBIDDEN";

const CALLERS: readonly Caller[] = ["anonymous", ...ALL_ROLES];
const PLACES: readonly Place[] = ["own", "foreign"];

/**
 * The matrix's rule, from the table entry alone: anonymous callers only reach public
 * procedures; a signed-in person needs one of the entry's roles; a store role naming
 * another store (in the input, or through the row the input names) is refused when the
 * entry is location-scoped, while an admin works everywhere.
 */
function expectedOutcome(e: Access, caller: Caller, place: Place): Expected {
  if (e.public) return "ok";
  if (caller === "anonymous") return "UNAUTHORIZED";
  if (!e.roles.includes(caller)) return "FORBIDDEN";
  if (place === "foreign" && e.locationScoped && caller !== "ADMIN") return "FORBIDDEN";
  return "ok";
}

const matrix = procedurePaths.flatMap((path) =>
  CALLERS.flatMap((caller) => PLACES.map((place) => ({ path, caller, place, label: `${path} as ${caller} at ${place === "own" ? "store A (own)" : "store B (foreign)"}` }))),
);

describe("the authorization matrix: every procedure × anonymous and every role × own and foreign store", () => {
  it("covers every procedure of the router", () => {
    expect(new Set(matrix.map((m) => m.path)).size).toBe(procedurePaths.length);
    expect(matrix.length).toBe(procedurePaths.length * CALLERS.length * PLACES.length);
  });

  it.each(matrix)("$label", async ({ path, caller, place }) => {
    const e = access[path];
    if (!e) throw new Error(`${path} has no entry in the authorization table`);
    const expected = expectedOutcome(e, caller, place);
    const locationId = place === "own" ? homeOf(caller === "anonymous" ? "CASHIER" : caller) : world.storeB.id;
    const result = await call(caller === "anonymous" ? null : userWithRole(caller), path, await e.input(world, locationId));
    if (expected === "ok") {
      expect(result.ok, result.ok ? "" : `${caller} must be able to call ${path}: ${result.error.code} ${result.error.message}`).toBe(true);
      return;
    }
    expect(result.ok, `${caller} must not call ${path} (${place} store)`).toBe(false);
    if (result.ok) return;
    expect(result.error.code, `${caller} on ${path}: ${result.error.message}`).toBe(expected);
    // Refused for the store, not for the role: the message says so (the location guard
    // names the caller's store; the mail log and live streams say "your own store").
    if (expected === "FORBIDDEN" && e.roles.includes(caller as Role)) {
      expect([`You can only work with ${world.storeA.name}.`, "You can only follow updates of your own store.", "You can only see your own store's messages.", "You can only work with your own store."]).toContain(result.error.message);
    }
  });

  it("every signed-in procedure that takes a locationId from a store role is marked location-scoped", async () => {
    const unmarked: string[] = [];
    for (const path of procedurePaths) {
      const e = access[path];
      // A missing entry fails the table test above.
      if (!e || e.public || e.locationScoped || e.roles.every((r) => r === "ADMIN")) continue;
      const sample = await e.input(world, world.storeB.id);
      if (sample && typeof sample === "object" && "locationId" in sample) unmarked.push(path);
    }
    expect(unmarked, "these take a locationId: mark them locationScoped").toEqual([]);
  });
});

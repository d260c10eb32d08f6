// Who may call what: one entry per procedure of appRouter. The table is checked against
// the router itself, so a new procedure without an entry fails here until someone decides
// who may call it.
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
import { posAccessTable } from "./pos.fixtures.ts";
import { returnsTillAccessTable } from "./returns-till.fixtures.ts";
import { registersAccessTable } from "./registers.fixtures.ts";
import { adminAccessTable } from "./admin.fixtures.ts";
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
  "notifications.list": { public: false, roles: ["ADMIN", "MANAGER"], locationScoped: false, input: (_w, locationId) => ({ locationId, status: "FAILED", pageSize: 5 }) },
  "notifications.get": {
    public: false,
    roles: ["ADMIN", "MANAGER"],
    locationScoped: false,
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
  // Not location-scoped in this table's sense: the store is a "stream"; packages/realtime tests the refusals.
  "live.since": { public: false, roles: ALL_ROLES, locationScoped: false, input: (_w, locationId) => ({ stream: locationId, after: 0 }) },
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
  ...posAccessTable(() => fx),
  ...returnsTillAccessTable(() => fx),
  ...registersAccessTable(() => fx),
  ...adminAccessTable(() => fx),
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

describe.each(procedurePaths)("%s", (path) => {
  const entry = () => {
    const e = access[path];
    if (!e) throw new Error(`${path} has no entry in the authorization table`);
    return e;
  };

  it("anonymous callers are rejected unless it is public", async () => {
    const e = entry();
    const result = await call(null, path, await e.input(world, world.storeA.id));
    if (e.public) {
      expect(result.ok, result.ok ? "" : result.error.message).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("UNAUTHORIZED");
    }
  });

  it("roles without access get FORBIDDEN", async () => {
    const e = entry();
    for (const role of ALL_ROLES.filter((r) => !e.roles.includes(r))) {
      const result = await call(userWithRole(role), path, await e.input(world, homeOf(role)));
      expect(result.ok, `${role} must not call ${path}`).toBe(false);
      if (!result.ok) expect(result.error.code, `${role} on ${path}`).toBe("FORBIDDEN");
    }
  });

  it("allowed roles succeed at their own store", async () => {
    const e = entry();
    for (const role of e.roles) {
      const result = await call(userWithRole(role), path, await e.input(world, homeOf(role)));
      expect(result.ok, `${role} on ${path}: ${result.ok ? "" : result.error.message}`).toBe(true);
    }
  });

  it("a store A cashier naming store B gets FORBIDDEN when it is location-scoped", async () => {
    const e = entry();
    const result = await call(sessionUserOf(world.cashierA), path, await e.input(world, world.storeB.id));
    if (e.locationScoped) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("FORBIDDEN");
        expect(result.error.message).toBe(`You can only work with ${world.storeA.name}.`);
      }
      // An admin may work with every store.
      const admin = await call(sessionUserOf(world.admin), path, await e.input(world, world.storeB.id));
      expect(admin.ok, admin.ok ? "" : admin.error.message).toBe(true);
    } else if (!e.public && e.roles.includes("CASHIER")) {
      // Not location-scoped: it must not take a store from the caller at all, or it must
      // be declared location-scoped above.
      const sample = await e.input(world, world.storeB.id);
      expect(sample && typeof sample === "object" && "locationId" in sample, `${path} takes locationId: mark it locationScoped`).toBeFalsy();
    }
  });
});

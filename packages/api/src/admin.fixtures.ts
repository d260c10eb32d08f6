// Authorization-table entries of the HQ administration procedures (locations, staff,
// webhook endpoints, audit log): all ADMIN only. Each input makes the rows it names, so the
// allowed call succeeds on real data and every other role is refused before it runs.
import { createTestLocation, createTestUser, testLocationInput } from "@oms/core/testing";
import type { DomainAccess, DomainFixtures } from "./authorization.fixtures.ts";

type World = Parameters<DomainAccess["input"]>[0];

export function adminAccessTable(fx: () => DomainFixtures): Record<string, DomainAccess> {
  const admin = (input: DomainAccess["input"]): DomainAccess => ({ public: false, roles: ["ADMIN"], locationScoped: false, input });
  const locationFields = (w: World) => testLocationInput(w.market.code);
  const apiKey = () => fx().prisma.apiKey.create({ data: { name: "Auth key", prefix: `az_${fx().unique()}`, secretHash: "x", channel: "WEB", scopes: [] } });
  const subscription = async () => fx().prisma.webhookSubscription.create({ data: { url: "https://shop.example/hook", events: ["order.changed"], secret: "whsec_x", apiKeyId: (await apiKey()).id } });
  return {
    "locations.table": admin(() => ({ pageSize: 5 })),
    "locations.markets": admin(() => undefined),
    "locations.detail": admin((_w, l) => ({ locationId: l })),
    "locations.create": admin((w) => locationFields(w)),
    "locations.update": admin(async (w) => ({ ...locationFields(w), locationId: (await createTestLocation(fx().prisma, { marketCode: w.market.code })).id })),
    "staff.list": admin(() => ({ pageSize: 5 })),
    "staff.create": admin((_w, l) => ({ name: "New cashier", email: `new-${fx().unique()}@test.example`, role: "CASHIER", homeLocationId: l, pin: "1357" })),
    "staff.update": admin(async (_w, l) => ({ userId: (await createTestUser(fx().prisma, { role: "CASHIER", locationId: l })).id, name: "Renamed", role: "ASSOCIATE", homeLocationId: l })),
    "staff.setPassword": admin(async (_w, l) => ({ userId: (await createTestUser(fx().prisma, { role: "CASHIER", locationId: l })).id, password: "a new long password" })),
    "staff.setPin": admin(async (_w, l) => ({ userId: (await createTestUser(fx().prisma, { role: "CASHIER", locationId: l })).id, pin: "9753" })),
    "webhooks.subscriptions": admin(() => undefined),
    "webhooks.createSubscription": admin(async () => ({ apiKeyId: (await apiKey()).id, url: "https://shop.example/hook", events: ["order.changed"] })),
    "webhooks.updateSubscription": admin(async () => ({ subscriptionId: (await subscription()).id, url: "https://shop.example/other", events: ["fulfillment.changed"] })),
    "webhooks.setSubscriptionActive": admin(async () => ({ subscriptionId: (await subscription()).id, active: false })),
    "webhooks.rotateSecret": admin(async () => ({ subscriptionId: (await subscription()).id })),
    "audit.list": admin(() => ({ entityType: "Location", pageSize: 5 })),
    "audit.get": admin(async () => ({ auditId: (await fx().prisma.auditLog.create({ data: { actorKind: "SYSTEM", action: "test.done", entityType: "Test" } })).id.toString() })),
    "audit.facets": admin(() => undefined),
    "audit.exportCsv": admin(() => ({ entityType: "Location" })),
  };
}

// Small builders for tests of staff, locations and the API: each call makes new rows with
// unique codes and e-mails, so tests share a database without seeing each other's data.
import type { Role, SessionUser } from "@oms/contracts";
import type { LocationKind, PrismaClient } from "@oms/db";
import bcrypt from "bcryptjs";
import type { Actor, DomainContext } from "../context.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// Cost 4 keeps tests fast; verification reads the cost from the hash itself.
const hashCache = new Map<string, string>();
function fastHash(secret: string): string {
  let hash = hashCache.get(secret);
  if (!hash) {
    hash = bcrypt.hashSync(secret, 4);
    hashCache.set(secret, hash);
  }
  return hash;
}

export async function createTestMarket(prisma: PrismaClient, overrides: { currency?: string } = {}) {
  const tag = unique();
  return prisma.market.create({ data: { code: `M${tag}`, name: `Market ${tag}`, currency: overrides.currency ?? "EUR", countries: ["DE"] } });
}

export interface TestLocationOptions {
  name?: string;
  kind?: LocationKind;
  marketCode?: string;
  timeZone?: string;
  active?: boolean;
}

export async function createTestLocation(prisma: PrismaClient, options: TestLocationOptions = {}) {
  const tag = unique();
  const marketCode = options.marketCode ?? (await createTestMarket(prisma)).code;
  return prisma.location.create({
    data: {
      code: `L-${tag}`,
      name: options.name ?? `Store ${tag}`,
      kind: options.kind ?? "STORE",
      marketCode,
      addressLine1: "1 Test Street",
      city: "Berlin",
      postalCode: "10115",
      countryCode: "DE",
      latitude: 52.52,
      longitude: 13.405,
      timeZone: options.timeZone ?? "Europe/Berlin",
      currency: "EUR",
      locale: "de-DE",
      taxRateBps: 1900,
      pricesIncludeTax: true,
      fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"],
      openingHours: {},
      active: options.active ?? true,
    },
  });
}

export const TEST_PASSWORD = "correct horse battery";
export const TEST_PIN = "2468";

export interface TestUserOptions {
  role?: Role;
  /** Required for store roles (MANAGER, CASHIER, ASSOCIATE); ignored for ADMIN. */
  locationId?: string | null;
  name?: string;
  email?: string;
  password?: string;
  /** null: no PIN. Default TEST_PIN for store roles, none for ADMIN. */
  pin?: string | null;
  active?: boolean;
}

export async function createTestUser(prisma: PrismaClient, options: TestUserOptions = {}) {
  const tag = unique();
  const role = options.role ?? "CASHIER";
  const pin = options.pin === undefined ? (role === "ADMIN" ? null : TEST_PIN) : options.pin;
  if (role !== "ADMIN" && !options.locationId) throw new Error(`createTestUser: a ${role} needs locationId`);
  return prisma.user.create({
    data: {
      email: (options.email ?? `user-${tag}@test.example`).toLowerCase(),
      name: options.name ?? `Person ${tag}`,
      role,
      homeLocationId: role === "ADMIN" ? null : options.locationId!,
      passwordHash: fastHash(options.password ?? TEST_PASSWORD),
      pinHash: pin ? fastHash(pin) : null,
      active: options.active ?? true,
    },
  });
}

export function sessionUserOf(user: { id: string; email: string; name: string; role: Role; homeLocationId: string | null; sessionVersion: number }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, locationId: user.homeLocationId, sessionVersion: user.sessionVersion };
}

export function userActor(user: Parameters<typeof sessionUserOf>[0]): Actor {
  return { kind: "USER", user: sessionUserOf(user) };
}

export function testContext(db: PrismaClient, actor: Actor = { kind: "SYSTEM" }, now = new Date()): DomainContext {
  return { db, actor, now };
}

/** Two stores and one of each role: the usual cast of authorization tests. */
export async function createStaffWorld(prisma: PrismaClient) {
  const market = await createTestMarket(prisma);
  const storeA = await createTestLocation(prisma, { marketCode: market.code, name: `Store A ${unique()}` });
  const storeB = await createTestLocation(prisma, { marketCode: market.code, name: `Store B ${unique()}` });
  const admin = await createTestUser(prisma, { role: "ADMIN" });
  const managerA = await createTestUser(prisma, { role: "MANAGER", locationId: storeA.id });
  const cashierA = await createTestUser(prisma, { role: "CASHIER", locationId: storeA.id });
  const associateA = await createTestUser(prisma, { role: "ASSOCIATE", locationId: storeA.id });
  const cashierB = await createTestUser(prisma, { role: "CASHIER", locationId: storeB.id });
  return { market, storeA, storeB, admin, managerA, cashierA, associateA, cashierB };
}

// Builds every demo row in memory (no database): organisation, people, catalog, stock and
// 90 days of order history. Pure and deterministic: the same `now`, `scale` and hashes
// give the same rows. seed-demo-data.ts writes them.
import { formatMoney } from "@oms/contracts";
import type { Prisma } from "../generated/prisma/client.ts";
import { buildCatalog, slugify, type CatalogRows, type CatalogVariant } from "./build-catalog.ts";
import { Rng } from "./random.ts";
import {
  CITIES,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  MARKETS,
  ORGANIZATION_NAME,
  STREETS,
  type CitySpec,
  type LocationSpec,
  type MarketSpec,
} from "./reference-data.ts";
import { DEMO_WEB_API_KEY_PREFIX, demoSignIns } from "./sign-ins.ts";

export const DEMO_SEED = 20261122;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Channel = "POS" | "WEB" | "MARKETPLACE" | "SOCIAL" | "PHONE";
type FulfillmentType = "CARRY_OUT" | "PICKUP" | "SHIP" | "DELIVERY";
type Outcome = "COMPLETED" | "FULFILLED" | "CANCELLED" | "ALLOCATED" | "PICKING" | "PACKED" | "READY" | "ON_HOLD";

export interface BuildOptions {
  now: Date;
  scale: number;
  passwordHash: string;
  pinHash: string;
  apiKeySecretHash: string;
}

export interface DemoRows {
  settings: Prisma.OrganizationSettingsCreateManyInput[];
  markets: Prisma.MarketCreateManyInput[];
  fxRates: Prisma.FxRateCreateManyInput[];
  locations: Prisma.LocationCreateManyInput[];
  registers: Prisma.RegisterCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  apiKeys: Prisma.ApiKeyCreateManyInput[];
  routingRules: Prisma.RoutingRuleCreateManyInput[];
  categories: CatalogRows["categories"];
  products: CatalogRows["products"];
  variants: CatalogRows["variants"];
  barcodes: CatalogRows["barcodes"];
  prices: CatalogRows["prices"];
  customers: Prisma.CustomerCreateManyInput[];
  addresses: Prisma.CustomerAddressCreateManyInput[];
  inventoryLevels: Prisma.InventoryLevelCreateManyInput[];
  registerSessions: Prisma.RegisterSessionCreateManyInput[];
  orders: Prisma.OrderCreateManyInput[];
  orderLines: Prisma.OrderLineCreateManyInput[];
  fulfillmentOrders: Prisma.FulfillmentOrderCreateManyInput[];
  fulfillmentOrderLines: Prisma.FulfillmentOrderLineCreateManyInput[];
  reservations: Prisma.ReservationCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  shipments: Prisma.ShipmentCreateManyInput[];
  returns: Prisma.ReturnCreateManyInput[];
  returnLines: Prisma.ReturnLineCreateManyInput[];
  refunds: Prisma.RefundCreateManyInput[];
  cashMovements: Prisma.CashMovementCreateManyInput[];
  movements: Prisma.InventoryMovementCreateManyInput[];
  events: Prisma.OrderEventCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  counters: Prisma.CounterCreateManyInput[];
}

/** Tax contained in a tax-inclusive amount, rounded half up: total * rate / (10000 + rate). */
export function includedTax(total: number, rateBps: number): number {
  const divisor = 10_000 + rateBps;
  return Math.floor((2 * total * rateBps + divisor) / (2 * divisor));
}

export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Greedy count of notes and coins for an amount: { "denominations": { "5000": 2, ... } }. */
function denominationCount(amount: number, denominations: number[]): { denominations: Record<string, number> } {
  const out: Record<string, number> = {};
  let rest = amount;
  for (const d of denominations) {
    const n = Math.floor(rest / d);
    if (n > 0) {
      out[String(d)] = n;
      rest -= n * d;
    }
  }
  return { denominations: out };
}

interface Loc {
  id: string;
  spec: LocationSpec;
  market: MarketSpec;
  name: string;
}

interface Person {
  id: string;
  name: string;
}

interface CustomerInfo {
  id: string;
  name: string;
  email: string;
  phone: string;
  market: MarketSpec;
  city: CitySpec;
  address: Prisma.InputJsonObject;
  latitude: number;
  longitude: number;
}

interface LevelState {
  id: string;
  locationId: string;
  variantId: string;
  target: number;
  safetyStock: number;
  reorderPoint: number;
  bin: string | null;
  reserved: number;
  /** Sum of the order-history movements (negative for sales, positive for restocks). */
  delta: number;
  consumed: number;
}

interface OrderPlan {
  channel: Channel;
  placedAt: Date;
  market: MarketSpec;
  type: FulfillmentType;
  /** Where the goods come from (CARRY_OUT/PICKUP: the store; SHIP/DELIVERY: the sender). */
  location: Loc;
  customer: CustomerInfo | null;
  outcome: Outcome;
  payAtPickup: boolean;
  lines: { variant: CatalogVariant; quantity: number; discount: number }[];
  holdReason?: number;
}

interface BuiltLine {
  id: string;
  variant: CatalogVariant;
  quantity: number;
  unitPrice: number;
  discount: number;
  total: number;
  taxRateBps: number;
  quantityReturned: number;
}

interface BuiltOrder {
  id: string;
  number: string;
  plan: OrderPlan;
  lines: BuiltLine[];
  row: Prisma.OrderCreateManyInput;
  payment: Prisma.PaymentCreateManyInput | null;
  completedAt: Date | null;
  foId: string | null;
  cashier: Person | null;
}

export function buildDemoData(options: BuildOptions): DemoRows {
  const { now, scale } = options;
  const root = new Rng(DEMO_SEED);
  const at = (ms: number) => new Date(ms);
  const nowMs = now.getTime();
  const setupAt = at(nowMs - 120 * DAY);
  const rows: DemoRows = {
    settings: [], markets: [], fxRates: [], locations: [], registers: [], users: [], apiKeys: [], routingRules: [],
    categories: [], products: [], variants: [], barcodes: [], prices: [], customers: [], addresses: [],
    inventoryLevels: [], registerSessions: [], orders: [], orderLines: [], fulfillmentOrders: [],
    fulfillmentOrderLines: [], reservations: [], payments: [], shipments: [], returns: [], returnLines: [],
    refunds: [], cashMovements: [], movements: [], events: [], tasks: [], counters: [],
  };
  const marketByCode = new Map(MARKETS.map((m) => [m.code, m]));

  // ───────────── organisation ─────────────
  const org = root.fork("organisation");
  rows.settings.push({ id: 1, name: ORGANIZATION_NAME, reportingCurrency: "EUR", defaultLocale: "en", updatedAt: setupAt });
  for (const m of MARKETS) rows.markets.push({ code: m.code, name: m.name, currency: m.currency, countries: m.countries });
  const fx: [string, string, string][] = [
    ["PLN", "EUR", "0.2315000000"], ["EUR", "PLN", "4.3200000000"], ["SEK", "EUR", "0.0870000000"],
    ["EUR", "SEK", "11.4900000000"], ["PLN", "SEK", "2.6600000000"], ["SEK", "PLN", "0.3760000000"],
  ];
  for (const [base, quote, rate] of fx) rows.fxRates.push({ base, quote, rate, asOf: now, updatedAt: now });

  const locations: Loc[] = LOCATIONS.map((spec) => {
    const market = marketByCode.get(spec.market)!;
    const loc: Loc = { id: org.uuid(), spec, market, name: spec.name };
    rows.locations.push({
      id: loc.id,
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      marketCode: market.code,
      addressLine1: spec.addressLine1,
      city: spec.city,
      postalCode: spec.postalCode,
      region: spec.region,
      countryCode: market.countryCode,
      phone: spec.phone,
      email: `${spec.code.toLowerCase()}@northwind-outfitters.example`,
      latitude: spec.latitude,
      longitude: spec.longitude,
      timeZone: market.timeZone,
      currency: market.currency,
      locale: market.locale,
      taxRateBps: market.taxRateBps,
      reducedTaxRateBps: market.reducedTaxRateBps,
      pricesIncludeTax: true,
      // Cash totals round to the smallest coin in circulation (SEK: 1 krona; docs/pos.md).
      cashRoundingIncrement: Math.min(...market.denominations),
      fulfillmentTypes: spec.fulfillmentTypes,
      openingHours: spec.openingHours,
      dailyCapacity: spec.dailyCapacity,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
    return loc;
  });
  const locByCode = new Map(locations.map((l) => [l.spec.code, l]));
  const stores = locations.filter((l) => l.spec.kind === "STORE");
  const warehouse = locations.find((l) => l.spec.kind === "WAREHOUSE")!;
  const dropship = locations.find((l) => l.spec.kind === "DROPSHIP_SUPPLIER")!;

  const registersByStore = new Map<string, string[]>();
  for (const store of stores) {
    const ids = [org.uuid(), org.uuid()];
    registersByStore.set(store.id, ids);
    // Both registers share the store's simulated card reader (payments: simulatedReaderId).
    ids.forEach((id, i) => rows.registers.push({ id, locationId: store.id, code: `R${i + 1}`, name: `Register ${i + 1}`, readerId: `tmr_sim_${store.id}` }));
  }

  // People: names from the market's lists, e-mails and roles from demoSignIns.
  const staffByLocation = new Map<string, { managers: Person[]; cashiers: Person[]; pickers: Person[] }>();
  const usedStaffNames = new Set<string>();
  const personName = (rng: Rng, market: string, used?: Set<string>): { first: string; last: string } => {
    for (;;) {
      const female = rng.chance(0.5);
      const firsts = FIRST_NAMES[market]!;
      const first = female ? firsts[rng.int(0, 9)]! : firsts[rng.int(10, 19)]!;
      const pair = rng.pick(LAST_NAMES[market]!);
      const last = female ? pair[0] : pair[1];
      if (!used || !used.has(`${first} ${last}`)) {
        used?.add(`${first} ${last}`);
        return { first, last };
      }
    }
  };
  let adminId = "";
  for (const signIn of demoSignIns) {
    const loc = signIn.location ? locByCode.get(signIn.location)! : null;
    const { first, last } = personName(org, loc?.market.code ?? "PL", usedStaffNames);
    const person: Person = { id: org.uuid(), name: `${first} ${last}` };
    rows.users.push({
      id: person.id,
      email: signIn.email,
      name: person.name,
      role: signIn.role,
      homeLocationId: loc?.id ?? null,
      passwordHash: options.passwordHash,
      pinHash: signIn.pin ? options.pinHash : null,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
    if (!loc) {
      adminId = person.id;
      continue;
    }
    const staff = staffByLocation.get(loc.id) ?? { managers: [], cashiers: [], pickers: [] };
    staffByLocation.set(loc.id, staff);
    if (signIn.role === "MANAGER") staff.managers.push(person);
    else if (signIn.role === "CASHIER") staff.cashiers.push(person);
    else staff.pickers.push(person);
  }
  const staffAt = (loc: Loc) =>
    staffByLocation.get(loc.id) ?? staffByLocation.get(warehouse.id)!;

  const apiKeyId = org.uuid();
  rows.apiKeys.push({
    id: apiKeyId,
    name: "Web shop (demo)",
    prefix: DEMO_WEB_API_KEY_PREFIX,
    secretHash: options.apiKeySecretHash,
    channel: "WEB",
    scopes: ["orders:write", "orders:read", "catalog:read", "inventory:read"],
    createdById: adminId,
    createdAt: setupAt,
  });

  const defaultFilters = { stayInMarket: true, requireFullStock: false, maxDistanceKm: null, respectCapacity: true, locationKinds: ["STORE", "WAREHOUSE"] };
  rows.routingRules.push({
    id: org.uuid(),
    name: "Same-day delivery: one store within 30 km",
    priority: 10,
    fulfillmentType: "DELIVERY",
    filters: { ...defaultFilters, requireFullStock: true, maxDistanceKm: 30, locationKinds: ["STORE"] },
    ranking: ["DISTANCE", "STOCK_DEPTH"],
    splitPolicy: "NEVER",
    fallbacks: [],
    createdAt: setupAt,
    updatedAt: setupAt,
  });
  rows.routingRules.push({
    id: org.uuid(),
    name: "Marketplace orders in Poland ship from the warehouse",
    priority: 20,
    marketCode: "PL",
    channel: "MARKETPLACE",
    filters: { ...defaultFilters, locationKinds: ["WAREHOUSE"] },
    ranking: ["STOCK_DEPTH", "LOAD"],
    splitPolicy: "WHEN_NEEDED",
    fallbacks: ["BACKORDER", "DROPSHIP"],
    createdAt: setupAt,
    updatedAt: setupAt,
  });
  MARKETS.forEach((m, i) =>
    rows.routingRules.push({
      id: org.uuid(),
      name: `Default ${m.name}: stay in market, nearest first`,
      priority: 100 + i,
      marketCode: m.code,
      filters: defaultFilters,
      ranking: ["DISTANCE", "STOCK_DEPTH", "LOAD"],
      splitPolicy: "WHEN_NEEDED",
      fallbacks: ["BACKORDER", "DROPSHIP"],
      createdAt: setupAt,
      updatedAt: setupAt,
    }),
  );

  // ───────────── catalog ─────────────
  const productCount = Math.max(20, Math.round(300 * scale));
  const catalog = buildCatalog(root.fork("catalog"), productCount, MARKETS.map((m) => m.currency), setupAt);
  rows.categories = catalog.categories;
  rows.products = catalog.products;
  rows.variants = catalog.variants;
  rows.barcodes = catalog.barcodes;
  rows.prices = catalog.prices;

  // ───────────── customers ─────────────
  const cust = root.fork("customers");
  const customers: CustomerInfo[] = [];
  const usedEmails = new Set<string>();
  const customerCount = Math.max(30, Math.round(400 * scale));
  const phoneFor = (rng: Rng, market: MarketSpec): string => {
    if (market.code === "PL") return `+48${rng.pick(["5", "6", "7"])}${rng.digits(8)}`;
    if (market.code === "DE") return `+49${rng.pick(["151", "160", "170", "176"])}${rng.digits(8)}`;
    return `+467${rng.pick(["0", "2", "3", "6"])}${rng.digits(7)}`;
  };
  for (let i = 0; i < customerCount; i++) {
    const market = cust.weighted(MARKETS.map((m) => [m, m.code === "PL" ? 50 : m.code === "DE" ? 35 : 15] as const));
    const city = cust.weighted(CITIES.filter((c) => c.market === market.code).map((c) => [c, c.weight] as const));
    const { first, last } = personName(cust, market.code);
    const domain = cust.pick(["example.com", "example.net", "example.org"]);
    let email = `${slugify(first)}.${slugify(last)}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${slugify(first)}.${slugify(last)}${n}@${domain}`;
    usedEmails.add(email);
    const id = cust.uuid();
    const phone = phoneFor(cust, market);
    const street = cust.pick(STREETS[market.code]!);
    const houseNo = market.code === "PL" && cust.chance(0.6) ? `${cust.int(1, 120)}/${cust.int(1, 40)}` : String(cust.int(1, 140));
    const latitude = Math.round((city.latitude + (cust.float() - 0.5) * 0.08) * 1e6) / 1e6;
    const longitude = Math.round((city.longitude + (cust.float() - 0.5) * 0.12) * 1e6) / 1e6;
    const postalCode = city.postal(cust.int(0, 99), cust.int(0, 999));
    const name = `${first} ${last}`;
    const createdAt = at(nowMs - cust.int(95, 700) * DAY - cust.int(0, 23) * HOUR);
    rows.customers.push({
      id, email, phone, firstName: first, lastName: last, marketingOptIn: cust.chance(0.4),
      note: cust.chance(0.04) ? "Prefers to be called, not e-mailed." : null,
      createdAt, updatedAt: createdAt,
    });
    const line1 = `${street} ${houseNo}`;
    rows.addresses.push({
      id: cust.uuid(), customerId: id, label: "Home", name, line1, city: city.name, postalCode, region: city.region,
      countryCode: market.countryCode, phone, latitude, longitude, isDefault: true,
    });
    if (cust.chance(0.12)) {
      rows.addresses.push({
        id: cust.uuid(), customerId: id, label: "Work", name, line1: `${cust.pick(STREETS[market.code]!)} ${cust.int(1, 90)}`,
        city: city.name, postalCode: city.postal(cust.int(0, 99), cust.int(0, 999)), region: city.region,
        countryCode: market.countryCode, phone, latitude: city.latitude, longitude: city.longitude, isDefault: false,
      });
    }
    customers.push({
      id, name, email, phone, market, city, latitude, longitude,
      address: { name, line1, line2: null, city: city.name, postalCode, region: city.region, countryCode: market.countryCode, phone, latitude, longitude },
    });
  }

  // ───────────── stock plan (final quantities; the ledger is written at the end) ─────────────
  const stock = root.fork("stock");
  const levels = new Map<string, LevelState>();
  const stockedAt = new Map<string, CatalogVariant[]>();
  const dropshipCategories = new Set(["tents-shelters", "sleeping", "backpacks-bags", "camp-kitchen", "footwear"]);
  const binFor = (rng: Rng, aisles: string) => `${rng.pick(aisles.split(""))}-${String(rng.int(1, 12)).padStart(2, "0")}-${rng.int(1, 4)}`;
  const addLevel = (loc: Loc, variant: CatalogVariant, rng: Rng, target: number, reorderPoint: number, safetyStock: number, bin: string | null) => {
    const level: LevelState = { id: rng.uuid(), locationId: loc.id, variantId: variant.id, target, safetyStock, reorderPoint, bin, reserved: 0, delta: 0, consumed: 0 };
    levels.set(`${loc.id}|${variant.id}`, level);
    return level;
  };
  for (const loc of locations) {
    const list: CatalogVariant[] = [];
    for (const variant of catalog.catalog) {
      if (loc.spec.kind === "WAREHOUSE") {
        if (!stock.chance(0.95)) continue;
        addLevel(loc, variant, stock, stock.int(5, 40) * variant.popularity, 15, stock.int(0, 2), binFor(stock, "ABCDEFGH"));
      } else if (loc.spec.kind === "DROPSHIP_SUPPLIER") {
        if (!dropshipCategories.has(variant.category.slug) || !stock.chance(0.9)) continue;
        addLevel(loc, variant, stock, stock.int(20, 200), 0, 0, null);
      } else {
        if (!stock.chance(0.82)) continue;
        const reorderPoint = stock.int(2, 5);
        const band = stock.float();
        const target = band < 0.07 ? 0 : band < 0.19 ? stock.int(1, reorderPoint - 1) : stock.int(reorderPoint, reorderPoint + 6 * variant.popularity);
        addLevel(loc, variant, stock, target, reorderPoint, stock.int(0, 2), binFor(stock, "ABCD"));
      }
      // Popular items appear more often in baskets.
      for (let k = 0; k < variant.popularity; k++) list.push(variant);
    }
    stockedAt.set(loc.id, list);
  }
  const levelFor = (loc: Loc, variant: CatalogVariant): LevelState =>
    levels.get(`${loc.id}|${variant.id}`) ?? addLevel(loc, variant, stock, 0, loc.spec.kind === "STORE" ? 2 : 0, 0, null);

  // ───────────── order plans ─────────────
  const plans: OrderPlan[] = [];
  const pl = root.fork("order-plans");
  const pickLines = (rng: Rng, loc: Loc, count: number) => {
    const stocked = stockedAt.get(loc.id)!;
    const pool = stocked.length > 0 ? stocked : catalog.catalog;
    const chosen = new Map<string, { variant: CatalogVariant; quantity: number; discount: number }>();
    for (let i = 0; i < count; i++) {
      const variant = rng.pick(pool);
      if (chosen.has(variant.id)) continue;
      const quantity = variant.category.sizes === "none" && rng.chance(0.25) ? rng.int(2, 3) : rng.chance(0.1) ? 2 : 1;
      chosen.set(variant.id, { variant, quantity, discount: 0 });
    }
    return [...chosen.values()];
  };
  const customersByMarket = new Map(MARKETS.map((m) => [m.code, customers.filter((c) => c.market.code === m.code)]));
  const nearestStore = (c: CustomerInfo, type: FulfillmentType): Loc | null => {
    const options = stores.filter((s) => s.market.code === c.market.code && s.spec.fulfillmentTypes.includes(type));
    if (options.length === 0) return null;
    return options.reduce((best, s) => (haversineKm(c, s.spec) < haversineKm(c, best.spec) ? s : best));
  };
  const shipFrom = (rng: Rng, market: MarketSpec): Loc => {
    if (market.code === "PL") return rng.weighted([[warehouse, 85], [dropship, 5], [locByCode.get("WAW1")!, 6], [locByCode.get("KRK1")!, 4]] as const);
    if (market.code === "DE") return rng.weighted([[locByCode.get("BER1")!, 6], [locByCode.get("HAM1")!, 4]] as const);
    return locByCode.get("STO1")!;
  };
  const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;
  const lineCount = (rng: Rng) => rng.weighted([[1, 5], [2, 3], [3, 2], [4, 1]] as const);

  const historical = Math.max(40, Math.round(600 * scale));
  for (let i = 0; i < historical; i++) {
    const channel = pl.weighted<Channel>([["POS", 46], ["WEB", 30], ["MARKETPLACE", 10], ["SOCIAL", 6], ["PHONE", 8]]);
    if (channel === "POS") {
      const store = pl.weighted(stores.map((s) => [s, s.spec.footfall] as const));
      let day = dayStart(nowMs) - pl.int(1, 90) * DAY;
      // Shops in Poland and Germany do not trade on Sundays.
      if (new Date(day).getUTCDay() === 0 && store.market.code !== "SE") day -= DAY;
      const placedAt = at(day + pl.int(8, 17) * HOUR + pl.int(0, 59) * MINUTE);
      const market = store.market;
      const known = pl.chance(0.3) ? pl.pick(customersByMarket.get(market.code)!) : null;
      const lines = pickLines(pl, store, lineCount(pl));
      // Staff discount or a damaged-box markdown now and then.
      for (const line of lines) if (pl.chance(0.08)) line.discount = Math.round((line.variant.prices[market.currency]! * line.quantity * pl.pick([10, 15, 20])) / 100);
      plans.push({ channel, placedAt, market, type: "CARRY_OUT", location: store, customer: known, outcome: "COMPLETED", payAtPickup: false, lines });
      continue;
    }
    const customer = pl.pick(customers);
    const market = customer.market;
    let type: FulfillmentType =
      channel === "MARKETPLACE" ? "SHIP"
      : channel === "WEB" ? pl.weighted<FulfillmentType>([["SHIP", 55], ["PICKUP", 35], ["DELIVERY", 10]])
      : channel === "SOCIAL" ? pl.weighted<FulfillmentType>([["SHIP", 70], ["PICKUP", 30]])
      : pl.weighted<FulfillmentType>([["SHIP", 40], ["PICKUP", 40], ["DELIVERY", 20]]);
    let location: Loc | null = null;
    if (type === "DELIVERY") {
      location = stores.find((s) => s.spec.city === customer.city.name && s.spec.fulfillmentTypes.includes("DELIVERY")) ?? null;
      if (!location) type = "SHIP";
    }
    if (type === "PICKUP") location = nearestStore(customer, "PICKUP");
    if (type === "SHIP") location = shipFrom(pl, market);
    const daysAgo = pl.int(3, 90);
    const placedAt = at(dayStart(nowMs) - daysAgo * DAY + pl.int(0, 23) * HOUR + pl.int(0, 59) * MINUTE);
    const outcome: Outcome = pl.chance(0.07) ? "CANCELLED" : type !== "PICKUP" && daysAgo <= 6 && pl.chance(0.5) ? "FULFILLED" : "COMPLETED";
    const lines = pickLines(pl, location!, lineCount(pl));
    plans.push({ channel, placedAt, market, type, location: location!, customer, outcome, payAtPickup: false, lines });
  }

  // Open work for every store and the warehouse, placed in the last two days.
  const open = root.fork("open-orders");
  const openAt = () => at(nowMs - open.int(5, 44) * HOUR - open.int(0, 59) * MINUTE);
  const localCustomer = (loc: Loc) => {
    const pool = customersByMarket.get(loc.market.code)!;
    const sameCity = pool.filter((c) => c.city.name === loc.spec.city);
    return open.pick(sameCity.length > 0 ? sameCity : pool);
  };
  const openPlan = (loc: Loc, channel: Channel, type: FulfillmentType, outcome: Outcome, payAtPickup = false) => {
    plans.push({
      channel, placedAt: openAt(), market: loc.market, type, location: loc, customer: localCustomer(loc), outcome, payAtPickup,
      lines: pickLines(open, loc, lineCount(open)), holdReason: open.int(0, 3),
    });
  };
  for (const store of stores) {
    openPlan(store, "WEB", "PICKUP", "ALLOCATED");
    openPlan(store, "PHONE", "PICKUP", "ALLOCATED", true);
    openPlan(store, "WEB", "PICKUP", "PICKING");
    openPlan(store, "WEB", "PICKUP", "READY", open.chance(0.5));
    openPlan(store, "WEB", "PICKUP", "ON_HOLD");
    if (store.spec.fulfillmentTypes.includes("SHIP")) openPlan(store, "SOCIAL", "SHIP", "ALLOCATED");
    if (store.spec.fulfillmentTypes.includes("DELIVERY")) openPlan(store, "PHONE", "DELIVERY", "PACKED");
  }
  for (const channel of ["WEB", "WEB", "MARKETPLACE", "SOCIAL", "PHONE"] as const) openPlan(warehouse, channel, "SHIP", "ALLOCATED");
  openPlan(warehouse, "WEB", "SHIP", "PICKING");
  openPlan(warehouse, "MARKETPLACE", "SHIP", "PICKING");
  openPlan(warehouse, "WEB", "SHIP", "PACKED");
  openPlan(warehouse, "WEB", "SHIP", "ON_HOLD");
  openPlan(warehouse, "MARKETPLACE", "SHIP", "ON_HOLD");
  openPlan(dropship, "WEB", "SHIP", "ALLOCATED");

  plans.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());

  // ───────────── orders ─────────────
  const ord = root.fork("orders");
  const seq = new Map<string, number>();
  const nextSeq = (name: string, start: number) => {
    const value = (seq.get(name) ?? start) + 1;
    seq.set(name, value);
    return value;
  };
  const money = (amount: number, currency: string) => formatMoney(amount, currency, "en");
  const event = (orderId: string, time: number, type: string, message: string, actor: { kind: "USER" | "API_KEY" | "SYSTEM"; id: string | null }, data: Prisma.InputJsonObject = {}) =>
    rows.events.push({ orderId, type, message, data, actorKind: actor.kind, actorId: actor.id, createdAt: at(time) });
  const movement = (
    loc: Loc, variant: CatalogVariant, kind: "SALE" | "SHIPMENT" | "PICKUP_HANDOVER" | "RETURN_RESTOCK", quantity: number, time: number,
    refs: { orderId: string; fulfillmentOrderId?: string; returnId?: string }, actorId: string | null,
  ) => {
    const level = levelFor(loc, variant);
    level.delta += quantity;
    if (quantity < 0) level.consumed -= quantity;
    rows.movements.push({
      variantId: variant.id, locationId: loc.id, kind, quantity, orderId: refs.orderId,
      fulfillmentOrderId: refs.fulfillmentOrderId ?? null, returnId: refs.returnId ?? null,
      actorKind: actorId ? "USER" : "SYSTEM", actorId, createdAt: at(time),
    });
  };

  // One register session per store and trading day, opened in the morning, closed at night.
  interface SessionState { id: string; loc: Loc; day: number; openedBy: Person; closedBy: Person; cash: number }
  const sessions = new Map<string, SessionState>();
  const sessionRng = root.fork("registers");
  const sessionFor = (loc: Loc, time: number): SessionState => {
    const day = dayStart(time);
    const key = `${loc.id}|${day}`;
    let session = sessions.get(key);
    if (!session) {
      const staff = staffAt(loc);
      session = { id: sessionRng.uuid(), loc, day, openedBy: sessionRng.pick(staff.cashiers), closedBy: sessionRng.pick([...staff.cashiers, ...staff.managers]), cash: 0 };
      sessions.set(key, session);
    }
    return session;
  };

  const carrierNames: Record<string, string> = { PL: "InPost", DE: "DHL", SE: "PostNord" };
  const tracking = (rng: Rng, market: MarketSpec) =>
    market.code === "PL" ? rng.digits(24) : market.code === "DE" ? `00340434${rng.digits(12)}` : `UA${rng.digits(9)}SE`;
  const holdReasons = [
    { code: "ADDRESS_INCOMPLETE", title: "Check the delivery address", text: (o: string, c: CustomerInfo) => `The address on ${o} has no house or flat number. Call ${c.name} on ${c.phone}, add the missing number to the address, then release the order.` },
    { code: "HIGH_VALUE_ORDER", title: "Confirm a large order", text: (o: string, c: CustomerInfo) => `${o} from ${c.name} is above the review limit. Check that the name on the payment matches the customer (call ${c.phone} if unsure), then release or cancel the order.` },
    { code: "POSSIBLE_DUPLICATE", title: "Possible duplicate order", text: (o: string, c: CustomerInfo) => `${c.name} placed a very similar order a few minutes before ${o}. Ask the customer (${c.email}) whether they want both; cancel this one if not, otherwise release it.` },
    { code: "PAYMENT_REVIEW", title: "Payment needs a review", text: (o: string, c: CustomerInfo) => `The card issuer flagged the payment for ${o} for review. Confirm with ${c.name} on ${c.phone} that they placed the order, then release it; cancel it if they did not.` },
  ];

  // Counter names and formats as in core/orders (nextOrderNumber) and core/returns.
  const channelPrefix = { WEB: "W", MARKETPLACE: "M", SOCIAL: "S", PHONE: "P" } as const;
  const built: BuiltOrder[] = [];
  const lineRows = new Map<string, Prisma.OrderLineCreateManyInput>();
  const pushLine = (line: Prisma.OrderLineCreateManyInput & { id: string }) => {
    rows.orderLines.push(line);
    lineRows.set(line.id, line);
  };
  for (const plan of plans) {
    const { market, location: loc, channel, type, customer } = plan;
    const currency = market.currency;
    const placed = plan.placedAt.getTime();
    const orderId = ord.uuid();
    const number =
      channel === "POS"
        ? `${loc.spec.code}-${String(nextSeq(`order:${loc.spec.code}`, 0)).padStart(6, "0")}`
        : `${channelPrefix[channel]}-${nextSeq(`order:${channelPrefix[channel]}`, 100000)}`;
    const staff = staffAt(loc);
    const cashier = channel === "POS" ? ord.pick(staff.cashiers) : null;
    const phoneAgent = channel === "PHONE" ? staffAt(stores.find((s) => s.market.code === market.code)!).managers[0]! : null;
    const placedBy = cashier ?? phoneAgent;
    const placedActor = placedBy
      ? { kind: "USER" as const, id: placedBy.id }
      : channel === "WEB" ? { kind: "API_KEY" as const, id: apiKeyId } : { kind: "SYSTEM" as const, id: null };
    const system = { kind: "SYSTEM" as const, id: null };

    const lines: BuiltLine[] = plan.lines.map((l) => {
      const unitPrice = l.variant.prices[currency]!;
      const total = unitPrice * l.quantity - l.discount;
      return {
        id: ord.uuid(), variant: l.variant, quantity: l.quantity, unitPrice, discount: l.discount, total,
        taxRateBps: l.variant.taxCategory === "REDUCED" ? market.reducedTaxRateBps : market.taxRateBps, quantityReturned: 0,
      };
    });
    const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
    const discountTotal = lines.reduce((s, l) => s + l.discount, 0);
    const goods = subtotal - discountTotal;
    const shippingTotal = type === "SHIP" ? (goods >= market.freeShippingFrom ? 0 : market.shippingFee) : type === "DELIVERY" ? market.deliveryFee : 0;
    const taxTotal = lines.reduce((s, l) => s + includedTax(l.total, l.taxRateBps), 0) + includedTax(shippingTotal, market.taxRateBps);
    const total = goods + shippingTotal;
    const promisedAt = type === "PICKUP" ? placed + 4 * HOUR : type === "SHIP" ? placed + 2 * DAY : type === "DELIVERY" ? placed + 8 * HOUR : placed;

    const externalId =
      channel === "MARKETPLACE" ? `${market.code === "PL" ? "ALG" : "AMZ"}-${ord.digits(10)}`
      : channel === "SOCIAL" ? `IG-${ord.digits(12)}`
      : channel === "WEB" ? `shop-${ord.digits(8)}`
      : null;

    const order: Prisma.OrderCreateManyInput = {
      id: orderId, number, channel, externalId, apiKeyId: channel === "WEB" ? apiKeyId : null,
      customerId: customer?.id ?? null, customerName: customer?.name ?? null, email: customer?.email ?? null, phone: customer?.phone ?? null,
      originLocationId: channel === "POS" ? loc.id : null, currency, subtotal, discountTotal, taxTotal, shippingTotal, total,
      pricesIncludeTax: true, status: "COMPLETED", paymentStatus: "PAID",
      shippingAddress: (type === "SHIP" || type === "DELIVERY") && customer ? customer.address : undefined,
      promisedAt: at(promisedAt), placedAt: plan.placedAt, createdById: placedBy?.id ?? null, updatedAt: plan.placedAt,
    };
    rows.orders.push(order);
    lines.forEach((l, i) =>
      pushLine({
        id: l.id, orderId, lineNo: i + 1, variantId: l.variant.id, sku: l.variant.sku, name: `${l.variant.productName} — ${l.variant.name}`,
        quantity: l.quantity, unitPrice: l.unitPrice, discountTotal: l.discount, taxRateBps: l.taxRateBps,
        taxTotal: includedTax(l.total, l.taxRateBps), total: l.total,
      }),
    );
    const channelText = { POS: `Sale rung up at ${loc.spec.code}`, WEB: "Order placed on the web shop", MARKETPLACE: `Order received from ${market.code === "PL" ? "Allegro" : "Amazon"}`, SOCIAL: "Order placed through the Instagram shop", PHONE: "Order taken by phone" }[channel];
    event(orderId, placed, "order.created", `${channelText}: ${lines.length} line(s), ${money(total, currency)}`, placedActor, { total, currency });

    const result: BuiltOrder = { id: orderId, number, plan, lines, row: order, payment: null, completedAt: null, foId: null, cashier };
    built.push(result);

    // Payment
    let payment: Prisma.PaymentCreateManyInput | null = null;
    if (channel === "POS") {
      const cash = ord.chance(market.code === "SE" ? 0.1 : 0.35);
      const session = sessionFor(loc, placed);
      order.registerSessionId = session.id;
      const step = currency === "SEK" ? 10000 : currency === "EUR" ? ord.pick([500, 1000, 2000, 5000]) : ord.pick([1000, 5000, 10000]);
      const tendered = cash ? Math.ceil(total / step) * step : null;
      payment = {
        id: ord.uuid(), orderId, provider: cash ? "CASH" : "SIMULATED", method: cash ? "CASH" : "CARD", status: "CAPTURED", currency,
        amount: total, amountCaptured: total, tendered, changeGiven: tendered !== null ? tendered - total : null,
        reference: cash ? null : `sim_term_${ord.digits(12)}`, registerSessionId: session.id, createdAt: plan.placedAt, updatedAt: plan.placedAt,
      };
      if (cash) {
        session.cash += total;
        rows.cashMovements.push({ id: sessionRng.uuid(), registerSessionId: session.id, kind: "SALE", amount: total, paymentId: payment.id, actorId: cashier!.id, createdAt: plan.placedAt });
      }
      event(orderId, placed + MINUTE, "payment.captured", cash ? `Cash payment of ${money(total, currency)}: ${money(tendered!, currency)} tendered, ${money(tendered! - total, currency)} change` : `Card payment of ${money(total, currency)} approved`, placedActor);
    } else if (!plan.payAtPickup) {
      const external = channel === "MARKETPLACE";
      payment = {
        id: ord.uuid(), orderId, provider: external ? "EXTERNAL" : "SIMULATED", method: external ? "OTHER" : channel === "PHONE" && ord.chance(0.3) ? "BANK_TRANSFER" : "CARD",
        status: external ? "CAPTURED" : "AUTHORIZED", currency, amount: total, amountCaptured: external ? total : 0,
        reference: external ? externalId : `sim_pi_${ord.digits(16)}`, createdAt: at(placed + MINUTE), updatedAt: at(placed + MINUTE),
      };
      event(orderId, placed + MINUTE, external ? "payment.captured" : "payment.authorized", external ? `Paid on the marketplace: ${money(total, currency)}` : `Payment of ${money(total, currency)} authorized`, system);
    }
    result.payment = payment;
    if (payment) rows.payments.push(payment);
    const capture = (time: number) => {
      if (payment && payment.status === "AUTHORIZED") {
        payment.status = "CAPTURED";
        payment.amountCaptured = total;
        payment.updatedAt = at(time);
        event(orderId, time, "payment.captured", `Payment of ${money(total, currency)} captured`, system);
      }
    };

    const finish = (time: number) => {
      order.status = "COMPLETED";
      order.paymentStatus = "PAID";
      order.completedAt = at(time);
      order.updatedAt = at(time);
      result.completedAt = at(time);
      lines.forEach((l) => (lineRows.get(l.id)!.quantityFulfilled = l.quantity));
      event(orderId, time + MINUTE, "order.completed", "Order complete", system);
    };

    if (plan.outcome === "ON_HOLD") {
      const reason = holdReasons[(plan.holdReason ?? 0) % holdReasons.length]!;
      order.status = "ON_HOLD";
      order.paymentStatus = payment ? "AUTHORIZED" : "PAY_AT_PICKUP";
      order.isLate = false;
      event(orderId, placed + 2 * MINUTE, "order.on_hold", `Held for validation: ${reason.title.toLowerCase()}`, system, { code: reason.code });
      const atStore = type === "PICKUP" && loc.spec.kind === "STORE";
      rows.tasks.push({
        id: ord.uuid(), kind: "VALIDATION", title: `${reason.title}: ${number}`, instruction: reason.text(number, customer!), code: reason.code,
        data: { orderNumber: number }, assigneeRole: atStore ? "MANAGER" : "ADMIN", locationId: atStore ? loc.id : null, orderId,
        status: "OPEN", dueAt: at(placed + 4 * HOUR), createdAt: at(placed + 2 * MINUTE), updatedAt: at(placed + 2 * MINUTE),
      });
      continue;
    }

    // Fulfillment order
    const foId = ord.uuid();
    result.foId = foId;
    const allocatedAt = channel === "POS" ? placed : placed + 5 * MINUTE;
    const fo: Prisma.FulfillmentOrderCreateManyInput = {
      id: foId, number: `${number}-F1`, orderId, locationId: loc.id, type, status: "NEW", promisedAt: at(promisedAt),
      createdAt: at(allocatedAt), updatedAt: at(allocatedAt),
    };
    rows.fulfillmentOrders.push(fo);
    const foLineIds = lines.map(() => ord.uuid());
    lines.forEach((l, i) => rows.fulfillmentOrderLines.push({ id: foLineIds[i]!, fulfillmentOrderId: foId, orderLineId: l.id, variantId: l.variant.id, quantity: l.quantity }));
    const foLine = (i: number) => rows.fulfillmentOrderLines[rows.fulfillmentOrderLines.length - lines.length + i]!;
    const typeText = { CARRY_OUT: "carry-out", PICKUP: "pickup", SHIP: "shipping", DELIVERY: "same-day delivery" }[type];
    const reserve = (status: "ACTIVE" | "RELEASED" | "COMMITTED", time: number) =>
      lines.forEach((l, i) => {
        if (status === "ACTIVE") levelFor(loc, l.variant).reserved += l.quantity;
        rows.reservations.push({
          id: ord.uuid(), variantId: l.variant.id, locationId: loc.id, quantity: l.quantity, status, orderId, fulfillmentOrderLineId: foLineIds[i]!,
          createdAt: at(allocatedAt), updatedAt: at(time),
        });
      });

    if (channel === "POS") {
      fo.status = "PICKED_UP";
      fo.pickedUpAt = plan.placedAt;
      lines.forEach((l, i) => {
        foLine(i).quantityPicked = l.quantity;
        foLine(i).quantityFulfilled = l.quantity;
        movement(loc, l.variant, "SALE", -l.quantity, placed, { orderId, fulfillmentOrderId: foId }, cashier!.id);
      });
      lines.forEach((l) => (lineRows.get(l.id)!.quantityFulfilled = l.quantity));
      order.completedAt = plan.placedAt;
      result.completedAt = plan.placedAt;
      event(orderId, placed + MINUTE, "order.completed", "Handed over at the till", placedActor);
      continue;
    }

    event(orderId, allocatedAt, "order.allocated", `Assigned to ${loc.name} for ${typeText}`, system, { locationId: loc.id, type });
    order.status = "ALLOCATED";
    order.paymentStatus = payment ? (payment.status === "CAPTURED" ? "PAID" : "AUTHORIZED") : "PAY_AT_PICKUP";

    if (plan.outcome === "CANCELLED") {
      const cancelledAt = allocatedAt + ord.int(1, 30) * HOUR;
      const reason = ord.pick(["The customer asked to cancel by e-mail.", "The payment was not confirmed within 48 hours.", "The customer ordered the wrong size and placed a new order.", "Duplicate of another order from the same customer."]);
      order.status = "CANCELLED";
      order.cancelledAt = at(cancelledAt);
      order.cancelReason = reason;
      order.updatedAt = at(cancelledAt);
      fo.status = "CANCELLED";
      fo.updatedAt = at(cancelledAt);
      reserve("RELEASED", cancelledAt);
      lines.forEach((l) => (lineRows.get(l.id)!.quantityCancelled = l.quantity));
      if (payment) {
        payment.status = payment.status === "CAPTURED" ? "REFUNDED" : "VOIDED";
        if (payment.status === "REFUNDED") {
          payment.amountRefunded = total;
          rows.refunds.push({ id: ord.uuid(), orderId, paymentId: payment.id, method: "ORIGINAL_PAYMENT", status: "SUCCEEDED", currency, amount: total, reason, createdAt: at(cancelledAt) });
        }
        order.paymentStatus = payment.status === "REFUNDED" ? "REFUNDED" : "VOIDED";
      }
      event(orderId, cancelledAt, "order.cancelled", `Cancelled: ${reason}`, { kind: "USER", id: staffAt(loc).managers[0]?.id ?? adminId });
      continue;
    }

    const picker = ord.pick(staff.pickers);
    const pickedAt = allocatedAt + ord.int(30, 90) * MINUTE;
    const packedAt = pickedAt + ord.int(20, 60) * MINUTE;
    if (plan.outcome === "ALLOCATED") {
      reserve("ACTIVE", allocatedAt);
      order.isLate = promisedAt < nowMs;
      if (loc.spec.kind !== "DROPSHIP_SUPPLIER") {
        rows.tasks.push({
          id: ord.uuid(), kind: "PICK", title: `Pick ${number}`, assigneeRole: "ASSOCIATE", locationId: loc.id, orderId, fulfillmentOrderId: foId,
          instruction: `Pick ${lines.reduce((s, l) => s + l.quantity, 0)} item(s) for ${number} (${typeText}${customer ? `, ${customer.name}` : ""}) and ${type === "PICKUP" ? "stage them on the pickup shelf" : "take them to the packing table"}.`,
          status: "OPEN", dueAt: at(promisedAt), createdAt: at(allocatedAt), updatedAt: at(allocatedAt),
        });
      }
      continue;
    }
    fo.claimedById = picker.id;
    fo.claimedAt = at(allocatedAt + 20 * MINUTE);
    event(orderId, allocatedAt + 20 * MINUTE, "fulfillment.picking", `${picker.name} started picking at ${loc.spec.code}`, { kind: "USER", id: picker.id });
    order.status = "IN_FULFILLMENT";
    if (plan.outcome === "PICKING") {
      fo.status = "PICKING";
      reserve("ACTIVE", allocatedAt);
      order.isLate = promisedAt < nowMs;
      continue;
    }
    lines.forEach((l, i) => (foLine(i).quantityPicked = l.quantity));
    if (type === "PICKUP") {
      const readyAt = packedAt;
      fo.readyAt = at(readyAt);
      fo.pickupCode = ord.digits(6);
      fo.stagingShelf = `P-${ord.int(1, 6)}`;
      fo.bagCount = ord.int(1, 2);
      event(orderId, readyAt, "fulfillment.ready_for_pickup", `Ready for pickup on shelf ${fo.stagingShelf}; customer notified`, { kind: "USER", id: picker.id });
      order.isLate = promisedAt < readyAt;
      if (plan.outcome === "READY") {
        fo.status = "READY_FOR_PICKUP";
        reserve("ACTIVE", readyAt);
        continue;
      }
      const pickedUpAt = readyAt + ord.int(3, 48) * HOUR;
      fo.status = "PICKED_UP";
      fo.pickedUpAt = at(pickedUpAt);
      const handedBy = ord.pick(staff.cashiers.length > 0 ? staff.cashiers : staff.pickers);
      if (!payment) {
        payment = {
          id: ord.uuid(), orderId, provider: "SIMULATED", method: "CARD", status: "CAPTURED", currency, amount: total, amountCaptured: total,
          reference: `sim_term_${ord.digits(12)}`, createdAt: at(pickedUpAt), updatedAt: at(pickedUpAt),
        };
        rows.payments.push(payment);
        result.payment = payment;
        event(orderId, pickedUpAt, "payment.captured", `Paid at pickup by card: ${money(total, currency)}`, { kind: "USER", id: handedBy.id });
      } else capture(pickedUpAt);
      reserve("COMMITTED", pickedUpAt);
      lines.forEach((l, i) => {
        foLine(i).quantityFulfilled = l.quantity;
        movement(loc, l.variant, "PICKUP_HANDOVER", -l.quantity, pickedUpAt, { orderId, fulfillmentOrderId: foId }, handedBy.id);
      });
      event(orderId, pickedUpAt, "fulfillment.picked_up", `Collected by ${customer?.name ?? "the customer"} (code checked)`, { kind: "USER", id: handedBy.id });
      finish(pickedUpAt);
      continue;
    }
    fo.bagCount = Math.min(ord.int(1, 3), lines.reduce((n, l) => n + l.quantity, 0));
    event(orderId, packedAt, "fulfillment.packed", `Packed in ${fo.bagCount} parcel(s)`, { kind: "USER", id: picker.id });
    if (plan.outcome === "PACKED") {
      fo.status = "PACKED";
      reserve("ACTIVE", packedAt);
      order.isLate = promisedAt < nowMs;
      continue;
    }
    // Shipped (SHIP by carrier, DELIVERY by the store's own courier).
    const shippedAt = type === "DELIVERY" ? packedAt + ord.int(1, 3) * HOUR : placed + ord.int(18, 30) * HOUR;
    fo.shippedAt = at(shippedAt);
    fo.status = "SHIPPED";
    capture(shippedAt);
    reserve("COMMITTED", shippedAt);
    lines.forEach((l, i) => {
      foLine(i).quantityFulfilled = l.quantity;
      movement(loc, l.variant, "SHIPMENT", -l.quantity, shippedAt, { orderId, fulfillmentOrderId: foId }, picker.id);
    });
    const carrier = type === "DELIVERY" ? "Northwind Courier" : carrierNames[market.code]!;
    const trackingNumber = type === "DELIVERY" ? `NWC-${ord.digits(8)}` : tracking(ord, market);
    const shipment: Prisma.ShipmentCreateManyInput = {
      id: ord.uuid(), fulfillmentOrderId: foId, carrier, service: type === "DELIVERY" ? "Same day" : market.carrier.service, trackingNumber,
      status: "IN_TRANSIT", weightGrams: lines.reduce((s, l) => s + l.quantity * 500, 200), shippedAt: at(shippedAt), createdAt: at(packedAt),
    };
    rows.shipments.push(shipment);
    event(orderId, shippedAt, "fulfillment.shipped", `Shipped with ${carrier}, tracking ${trackingNumber}`, { kind: "USER", id: picker.id }, { carrier, trackingNumber });
    const deliveredAt = type === "DELIVERY" ? shippedAt + ord.int(1, 4) * HOUR : shippedAt + ord.int(20, 60) * HOUR;
    order.isLate = shippedAt > promisedAt;
    if (plan.outcome === "FULFILLED" || deliveredAt >= nowMs - HOUR) {
      order.status = "FULFILLED";
      order.updatedAt = at(shippedAt);
      lines.forEach((l) => (lineRows.get(l.id)!.quantityFulfilled = l.quantity));
      continue;
    }
    fo.status = "DELIVERED";
    fo.deliveredAt = at(deliveredAt);
    shipment.status = "DELIVERED";
    shipment.deliveredAt = at(deliveredAt);
    event(orderId, deliveredAt, "fulfillment.delivered", `Delivered by ${carrier}`, system);
    finish(deliveredAt);

  }

  // ───────────── returns ─────────────
  const ret = root.fork("returns");
  const returnPlans: { order: BuiltOrder; time: number }[] = [];
  for (const order of built) {
    if (!order.completedAt || !ret.chance(0.08)) continue;
    const day = dayStart(order.completedAt.getTime()) + ret.int(1, 12) * DAY;
    const time = day + ret.int(9, 17) * HOUR + ret.int(0, 59) * MINUTE;
    if (time < nowMs - 2 * HOUR) returnPlans.push({ order, time });
  }
  returnPlans.sort((a, b) => a.time - b.time);
  let returnSeq = 0;
  const reasons = ["DOES_NOT_FIT", "DOES_NOT_FIT", "CHANGED_MIND", "NOT_AS_DESCRIBED", "DEFECTIVE", "DAMAGED", "WRONG_ITEM"] as const;
  for (const returnPlan of returnPlans) {
    const { order } = returnPlan;
    let { time } = returnPlan;
    const { plan, lines, payment } = order;
    if (!payment) continue;
    const currency = plan.market.currency;
    const returnLoc = plan.location.spec.kind === "DROPSHIP_SUPPLIER" ? warehouse : plan.location;
    const staff = staffAt(returnLoc);
    const clerk = ret.pick([...staff.cashiers, ...staff.managers]);
    const cash = payment.method === "CASH";
    // Cash refunds come out of the drawer: keep them to one unit the float can cover.
    const full = !cash && ret.chance(0.4);
    const returned = full ? lines.map((l) => ({ line: l, quantity: l.quantity })) : [{ line: ret.pick(lines), quantity: 1 }];
    if (cash && returned[0]!.line.total / returned[0]!.line.quantity > plan.market.openingFloat * 0.6) continue;
    // Shops in Poland and Germany are closed on Sundays.
    if (new Date(time).getUTCDay() === 0 && returnLoc.market.code !== "SE" && returnLoc.spec.kind === "STORE") time += DAY;
    if (time >= nowMs - 2 * HOUR) continue;
    const returnId = ret.uuid();
    returnSeq += 1;
    const number = `R-${String(returnSeq).padStart(6, "0")}`;
    let refundTotal = 0;
    for (const { line, quantity } of returned) {
      const reason = ret.pick(reasons);
      const condition = reason === "DAMAGED" || reason === "DEFECTIVE" ? "DAMAGED" : "SELLABLE";
      const refundAmount = quantity === line.quantity ? line.total : Math.floor((line.total * quantity) / line.quantity);
      refundTotal += refundAmount;
      line.quantityReturned += quantity;
      lineRows.get(line.id)!.quantityReturned = line.quantityReturned;
      rows.returnLines.push({ id: ret.uuid(), returnId, orderLineId: line.id, variantId: line.variant.id, quantity, reason, condition, refundAmount });
      if (condition === "SELLABLE") movement(returnLoc, line.variant, "RETURN_RESTOCK", quantity, time, { orderId: order.id, returnId }, clerk.id);
    }
    const allReturned = lines.every((l) => l.quantityReturned === l.quantity);
    if (allReturned) refundTotal += order.row.shippingTotal ?? 0;
    rows.returns.push({
      id: returnId, number, orderId: order.id, locationId: returnLoc.id, status: "COMPLETED", refundMethod: cash ? "CASH" : "ORIGINAL_PAYMENT",
      refundTotal, currency, createdById: clerk.id, createdAt: at(time), completedAt: at(time + 10 * MINUTE),
    });
    const refundId = ret.uuid();
    rows.refunds.push({
      id: refundId, orderId: order.id, paymentId: payment.id, returnId, method: cash ? "CASH" : "ORIGINAL_PAYMENT", status: "SUCCEEDED", currency,
      amount: refundTotal, reason: `Return ${number}`, reference: cash ? null : `sim_re_${ret.digits(16)}`, createdById: clerk.id, createdAt: at(time + 10 * MINUTE),
    });
    payment.amountRefunded = (payment.amountRefunded ?? 0) + refundTotal;
    payment.status = payment.amountRefunded === payment.amountCaptured ? "REFUNDED" : "PARTIALLY_REFUNDED";
    payment.updatedAt = at(time + 10 * MINUTE);
    order.row.status = allReturned ? "RETURNED" : "PARTIALLY_RETURNED";
    order.row.paymentStatus = payment.status === "REFUNDED" ? "REFUNDED" : "PARTIALLY_REFUNDED";
    order.row.updatedAt = at(time + 10 * MINUTE);
    if (cash) {
      const session = sessionFor(returnLoc, time);
      session.cash -= refundTotal;
      rows.cashMovements.push({ id: sessionRng.uuid(), registerSessionId: session.id, kind: "REFUND", amount: -refundTotal, refundId, actorId: clerk.id, createdAt: at(time + 10 * MINUTE) });
    }
    const units = returned.reduce((s, r) => s + r.quantity, 0);
    event(order.id, time, "return.completed", `Return ${number}: ${units} item(s) taken back at ${returnLoc.spec.code}`, { kind: "USER", id: clerk.id }, { returnId });
    event(order.id, time + 10 * MINUTE, "refund.succeeded", `Refunded ${money(refundTotal, currency)} ${cash ? "in cash" : "to the original payment"}`, { kind: "USER", id: clerk.id });
  }

  // ───────────── register sessions ─────────────
  const sessionList = [...sessions.values()].sort((a, b) => a.day - b.day || a.loc.spec.code.localeCompare(b.loc.spec.code));
  for (const s of sessionList) {
    const market = s.loc.market;
    const registers = registersByStore.get(s.loc.id)!;
    const openedAt = at(s.day + 7 * HOUR);
    const closedAt = at(s.day + 19 * HOUR + 30 * MINUTE);
    const expectedCash = market.openingFloat + s.cash;
    const variance = sessionRng.chance(0.85) ? 0 : sessionRng.pick([-1000, -200, -50, 50, 100, 600]);
    const countedCash = Math.max(0, expectedCash + variance);
    rows.registerSessions.push({
      id: s.id, registerId: registers[(s.day / DAY) % 2]!, locationId: s.loc.id, status: "CLOSED", currency: market.currency,
      openedById: s.openedBy.id, openedAt, openingCount: denominationCount(market.openingFloat, market.denominations.filter((d) => d <= market.openingFloat / 10)), openingFloat: market.openingFloat,
      closedById: s.closedBy.id, closedAt, closingCount: denominationCount(countedCash, market.denominations), expectedCash, countedCash,
      variance: countedCash - expectedCash,
      varianceNote: Math.abs(countedCash - expectedCash) > 500 ? (countedCash < expectedCash ? "Short at close: probably too much change given during the lunch rush." : "Over at close: a customer left without their change.") : null,
    });
    rows.cashMovements.push({ id: sessionRng.uuid(), registerSessionId: s.id, kind: "OPENING_FLOAT", amount: market.openingFloat, actorId: s.openedBy.id, createdAt: openedAt });
  }

  // ───────────── stock levels and the opening ledger ─────────────
  const initialAt = at(dayStart(nowMs) - 91 * DAY);
  const initialMovements: Prisma.InventoryMovementCreateManyInput[] = [];
  for (const level of levels.values()) {
    let onHand = Math.max(level.target, level.reserved > 0 ? level.reserved + stock.int(0, 2) : 0);
    // Opening stock covers every later sale, so the running balance never goes below zero.
    let initial = onHand - level.delta;
    if (initial < level.consumed) {
      initial = level.consumed;
      onHand = initial + level.delta;
    }
    rows.inventoryLevels.push({
      id: level.id, variantId: level.variantId, locationId: level.locationId, onHand, reserved: level.reserved, safetyStock: level.safetyStock,
      reorderPoint: level.reorderPoint, bin: level.bin, updatedAt: now,
    });
    if (initial > 0) {
      initialMovements.push({ variantId: level.variantId, locationId: level.locationId, kind: "INITIAL", quantity: initial, note: "Opening stock", actorKind: "SYSTEM", createdAt: initialAt });
    }
    level.target = onHand;
  }
  rows.movements = [...initialMovements, ...rows.movements].sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  rows.events.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());

  // Replenishment reminders where a store runs low.
  const tasksRng = root.fork("tasks");
  for (const store of stores) {
    const low = [...levels.values()].filter((l) => l.locationId === store.id && l.target > 0 && l.target < l.reorderPoint && l.reserved === 0);
    for (const level of tasksRng.sample(low, 2)) {
      const variant = catalog.catalog.find((v) => v.id === level.variantId)!;
      rows.tasks.push({
        id: tasksRng.uuid(), kind: "REPLENISHMENT", title: `Low stock: ${variant.productName} ${variant.name}`, assigneeRole: "MANAGER", locationId: store.id,
        instruction: `Only ${level.target} left of ${variant.productName} (${variant.name}, ${variant.sku}); the reorder point is ${level.reorderPoint}. Request a transfer from ${warehouse.spec.code} or check the back room.`,
        code: "BELOW_REORDER_POINT", data: { variantId: variant.id, onHand: level.target, reorderPoint: level.reorderPoint },
        status: "OPEN", createdAt: at(nowMs - tasksRng.int(1, 20) * HOUR), updatedAt: at(nowMs - HOUR),
      });
    }
  }

  // Counters continue the numbering where the demo history stops.
  for (const [name, value] of seq) rows.counters.push({ name, value });
  rows.counters.push({ name: "return", value: returnSeq });
  return rows;
}

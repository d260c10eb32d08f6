// Test data for the REST contract tests: a world of its own (own country code, so routing
// sees only these locations), priced variants with stock, and API keys.
import type { ApiScope, Channel } from "@oms/contracts";
import { changeOnHand, hashApiKeySecret } from "@oms/core";
import type { PrismaClient } from "@oms/db";
import { randomBytes } from "node:crypto";
import { createRateLimiter } from "./rate-limit.ts";
import { handleRestRequest } from "./handler.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;
let countrySeq = 0;
const nextCountry = () => {
  const n = countrySeq++ + Math.floor(Math.random() * 200);
  return String.fromCharCode(81 + (Math.floor(n / 26) % 10), 65 + (n % 26));
};

export async function createApiKeyRow(prisma: PrismaClient, options: { channel?: Channel; scopes?: ApiScope[]; revoked?: boolean } = {}) {
  const prefix = `t_${unique()}`;
  const token = `${prefix}.${randomBytes(16).toString("base64url")}`;
  const row = await prisma.apiKey.create({
    data: {
      name: "Test shop",
      prefix,
      secretHash: hashApiKeySecret(token),
      channel: options.channel ?? "WEB",
      scopes: options.scopes ?? ["catalog:read", "inventory:read", "orders:read", "orders:write"],
      revokedAt: options.revoked ? new Date() : null,
    },
  });
  return { ...row, token };
}

/** Stock per variant at [Warsaw store, Krakow store, warehouse]. */
export async function restWorld(prisma: PrismaClient, options: { stock?: number[][]; variants?: number } = {}) {
  const tag = unique();
  const country = nextCountry();
  const currency = "PLN";
  await prisma.organizationSettings.upsert({ where: { id: 1 }, update: {}, create: { id: 1, name: "Test retailer", reportingCurrency: currency } });
  const market = await prisma.market.create({ data: { code: `M${tag}`, name: "Test market", currency, countries: [country] } });
  const location = (name: string, kind: "STORE" | "WAREHOUSE", latitude: number, longitude: number, i: number) =>
    prisma.location.create({
      data: {
        code: `${name.slice(0, 3).toUpperCase()}${i}-${tag}`,
        name: `${name} ${tag}`,
        kind,
        marketCode: market.code,
        addressLine1: `Street ${i}`,
        city: name,
        postalCode: "00-001",
        countryCode: country,
        latitude,
        longitude,
        timeZone: "Europe/Warsaw",
        currency,
        locale: "pl-PL",
        taxRateBps: 2300,
        reducedTaxRateBps: 800,
        pricesIncludeTax: true,
        fulfillmentTypes: kind === "STORE" ? ["CARRY_OUT", "PICKUP", "SHIP", "DELIVERY"] : ["SHIP"],
        openingHours: {},
      },
    });
  const warsaw = await location("Warsaw", "STORE", 52.2297, 21.0122, 0);
  const krakow = await location("Krakow", "STORE", 50.0647, 19.945, 1);
  const warehouse = await location("Lodz warehouse", "WAREHOUSE", 51.7592, 19.456, 2);
  const category = await prisma.category.create({ data: { slug: `c-${tag}`, name: "Jackets" } });
  const product = await prisma.product.create({ data: { handle: `p-${tag}`, name: `Trail Jacket ${tag}`, categoryId: category.id } });
  const variants = [];
  for (let i = 0; i < (options.variants ?? 2); i++) {
    variants.push(
      await prisma.variant.create({
        data: {
          productId: product.id,
          sku: `SKU-${tag}-${i}`,
          name: `Size ${i}`,
          prices: { create: [{ currency, amount: 10_000 }, { currency: "EUR", amount: 2_500 }] },
          barcodes: { create: { code: `590${tag}${i}` } },
        },
      }),
    );
  }
  const ctx = { db: prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
  const locations = [warsaw, krakow, warehouse];
  for (const [v, variant] of variants.entries()) {
    for (const [l, units] of (options.stock?.[v] ?? [5, 5, 0]).entries()) {
      if (units > 0) await changeOnHand(prisma, { variantId: variant.id, locationId: locations[l]!.id, delta: units, kind: "INITIAL" }, ctx);
    }
  }
  return { tag, country, currency, market, warsaw, krakow, warehouse, variants, product, category };
}
export type RestWorld = Awaited<ReturnType<typeof restWorld>>;

export function orderBody(world: RestWorld, overrides: Record<string, unknown> = {}) {
  return {
    externalId: `EXT-${unique()}`,
    customer: { name: "Anna Nowak", email: `anna-${world.tag}@example.com`, phone: "+48 600 100 200" },
    currency: world.currency,
    lines: [{ sku: world.variants[0]!.sku, quantity: 2, unitPrice: 10_000 }],
    fulfillment: {
      type: "SHIP",
      address: { name: "Anna Nowak", line1: "Rynek Glowny 1", city: "Krakow", postalCode: "31-042", countryCode: world.country, phone: "+48 600 100 200", latitude: 50.0617, longitude: 19.9373 },
    },
    payment: { status: "PAID", provider: "EXTERNAL", reference: `pi_${unique()}`, amount: 20_000 },
    ...overrides,
  };
}

/** A client for the handler the route uses: real Request objects, generous rate limit. */
export function restClient(prisma: PrismaClient, token: string | null, options: { rateLimiter?: ReturnType<typeof createRateLimiter>; now?: () => Date } = {}) {
  const rateLimiter = options.rateLimiter ?? createRateLimiter({ capacity: 100_000, refillPerSecond: 100_000 });
  return async (method: string, path: string, init: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers };
    let body: string | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
    const response = await handleRestRequest(new Request(`http://localhost/api/v1${path}`, { method, headers, body }), { db: prisma, rateLimiter, now: options.now });
    const text = await response.text();
    // Responses are read field by field in assertions; any keeps the tests short.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
}

// Test data for the REST contract tests: a world of its own (own country code, so routing
// sees only these locations), priced variants with stock, and API keys.
import type { ApiScope, Channel } from "@oms/contracts";
import { hashApiKeySecret } from "@oms/core";
import { orderWorld } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";
import { randomBytes } from "node:crypto";
import { createRateLimiter } from "./rate-limit.ts";
import { handleRestRequest } from "./handler.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

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

/**
 * The orders tests' world (its own market and country, Warsaw and Krakow stores and a
 * warehouse, priced variants with stock: units per variant at [Warsaw, Krakow, warehouse]),
 * with names tagged so catalog searches find only it, barcodes and EUR prices.
 */
export function restWorld(prisma: PrismaClient, options: { stock?: number[][]; variants?: number } = {}) {
  return orderWorld(prisma, { ...options, uniqueNames: true, catalogExtras: true });
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
    const response = await handleRestRequest(new Request(`http://localhost/api/v1${path}`, { method, headers, body }), { db: prisma, rateLimiter, failedAuthLimiter: rateLimiter, now: options.now });
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

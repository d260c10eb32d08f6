// Data and HTTP helpers of the fault scenarios: a migrated database with the orders test
// world (own market, Warsaw and Krakow stores, a warehouse, stocked SKUs), API keys, order
// bodies, and a small client for POST /api/v1/orders that records what came back.
import { hashApiKeySecret } from "@oms/core";
import { orderWorld } from "@oms/core/testing";
import { applyMigrations, openDatabase, type Database, type PrismaClient } from "@oms/db";
import pg from "pg";
import { randomBytes, randomUUID } from "node:crypto";

export async function createDatabase(adminUrl: string, name: string): Promise<{ url: string; database: Database }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString() });
  await applyMigrations(database);
  return { url: url.toString(), database };
}

export type World = Awaited<ReturnType<typeof orderWorld>>;

/** `stock` per variant: units at [Warsaw, Krakow, warehouse]. */
export function seedWorld(prisma: PrismaClient, stock: number[][]): Promise<World> {
  return orderWorld(prisma, { stock, variants: stock.length, uniqueNames: true });
}

export async function createApiKeys(prisma: PrismaClient, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const prefix = `f_${randomBytes(4).toString("hex")}`;
    const token = `${prefix}.${randomBytes(16).toString("base64url")}`;
    await prisma.apiKey.create({
      data: { name: `Fault shop ${i + 1}`, prefix, secretHash: hashApiKeySecret(token), channel: "WEB", scopes: ["catalog:read", "inventory:read", "orders:read", "orders:write"] },
    });
    tokens.push(token);
  }
  return tokens;
}

export interface OrderRequest {
  token: string;
  idempotencyKey: string;
  externalId: string;
  sku: string;
  quantity: number;
  body: string;
}

export function orderRequest(world: World, token: string, sku: string, quantity: number, fulfillment: "SHIP" | "PICKUP_WARSAW" = "SHIP"): OrderRequest {
  const externalId = `FAULT-${randomUUID()}`;
  const unitPrice = 10_000;
  const body = {
    externalId,
    customer: { name: "Anna Nowak", email: `anna-${world.tag}@example.com`, phone: "+48 600 100 200" },
    currency: world.currency,
    lines: [{ sku, quantity, unitPrice }],
    fulfillment:
      fulfillment === "SHIP"
        ? { type: "SHIP", address: { name: "Anna Nowak", line1: "Rynek Glowny 1", city: "Krakow", postalCode: "31-042", countryCode: world.country, phone: "+48 600 100 200", latitude: 50.0617, longitude: 19.9373 } }
        : { type: "PICKUP", locationId: world.warsaw.id },
    payment: fulfillment === "SHIP" ? { status: "PAID", provider: "EXTERNAL", reference: `pi_${randomUUID()}`, amount: unitPrice * quantity } : { status: "PAY_AT_PICKUP" },
  };
  return { token, idempotencyKey: randomUUID(), externalId, sku, quantity, body: JSON.stringify(body) };
}

export interface Answer {
  /** 0: no HTTP answer (connection refused or cut, or the client timed out). */
  status: number;
  contentType: string;
  text: string;
  replayed: boolean;
  error?: string;
  ms: number;
}

export async function postOrder(baseUrl: string, request: OrderRequest, timeoutMs = 60_000): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/v1/orders`, {
      method: "POST",
      headers: { authorization: `Bearer ${request.token}`, "content-type": "application/json", "idempotency-key": request.idempotencyKey },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, replayed: response.headers.get("idempotent-replayed") === "true", ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 0, contentType: "", text: "", replayed: false, error: `${(error as Error).name}${cause ? ` ${cause}` : ""}: ${(error as Error).message}`, ms: performance.now() - started };
  }
}

/** Sends again what was busy (503) or rate limited (429), with the same Idempotency-Key, as a client would. */
export async function postOrderPatiently(baseUrl: string, request: OrderRequest, rounds = 8): Promise<Answer> {
  let answer = await postOrder(baseUrl, request);
  for (let round = 0; round < rounds && (answer.status === 503 || answer.status === 429); round++) {
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 500));
    answer = await postOrder(baseUrl, request);
  }
  return answer;
}

export function isProblem(answer: Answer): boolean {
  return answer.contentType.startsWith("application/problem+json");
}

export function problemType(answer: Answer): string {
  try {
    return String((JSON.parse(answer.text) as { type?: string }).type ?? "").replace("https://oms.example/problems/", "");
  } catch {
    return "";
  }
}

export function statusCounts(answers: Answer[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) {
    const key = a.status === 0 ? "no answer" : a.status >= 400 ? `${a.status} ${problemType(a)}` : String(a.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort().map(([k, n]) => `${n} × ${k}`).join(", ");
}

export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

// One valid request per REST operation, on real rows: the authorization matrix sends it
// with every kind of key, the fuzz tests mutate it. Keyed by operationId, so a test can
// check that every route of the route table has one (a new route cannot be forgotten).
import { confirmDelivered, markPacked, markShipped, startPicking } from "@oms/core";
import type { PrismaClient } from "@oms/db";
import { randomUUID } from "node:crypto";
import { orderBody, restClient, type RestWorld } from "./rest-testing.ts";

export interface RestRequest {
  method: "GET" | "POST" | "DELETE";
  /** Below /api/v1, with the query string. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * `setupToken` is a key of the world's channel with every scope: it places the orders
 * and webhooks the requests name. Each call makes fresh rows (an order to cancel, a
 * delivered order to return), so a request can be sent many times. Webhooks belong to
 * one key: `owner` (default the setup key) is the key whose subscription is deleted.
 */
export function restRequests(prisma: PrismaClient, shop: RestWorld, setupToken: string): Record<string, (owner?: string) => Promise<RestRequest>> {
  const setup = restClient(prisma, setupToken);
  const ctx = () => ({ db: prisma, actor: { kind: "SYSTEM" as const }, now: new Date() });
  const placeOrder = async (): Promise<{ id: string; externalId: string; fulfillmentOrders: { id: string }[] }> => {
    const body = orderBody(shop, { lines: [{ sku: shop.variants[0]!.sku, quantity: 1, unitPrice: 10_000 }], payment: { status: "PAID", provider: "EXTERNAL", reference: `pi_${randomUUID()}`, amount: 10_000 } });
    const res = await setup("POST", "/orders", { body, headers: { "idempotency-key": randomUUID() } });
    if (res.status !== 201) throw new Error(`fixture order: ${res.status} ${res.text}`);
    return { ...res.json, externalId: body.externalId as string };
  };
  const deliveredOrder = async () => {
    const order = await placeOrder();
    const fulfillmentOrderId = order.fulfillmentOrders[0]!.id;
    await startPicking({ fulfillmentOrderId }, ctx());
    await markPacked({ fulfillmentOrderId }, ctx());
    await markShipped({ fulfillmentOrderId, carrier: "DPD", trackingNumber: `TRK${Date.now()}` }, ctx());
    await confirmDelivered({ fulfillmentOrderId }, ctx());
    return order;
  };
  const address = { name: "Anna Nowak", line1: "Nowy Swiat 1", city: "Warsaw", postalCode: "00-001", countryCode: shop.country, phone: "+48 600 100 200", latitude: 52.23, longitude: 21.01 };
  return {
    listLocations: async () => ({ method: "GET", path: "/locations" }),
    listProducts: async () => ({ method: "GET", path: `/products?q=${encodeURIComponent(shop.tag)}&limit=5` }),
    getAvailability: async () => ({ method: "GET", path: `/availability?sku=${encodeURIComponent(shop.variants[0]!.sku)}&lat=52.23&lng=21.01` }),
    createOrder: async () => ({ method: "POST", path: "/orders", body: orderBody(shop, { lines: [{ sku: shop.variants[0]!.sku, quantity: 1, unitPrice: 10_000 }], payment: { status: "PAID", provider: "EXTERNAL", reference: `pi_${randomUUID()}`, amount: 10_000 } }), headers: { "idempotency-key": randomUUID() } }),
    findOrders: async () => ({ method: "GET", path: `/orders?externalId=${encodeURIComponent((await placeOrder()).externalId)}` }),
    getOrder: async () => ({ method: "GET", path: `/orders/${(await placeOrder()).id}` }),
    cancelOrder: async () => ({ method: "POST", path: `/orders/${(await placeOrder()).id}/cancel`, body: { reason: "Customer changed their mind" } }),
    changeOrderAddress: async () => ({ method: "POST", path: `/orders/${(await placeOrder()).id}/address`, body: { address } }),
    createReturn: async () => {
      const order = await deliveredOrder();
      return { method: "POST", path: "/returns", body: { orderId: order.id, locationId: shop.warsaw.id, lines: [{ sku: shop.variants[0]!.sku, quantity: 1, reason: "DOES_NOT_FIT" }] }, headers: { "idempotency-key": randomUUID() } };
    },
    // Started by parcel; with a label from the simulated carrier as the default asks.
    requestReturn: async () => ({
      method: "POST",
      path: `/orders/${(await deliveredOrder()).id}/returns`,
      body: { lines: [{ sku: shop.variants[0]!.sku, quantity: 1, reason: "DOES_NOT_FIT" }] },
    }),
    createWebhook: async () => ({ method: "POST", path: "/webhooks", body: { url: "https://shop.example/hooks/oms", events: ["order.changed"] } }),
    listWebhooks: async () => ({ method: "GET", path: "/webhooks" }),
    deleteWebhook: async (owner) => {
      const res = await (owner ? restClient(prisma, owner) : setup)("POST", "/webhooks", { body: { url: "https://shop.example/hooks/gone", events: ["order.changed"] } });
      if (res.status !== 201) throw new Error(`fixture webhook: ${res.status} ${res.text}`);
      return { method: "DELETE", path: `/webhooks/${res.json.id}` };
    },
  };
}

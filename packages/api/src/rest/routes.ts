import {
  AppError,
  AvailabilityQuery,
  LocationList,
  OrderList,
  OrderLookupQuery,
  ProductPage,
  ProductsQuery,
  PublicAddressInput,
  PublicAvailability,
  PublicCancelInput,
  PublicOrder,
  PublicOrderInput,
  PublicReturn,
  PublicReturnInput,
  PublicWebhookSubscription,
  WebhookSubscriptionInput,
  type CreateOrderInput,
} from "@oms/contracts";
import {
  availableToPromise,
  cancelOrder,
  changeShippingAddress,
  createOrder,
  createReturn,
  createWebhookSubscription,
  deleteWebhookSubscription,
  getAvailability,
  getOrder,
  greatCircleKm,
  listLocations,
  listWebhookSubscriptions,
  type OrderDetail,
} from "@oms/core";
import type { Prisma, Tx } from "@oms/db";
import { z } from "zod";
import { toPublicOrder } from "./order-view.ts";
import { returnRequestRoutes } from "./return-request-routes.ts";
import type { RouteContext, RouteDef } from "./route-types.ts";

const notFound = () => new AppError("NOT_FOUND", "That order does not exist.");
const isUuid = (s: string) => z.uuid().safeParse(s).success;

/** The order, if it belongs to the key's channel; other channels' orders do not exist for it. */
async function ownOrder(c: RouteContext, id: string): Promise<{ id: string }> {
  if (!isUuid(id)) throw notFound();
  const order = await c.db.order.findUnique({ where: { id }, select: { id: true, channel: true } });
  if (!order || order.channel !== c.key.channel) throw notFound();
  return order;
}

const domain = (c: RouteContext) => ({ db: c.db, actor: c.actor, now: c.now });

function toCreateOrderInput(body: PublicOrderInput, channel: CreateOrderInput["channel"]): CreateOrderInput {
  return {
    channel,
    externalId: body.externalId,
    customer: body.customer,
    currency: body.currency,
    lines: body.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
    fulfillment: {
      type: body.fulfillment.type,
      locationId: body.fulfillment.type === "PICKUP" ? body.fulfillment.locationId : undefined,
      address: body.fulfillment.type === "PICKUP" ? undefined : body.fulfillment.address,
    },
    payment: body.payment,
    note: body.note,
  };
}

/**
 * An order held because stock is short is refused (409 insufficient-stock, nothing kept)
 * when the network as a whole cannot cover a line; a shortage only at the chosen pickup
 * store, or any other reason, stays an accepted ON_HOLD order for a person to resolve.
 */
async function refuseWhenNoStockAnywhere(tx: Tx, order: OrderDetail): Promise<void> {
  const stockHold = order.tasks.some(
    (t) => t.kind === "VALIDATION" && (t.status === "OPEN" || t.status === "IN_PROGRESS") && (t.code === "STOCK_AVAILABLE" || t.code === "ROUTING_FAILED"),
  );
  if (!stockHold) return;
  const variantIds = [...new Set(order.lines.map((l) => l.variantId))];
  const levels = await tx.inventoryLevel.findMany({ where: { variantId: { in: variantIds }, location: { active: true } } });
  const free = new Map<string, number>();
  for (const level of levels) free.set(level.variantId, (free.get(level.variantId) ?? 0) + availableToPromise(level));
  const short: { index: number; sku: string; requested: number; available: number }[] = [];
  order.lines.forEach((line, index) => {
    const have = free.get(line.variantId) ?? 0;
    free.set(line.variantId, have - line.quantity);
    if (have < line.quantity) short.push({ index, sku: line.sku, requested: line.quantity, available: Math.max(0, have) });
  });
  if (short.length === 0) return;
  throw new AppError(
    "INSUFFICIENT_STOCK",
    `Not enough stock anywhere in the network for ${short.map((s) => `${s.sku} (${s.requested} ordered, ${s.available} available)`).join(", ")}. The order was not taken.`,
    {
      fields: short.map((s) => ({ path: ["lines", s.index, "quantity"], message: `Only ${s.available} available in the network` })),
      lines: short.map(({ sku, requested, available }) => ({ sku, requested, available })),
    },
  );
}

function encodeCursor(id: string) {
  return Buffer.from(id, "utf8").toString("base64url");
}
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!isUuid(id)) throw new AppError("VALIDATION_FAILED", "cursor: That page link is not valid; start from the first page.", { fields: [{ path: ["cursor"], message: "Not a valid cursor" }] });
  return id;
}

export const routes: RouteDef[] = [
  {
    method: "GET",
    path: "/locations",
    operationId: "listLocations",
    summary: "List locations",
    description: "Every active store, warehouse and dropship supplier, with the fulfillment types it offers and its position.",
    tag: "Catalog",
    scope: "catalog:read",
    success: { status: 200, description: "The locations", schema: LocationList },
    problems: [],
    async run(c) {
      const rows = await listLocations({}, domain(c));
      return {
        status: 200,
        body: {
          items: rows.map((l) => ({
            id: l.id,
            code: l.code,
            name: l.name,
            kind: l.kind,
            fulfillmentTypes: l.fulfillmentTypes,
            latitude: l.latitude,
            longitude: l.longitude,
            currency: l.currency,
            city: l.city,
            countryCode: l.countryCode,
            timeZone: l.timeZone,
          })),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/products",
    operationId: "listProducts",
    summary: "List sellable variants",
    description: "Variants with SKU, barcodes and prices per currency, oldest first. Cursor pagination: pass `nextCursor` as `cursor` until it is null.",
    tag: "Catalog",
    scope: "catalog:read",
    query: ProductsQuery,
    success: { status: 200, description: "One page of variants", schema: ProductPage },
    problems: [422],
    async run(c) {
      const q = c.query as z.output<typeof ProductsQuery>;
      const and: Prisma.VariantWhereInput[] = [{ active: true }, { product: { active: true } }];
      if (q.sku) and.push({ sku: q.sku });
      if (q.q) {
        and.push({
          OR: [
            { sku: { contains: q.q, mode: "insensitive" } },
            { name: { contains: q.q, mode: "insensitive" } },
            { product: { name: { contains: q.q, mode: "insensitive" } } },
            { barcodes: { some: { code: q.q } } },
          ],
        });
      }
      if (q.cursor) and.push({ id: { gt: decodeCursor(q.cursor) } });
      const rows = await c.db.variant.findMany({
        where: { AND: and },
        orderBy: { id: "asc" },
        take: q.limit + 1,
        include: { product: { include: { category: { select: { slug: true, name: true } } } }, barcodes: { orderBy: { code: "asc" } }, prices: { orderBy: { currency: "asc" } } },
      });
      const items = rows.slice(0, q.limit);
      return {
        status: 200,
        body: {
          items: items.map((v) => ({
            id: v.id,
            sku: v.sku,
            name: v.name,
            productId: v.productId,
            productName: v.product.name,
            brand: v.product.brand,
            category: v.product.category,
            options: (v.options ?? {}) as Record<string, unknown>,
            barcodes: v.barcodes.map((b) => b.code),
            prices: v.prices.map((p) => ({ currency: p.currency.trim(), amount: p.amount, compareAt: p.compareAt })),
            active: v.active,
          })),
          nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null,
        },
      };
    },
  },
  {
    method: "GET",
    path: "/availability",
    operationId: "getAvailability",
    summary: "Available to promise per location",
    description:
      "For each `sku` (repeat the parameter, up to 100): available-to-promise units per active location and the network total. With `lat` and `lng`, locations are sorted nearest first and carry `distanceKm`.",
    tag: "Inventory",
    scope: "inventory:read",
    readQuery: (p) => ({
      sku: p.getAll("sku").flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean),
      ...(p.has("lat") ? { lat: p.get("lat") } : {}),
      ...(p.has("lng") ? { lng: p.get("lng") } : {}),
    }),
    query: AvailabilityQuery,
    success: { status: 200, description: "Availability per SKU", schema: PublicAvailability },
    problems: [422],
    async run(c) {
      const q = c.query as z.output<typeof AvailabilityQuery>;
      const skus = [...new Set(q.sku)];
      const variants = await c.db.variant.findMany({ where: { sku: { in: skus } }, select: { id: true, sku: true } });
      const unknown = q.sku.map((sku, i) => ({ sku, i })).filter(({ sku }) => !variants.some((v) => v.sku === sku));
      if (unknown.length > 0) {
        throw new AppError("VALIDATION_FAILED", `Unknown SKU: ${unknown.map((u) => u.sku).join(", ")}.`, {
          fields: unknown.map((u) => ({ path: ["sku", u.i], message: `No product has the SKU ${u.sku}` })),
        });
      }
      const bySku = skus.map((sku) => variants.find((v) => v.sku === sku)!);
      const availability = await getAvailability({ variantIds: bySku.map((v) => v.id) }, { db: c.db });
      const locationIds = [...new Set(availability.flatMap((a) => a.locations.map((l) => l.locationId)))];
      const locations = await c.db.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, code: true, name: true, latitude: true, longitude: true, fulfillmentTypes: true } });
      const here = q.lat !== undefined && q.lng !== undefined ? { latitude: q.lat, longitude: q.lng } : null;
      return {
        status: 200,
        body: {
          items: bySku.map((variant, i) => {
            const a = availability[i]!;
            const rows = a.locations.map((l) => {
              const loc = locations.find((x) => x.id === l.locationId)!;
              const distanceKm = here ? Math.round(greatCircleKm(here, loc) * 10) / 10 : null;
              return { locationId: l.locationId, code: loc.code, name: loc.name, available: l.available, inTransit: l.inTransit, fulfillmentTypes: loc.fulfillmentTypes, distanceKm };
            });
            rows.sort((x, y) => (here ? x.distanceKm! - y.distanceKm! : 0) || y.available - x.available || x.code.localeCompare(y.code));
            return { sku: variant.sku, variantId: variant.id, networkAvailable: a.networkAvailable, networkInTransit: a.networkInTransit, locations: rows };
          }),
        },
      };
    },
  },
  {
    method: "POST",
    path: "/orders",
    operationId: "createOrder",
    summary: "Send an order",
    description:
      "Takes an order for the key's channel: validated, routed and allocated at once. 201 with the order (status ALLOCATED, or ON_HOLD with `holdReasons` when a person must look at it). Requires `Idempotency-Key`: the same key and body return the first answer again; another body with the same key is 409.",
    tag: "Orders",
    scope: "orders:write",
    body: PublicOrderInput,
    idempotency: "required",
    success: { status: 201, description: "The order as taken (ALLOCATED or ON_HOLD)", schema: PublicOrder },
    problems: [400, 409, 413, 415, 422, 428],
    async run(c) {
      const detail = await createOrder(toCreateOrderInput(c.body as PublicOrderInput, c.key.channel), domain(c));
      if (detail.status === "ON_HOLD") await refuseWhenNoStockAnywhere(c.db, detail);
      return { status: 201, body: toPublicOrder(detail) };
    },
  },
  {
    method: "GET",
    path: "/orders",
    operationId: "findOrders",
    summary: "Find an order by your id",
    description: "The key's own channel only. `items` is empty when no order has this externalId.",
    tag: "Orders",
    scope: "orders:read",
    query: OrderLookupQuery,
    success: { status: 200, description: "Matching orders (zero or one)", schema: OrderList },
    problems: [422],
    async run(c) {
      const q = c.query as z.output<typeof OrderLookupQuery>;
      const row = await c.db.order.findUnique({ where: { channel_externalId: { channel: c.key.channel, externalId: q.externalId } }, select: { id: true } });
      return { status: 200, body: { items: row ? [toPublicOrder(await getOrder({ orderId: row.id }, c))] : [] } };
    },
  },
  {
    method: "GET",
    path: "/orders/{id}",
    operationId: "getOrder",
    summary: "Get an order",
    tag: "Orders",
    scope: "orders:read",
    success: { status: 200, description: "The order", schema: PublicOrder },
    problems: [404],
    async run(c) {
      const order = await ownOrder(c, c.params.id!);
      return { status: 200, body: toPublicOrder(await getOrder({ orderId: order.id }, c)) };
    },
  },
  {
    method: "POST",
    path: "/orders/{id}/cancel",
    operationId: "cancelOrder",
    summary: "Cancel an order",
    description: "Cancels what has not been handed over yet and releases its stock. Refused (409) once a parcel has shipped. Idempotency-Key is optional.",
    tag: "Orders",
    scope: "orders:write",
    body: PublicCancelInput,
    idempotency: "optional",
    success: { status: 200, description: "The cancelled order", schema: PublicOrder },
    problems: [400, 404, 409, 422],
    async run(c) {
      const order = await ownOrder(c, c.params.id!);
      const body = c.body as z.output<typeof PublicCancelInput>;
      return { status: 200, body: toPublicOrder(await cancelOrder({ orderId: order.id, reason: body.reason }, domain(c))) };
    },
  },
  {
    method: "POST",
    path: "/orders/{id}/address",
    operationId: "changeOrderAddress",
    summary: "Change the delivery address",
    description: "Allowed until a parcel has shipped; the order is validated and routed again for the new address.",
    tag: "Orders",
    scope: "orders:write",
    body: PublicAddressInput,
    idempotency: "optional",
    success: { status: 200, description: "The order with the new address", schema: PublicOrder },
    problems: [400, 404, 409, 422],
    async run(c) {
      const order = await ownOrder(c, c.params.id!);
      const body = c.body as z.output<typeof PublicAddressInput>;
      return { status: 200, body: toPublicOrder(await changeShippingAddress({ orderId: order.id, address: body.address }, domain(c))) };
    },
  },
  {
    method: "POST",
    path: "/returns",
    operationId: "createReturn",
    summary: "Record a return",
    description:
      "Goods of an order of the key's channel came back at `locationId`. Name each line by `sku` or `orderLineId`. Sellable units go back on hand and the refund is recorded. Idempotency-Key is optional (recommended).",
    tag: "Orders",
    scope: "orders:write",
    body: PublicReturnInput,
    idempotency: "optional",
    success: { status: 201, description: "The return", schema: PublicReturn },
    problems: [400, 404, 409, 422],
    async run(c) {
      const body = c.body as z.output<typeof PublicReturnInput>;
      const order = await ownOrder(c, body.orderId);
      const lines = await c.db.orderLine.findMany({ where: { orderId: order.id }, orderBy: { lineNo: "asc" } });
      const mapped = body.lines.map((l, i) => {
        const line = l.orderLineId ? lines.find((x) => x.id === l.orderLineId) : lines.find((x) => x.sku === l.sku);
        if (!line) {
          const path = ["lines", i, l.orderLineId ? "orderLineId" : "sku"];
          throw new AppError("VALIDATION_FAILED", `lines[${i}]: ${l.sku ?? l.orderLineId ?? "That line"} is not on this order.`, {
            fields: [{ path, message: l.orderLineId || l.sku ? "Not a line of this order" : "Give the sku or orderLineId" }],
          });
        }
        return { orderLineId: line.id, quantity: l.quantity, reason: l.reason, condition: l.condition };
      });
      const result = await createReturn({ orderId: order.id, locationId: body.locationId, refundMethod: body.refundMethod, lines: mapped, note: body.note ?? null }, domain(c));
      return {
        status: 201,
        body: {
          id: result.id,
          number: result.number,
          orderId: result.orderId,
          orderStatus: result.orderStatus,
          status: result.status,
          refundMethod: result.refundMethod,
          refundTotal: result.refundTotal,
          currency: result.currency,
          lines: result.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity, refundAmount: l.refundAmount })),
        },
      };
    },
  },
  {
    method: "POST",
    path: "/webhooks",
    operationId: "createWebhook",
    summary: "Subscribe to events",
    description:
      "Order and fulfillment status changes of the key's channel are POSTed to `url`, signed with the `secret` returned here once (see the Webhooks section of the guide).",
    tag: "Webhooks",
    scope: "orders:read",
    body: WebhookSubscriptionInput,
    success: { status: 201, description: "The subscription, with its signing secret", schema: PublicWebhookSubscription },
    problems: [400, 409, 422],
    async run(c) {
      const sub = await createWebhookSubscription(c.body as z.output<typeof WebhookSubscriptionInput>, { db: c.db, now: c.now, key: { apiKeyId: c.key.id, channel: c.key.channel } });
      return { status: 201, body: { ...sub, createdAt: sub.createdAt.toISOString() } };
    },
  },
  {
    method: "GET",
    path: "/webhooks",
    operationId: "listWebhooks",
    summary: "List your subscriptions",
    tag: "Webhooks",
    scope: "orders:read",
    success: { status: 200, description: "Active subscriptions of this key (without secrets)", schema: z.object({ items: z.array(PublicWebhookSubscription) }) },
    problems: [],
    async run(c) {
      const items = await listWebhookSubscriptions({ db: c.db, key: { apiKeyId: c.key.id, channel: c.key.channel } });
      return { status: 200, body: { items: items.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })) } };
    },
  },
  {
    method: "DELETE",
    path: "/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Unsubscribe",
    tag: "Webhooks",
    scope: "orders:read",
    success: { status: 204, description: "Removed; nothing more is sent to it" },
    problems: [404],
    async run(c) {
      const id = c.params.id!;
      if (!isUuid(id)) throw new AppError("NOT_FOUND", "That webhook subscription does not exist.");
      await deleteWebhookSubscription(id, { db: c.db, key: { apiKeyId: c.key.id, channel: c.key.channel } });
      return { status: 204 };
    },
  },
  ...returnRequestRoutes,
];

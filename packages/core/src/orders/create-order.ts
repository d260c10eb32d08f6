import { AppError, CreateOrderInput, type Channel } from "@oms/contracts";
import type { Location, Prisma, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { nextNumber } from "../shared/counters.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { isStoreBound, slaDeadline, slaSettings } from "./order-rows.ts";
import { priceLine } from "./pricing.ts";
import { transitionOrder } from "./state-machine.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";
import { isWellFormedEmail } from "./validation/contact.ts";
import { runValidation } from "./validation/run-validation.ts";

const channelPrefix: Record<Exclude<Channel, "POS">, string> = { WEB: "W", MARKETPLACE: "M", SOCIAL: "S", PHONE: "P" };

/** `<prefix>-NNNNNN`: the store code for till sales, a letter per remote channel. */
export async function nextOrderNumber(tx: Tx, channel: Channel, storeCode: string | null): Promise<string> {
  const prefix = channel === "POS" ? (storeCode ?? "POS") : channelPrefix[channel];
  return nextNumber(tx, `order:${prefix}`, `${prefix}-`);
}

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0]!, lastName: "" };
  return { firstName: parts.slice(0, -1).join(" "), lastName: parts[parts.length - 1]! };
}

/**
 * Takes an order from any channel: prices it (catalog prices unless the channel is trusted
 * with prices), taxes it by the selling location, numbers it, links or creates the
 * customer by e-mail, records the payment, then runs validation and allocation in the same
 * transaction (docs/orders.md). Returns the order as it ends up (ALLOCATED or ON_HOLD).
 */
export async function createOrder(rawInput: CreateOrderInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(CreateOrderInput, rawInput);
  const orderId = await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    if (input.externalId) {
      const existing = await tx.order.findUnique({ where: { channel_externalId: { channel: input.channel, externalId: input.externalId } }, select: { id: true, number: true } });
      if (existing) {
        throw new AppError("CONFLICT", `This ${input.channel.toLowerCase()} order (${input.externalId}) was already taken as ${existing.number}.`, {
          orderId: existing.id,
          number: existing.number,
        });
      }
    }

    // Where the customer comes to (pickup, carry-out) and where the sale is taxed.
    const type = input.fulfillment.type;
    const storeId = isStoreBound(type) ? (input.fulfillment.locationId ?? input.originLocationId)! : null;
    const findLocation = async (id: string, path: string[]) => {
      const location = await tx.location.findUnique({ where: { id } });
      if (!location) throw new AppError("VALIDATION_FAILED", `${path.join(".")}: That store does not exist.`, { fields: [{ path, message: "That store does not exist" }] });
      return location;
    };
    const store = storeId ? await findLocation(storeId, input.fulfillment.locationId ? ["fulfillment", "locationId"] : ["originLocationId"]) : null;
    const origin = input.originLocationId ? await findLocation(input.originLocationId, ["originLocationId"]) : null;
    const taxLocation: Location | null =
      store ??
      origin ??
      (await tx.location.findFirst({
        where: { currency: input.currency, countryCode: input.fulfillment.address?.countryCode || undefined, kind: { in: ["STORE", "WAREHOUSE"] } },
        orderBy: [{ kind: "asc" }, { code: "asc" }],
      })) ??
      (await tx.location.findFirst({ where: { currency: input.currency }, orderBy: [{ kind: "asc" }, { code: "asc" }] }));
    if (!taxLocation) {
      throw new AppError("VALIDATION_FAILED", `currency: No location sells in ${input.currency}, so the order cannot be priced.`, {
        fields: [{ path: ["currency"], message: `No location sells in ${input.currency}` }],
      });
    }

    // Lines: variants, prices, tax.
    const variantIds = input.lines.flatMap((l) => (l.variantId ? [l.variantId] : []));
    const skus = input.lines.flatMap((l) => (l.sku ? [l.sku] : []));
    const variants = await tx.variant.findMany({
      where: { OR: [{ id: { in: variantIds } }, { sku: { in: skus } }] },
      include: { product: { select: { name: true, taxCategory: true } }, prices: { where: { currency: input.currency } } },
    });
    const lines: Prisma.OrderLineCreateWithoutOrderInput[] = [];
    input.lines.forEach((line, i) => {
      const variant = variants.find((v) => (line.variantId ? v.id === line.variantId : v.sku === line.sku));
      if (!variant || !variant.active) {
        const path = ["lines", i, line.variantId ? "variantId" : "sku"];
        throw new AppError("VALIDATION_FAILED", `${path.join(".")}: ${line.sku ?? "That variant"} is not a product on sale.`, {
          fields: [{ path, message: "Not a product on sale" }],
        });
      }
      const unitPrice = line.unitPrice ?? variant.prices[0]?.amount;
      if (unitPrice === undefined) {
        throw new AppError("VALIDATION_FAILED", `lines.${i}.unitPrice: ${variant.product.name} (${variant.sku}) has no price in ${input.currency}.`, {
          fields: [{ path: ["lines", i, "unitPrice"], message: `No catalog price in ${input.currency}` }],
        });
      }
      const taxRateBps =
        variant.product.taxCategory === "ZERO" ? 0 : variant.product.taxCategory === "REDUCED" ? taxLocation.reducedTaxRateBps : taxLocation.taxRateBps;
      const priced = priceLine({ quantity: line.quantity, unitPrice, discountTotal: 0, taxRateBps }, taxLocation.pricesIncludeTax);
      lines.push({
        lineNo: i + 1,
        variant: { connect: { id: variant.id } },
        sku: variant.sku,
        name: `${variant.product.name} ${variant.name}`.trim(),
        quantity: line.quantity,
        unitPrice,
        taxRateBps,
        taxTotal: priced.taxTotal,
        total: priced.total,
      });
    });
    const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
    const taxTotal = lines.reduce((s, l) => s + l.taxTotal, 0);
    const total = lines.reduce((s, l) => s + l.total, 0);

    // Customer: an existing one, or found / created by e-mail.
    let customer: { id: string; email: string | null; phone: string | null; firstName: string; lastName: string } | null = null;
    const email = input.customer?.email ? input.customer.email.trim().toLowerCase() : null;
    if (input.customerId) {
      customer = await tx.customer.findUnique({ where: { id: input.customerId } });
      if (!customer) throw new AppError("VALIDATION_FAILED", "customerId: That customer does not exist.", { fields: [{ path: ["customerId"], message: "No such customer" }] });
    } else if (email && isWellFormedEmail(email)) {
      const name = splitName(input.customer!.name);
      customer = await tx.customer.upsert({
        where: { email },
        update: {},
        create: { email, phone: input.customer!.phone ?? null, ...name, createdAt: ctx.now },
      });
    }

    const sla = await slaSettings(tx);
    const number = await nextOrderNumber(tx, input.channel, origin?.code ?? null);
    const payment = input.payment;
    const address = isStoreBound(type) ? null : (input.fulfillment.address ?? null);
    const order = await tx.order.create({
      data: {
        number,
        channel: input.channel,
        externalId: input.externalId ?? null,
        apiKeyId: ctx.actor.kind === "API_KEY" ? ctx.actor.apiKeyId : null,
        customerId: customer?.id ?? null,
        customerName: input.customer?.name ?? (customer ? `${customer.firstName} ${customer.lastName}`.trim() : null),
        email: email ?? customer?.email ?? null,
        phone: input.customer?.phone ?? customer?.phone ?? null,
        originLocationId: origin?.id ?? null,
        currency: input.currency,
        subtotal,
        taxTotal,
        total,
        pricesIncludeTax: taxLocation.pricesIncludeTax,
        status: "DRAFT",
        paymentStatus: payment.status,
        shippingAddress: address ? (address as Prisma.InputJsonValue) : undefined,
        routingTrace: { request: { fulfillmentType: type, locationId: store?.id ?? null }, runs: [] },
        promisedAt: slaDeadline(ctx.now, type, sla),
        note: input.note ?? null,
        placedAt: ctx.now,
        createdById: actorUserId(ctx.actor),
        lines: { create: lines },
      },
    });
    if (payment.status === "AUTHORIZED" || payment.status === "PAID") {
      const provider = payment.provider ?? (input.channel === "POS" ? "CASH" : "EXTERNAL");
      const amount = payment.amount ?? total;
      await tx.payment.create({
        data: {
          orderId: order.id,
          provider,
          method: provider === "CASH" ? "CASH" : provider === "STORE_CREDIT" ? "STORE_CREDIT" : "CARD",
          status: payment.status === "PAID" ? "CAPTURED" : "AUTHORIZED",
          currency: input.currency,
          amount,
          amountCaptured: payment.status === "PAID" ? amount : 0,
          reference: payment.reference ?? null,
          createdAt: ctx.now,
        },
      });
    }
    await recordOrderEvent(tx, order.id, "order.created", `Order ${number} received from the ${input.channel.toLowerCase()} channel.`, inner, {
      fulfillmentType: type,
      locationId: store?.id ?? null,
    });
    await enqueueEvents(tx, [orderChanged(order, "order.created", store?.id ?? origin?.id ?? null)]);
    await transitionOrder(tx, order, "PENDING_VALIDATION", ctx);
    await runValidation(order.id, inner, "new order");
    return order.id;
  });
  return getOrder({ orderId }, ctx);
}

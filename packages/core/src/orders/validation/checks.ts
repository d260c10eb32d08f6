import { formatMoney } from "@oms/contracts";
import { availableToPromise } from "../../inventory/index.ts";
import { fulfillmentRequest, isStoreBound, readAddress, responsibleFor, unplacedUnits } from "../order-rows.ts";
import { isWellFormedEmail, isWellFormedPhone } from "./contact.ts";
import type { ValidationCheck } from "./types.ts";

/** Channels whose line prices are taken as given (a cashier may re-price at the till). */
export const channelsTrustedWithPrices = new Set(["POS"]);
/** Channels where the customer may pay when collecting (marketplaces collect payment themselves). */
export const channelsAllowingPayAtPickup = new Set(["POS", "WEB", "PHONE", "SOCIAL"]);

const units = (n: number) => `${n} unit${n === 1 ? "" : "s"}`;

export const stockAvailableCheck: ValidationCheck = {
  code: "STOCK_AVAILABLE",
  title: "Not enough stock",
  appliesTo: () => true,
  async run(order, ctx) {
    const open = await unplacedUnits(ctx.db, order);
    if (open.size === 0) return null;
    const request = fulfillmentRequest(order);
    const storeOnly = isStoreBound(request.fulfillmentType) ? request.locationId : null;
    const variantIds = [...new Set(order.lines.filter((l) => open.has(l.id)).map((l) => l.variantId))];
    const levels = await ctx.db.inventoryLevel.findMany({
      where: { variantId: { in: variantIds }, location: { active: true, kind: { in: ["STORE", "WAREHOUSE"] } }, ...(storeOnly ? { locationId: storeOnly } : {}) },
    });
    const free = new Map<string, number>();
    for (const level of levels) free.set(level.variantId, (free.get(level.variantId) ?? 0) + availableToPromise(level));
    const short: string[] = [];
    for (const line of order.lines) {
      const need = open.get(line.id);
      if (!need) continue;
      const have = free.get(line.variantId) ?? 0;
      free.set(line.variantId, have - need);
      if (have < need) short.push(`${line.name} (${line.sku}): ${units(need)} ordered, ${units(Math.max(0, have))} available`);
    }
    if (short.length === 0) return null;
    const where = storeOnly ? "at the pickup store" : "anywhere in the network";
    return {
      ...responsibleFor(order),
      field: "lines",
      instruction:
        `There is not enough stock ${where} for: ${short.join("; ")}. ` +
        `Bring stock in (transfer or receive it), or agree with the customer to cancel or change the items, then resolve this task.`,
    };
  },
};

export const addressCompleteCheck: ValidationCheck = {
  code: "ADDRESS_COMPLETE",
  title: "Delivery address incomplete",
  appliesTo: (order) => {
    const type = fulfillmentRequest(order).fulfillmentType;
    return type === "SHIP" || type === "DELIVERY";
  },
  async run(order) {
    const type = fulfillmentRequest(order).fulfillmentType;
    const address = readAddress(order);
    const missing: string[] = [];
    const required: [keyof NonNullable<typeof address>, string][] = [
      ["name", "the recipient's name"],
      ["line1", "the street and number"],
      ["city", "the city"],
      ["postalCode", "the postal code"],
      ["countryCode", "the country"],
    ];
    for (const [field, label] of required) {
      const value = address?.[field];
      if (typeof value !== "string" || value.trim() === "") missing.push(label);
    }
    if (address && address.countryCode && !/^[A-Z]{2}$/.test(address.countryCode)) missing.push("a two-letter country code");
    if (missing.length > 0) {
      return {
        ...responsibleFor(order),
        field: "shippingAddress",
        instruction: `The delivery address is missing ${missing.join(", ")}: contact the customer, then enter the full address here.`,
      };
    }
    if (type === "DELIVERY" && !(address?.phone ?? order.phone)) {
      return {
        ...responsibleFor(order),
        field: "shippingAddress.phone",
        instruction: "The customer gave no phone number for the courier: call or e-mail them, then enter it here.",
      };
    }
    return null;
  },
};

export const emailValidCheck: ValidationCheck = {
  code: "EMAIL_VALID",
  title: "E-mail address not valid",
  appliesTo: (order) => order.email !== null && order.email !== "",
  async run(order) {
    if (isWellFormedEmail(order.email!)) return null;
    return {
      ...responsibleFor(order),
      field: "email",
      instruction: `The e-mail address "${order.email}" is not valid, so the customer will get no updates: call the customer, then enter the right address here.`,
    };
  },
};

export const phoneValidCheck: ValidationCheck = {
  code: "PHONE_VALID",
  title: "Phone number not valid",
  appliesTo: (order) => order.phone !== null && order.phone !== "",
  async run(order) {
    if (isWellFormedPhone(order.phone!)) return null;
    return {
      ...responsibleFor(order),
      field: "phone",
      instruction: `The phone number "${order.phone}" is not valid (expected something like +48 600 100 200): e-mail the customer, then enter the right number here.`,
    };
  },
};

export const contactPresentCheck: ValidationCheck = {
  code: "CONTACT_PRESENT",
  title: "No way to reach the customer",
  appliesTo: (order) => order.channel !== "POS" || fulfillmentRequest(order).fulfillmentType !== "CARRY_OUT",
  async run(order) {
    if (order.email || order.phone) return null;
    return {
      ...responsibleFor(order),
      field: "email",
      instruction: "The customer gave no e-mail address or phone number, so they cannot be told when the order is ready: find their contact details, then enter them here.",
    };
  },
};

export const paymentReadyCheck: ValidationCheck = {
  code: "PAYMENT_READY",
  title: "Payment missing",
  appliesTo: () => true,
  async run(order) {
    const type = fulfillmentRequest(order).fulfillmentType;
    const who = responsibleFor(order);
    if (order.paymentStatus === "PAY_AT_PICKUP") {
      if (type !== "PICKUP") {
        return { ...who, field: "payment", instruction: "Paying at pickup is only possible when the customer collects in a store: ask the customer to pay now, then mark the payment here." };
      }
      if (!channelsAllowingPayAtPickup.has(order.channel)) {
        return { ...who, field: "payment", instruction: `Orders from the ${order.channel.toLowerCase()} channel must be paid in advance: ask the channel for the payment, then mark it here.` };
      }
      return null;
    }
    if (order.paymentStatus !== "AUTHORIZED" && order.paymentStatus !== "PAID") {
      return { ...who, field: "payment", instruction: "The payment has not been authorized: check with the payment provider or the customer, then mark the payment here." };
    }
    const covered = order.payments.filter((p) => p.status === "AUTHORIZED" || p.status === "CAPTURED").reduce((s, p) => s + p.amount, 0);
    if (order.payments.length > 0 && covered < order.total) {
      return {
        ...who,
        field: "payment",
        instruction: `The payment covers ${formatMoney(covered, order.currency)} of ${formatMoney(order.total, order.currency)}: collect the difference from the customer, then mark the payment here.`,
      };
    }
    return null;
  },
};

export const pricesMatchCheck: ValidationCheck = {
  code: "PRICES_MATCH",
  title: "Prices differ from the catalog",
  appliesTo: (order) => !channelsTrustedWithPrices.has(order.channel),
  async run(order, ctx) {
    const prices = await ctx.db.variantPrice.findMany({
      where: { variantId: { in: order.lines.map((l) => l.variantId) }, currency: order.currency },
    });
    const catalog = new Map(prices.map((p) => [p.variantId, p.amount]));
    // Prices a person accepted when resolving an earlier task stay accepted.
    const accepted = new Set<string>();
    const done = await ctx.db.task.findMany({ where: { orderId: order.id, code: "PRICES_MATCH", status: "DONE" }, select: { data: true } });
    for (const task of done) {
      const linePrices = (task.data as { linePrices?: Record<string, number> }).linePrices ?? {};
      for (const [lineId, price] of Object.entries(linePrices)) accepted.add(`${lineId}:${price}`);
    }
    const wrong: string[] = [];
    const linePrices: Record<string, number> = {};
    for (const line of order.lines) {
      if (line.quantity === line.quantityCancelled) continue;
      if (accepted.has(`${line.id}:${line.unitPrice}`)) continue;
      linePrices[line.id] = line.unitPrice;
      const price = catalog.get(line.variantId);
      if (price === undefined) wrong.push(`${line.name} (${line.sku}) has no catalog price in ${order.currency}`);
      else if (price !== line.unitPrice) {
        wrong.push(`${line.name} (${line.sku}) was sold at ${formatMoney(line.unitPrice, order.currency)}, the catalog says ${formatMoney(price, order.currency)}`);
      }
    }
    if (wrong.length === 0) return null;
    return {
      assigneeRole: "ADMIN",
      locationId: null,
      field: "lines",
      data: { linePrices },
      instruction: `${wrong.join("; ")}. Check the channel's price feed, agree the price with the customer, then resolve this task to accept the order.`,
    };
  },
};

/** The checks run on every order, in this order (docs/orders.md). */
export const validationChecks: ValidationCheck[] = [
  addressCompleteCheck,
  emailValidCheck,
  phoneValidCheck,
  contactPresentCheck,
  paymentReadyCheck,
  pricesMatchCheck,
  stockAvailableCheck,
];

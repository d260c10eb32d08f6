import { AppError, PosQuoteInput, type FieldIssue, type PosCart, type PosLineFulfillment, type PosQuote } from "@oms/contracts";
import type { Location, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { availableToPromise } from "../inventory/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { findApproval, verifyApprovals, type VerifiedApproval } from "./approvals.ts";
import { loadCartVariants, loadSellingStore, taxRateFor } from "./catalog.ts";
import { priceCart, roundCash } from "./sale-math.ts";

export interface PricedSale {
  location: Location;
  quote: PosQuote;
  /** Per cart line: the manager who approved its override/discount (OrderLine.approvedById). */
  lineApprovers: (string | null)[];
  /** The remote destination shared by the endless-aisle lines, if any. */
  remote: Exclude<PosLineFulfillment, { type: "CARRY_OUT" }> | null;
}

const fulfillmentKey = (f: PosLineFulfillment) => (f.type === "CARRY_OUT" ? "CARRY_OUT" : f.type === "PICKUP" ? `PICKUP:${f.locationId}` : `SHIP:${JSON.stringify(f.address)}`);

async function approvalBps(tx: Tx): Promise<number> {
  const settings = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { discountApprovalBps: true } });
  return settings?.discountApprovalBps ?? 2000;
}

/**
 * Prices `cart` at the store, as the quote shows it and the checkout records it: catalogue
 * prices in the store's currency, tax by product category, discounts and approvals, stock
 * at the store (carry-out) or the pickup store.
 */
export async function priceSale(tx: Tx, locationId: string, cart: PosCart, now: Date): Promise<PricedSale> {
  const location = await loadSellingStore(tx, locationId);
  const variants = await loadCartVariants(
    tx,
    location,
    cart.lines.map((l) => l.variantId),
  );
  const issues: FieldIssue[] = [];
  const pricingLines = cart.lines.map((line, index) => {
    const variant = variants.get(line.variantId);
    const price = variant?.prices[0]?.amount;
    if (!variant || !variant.active || !variant.product.active) {
      issues.push({ path: ["cart", "lines", index, "variantId"], message: "Not a product on sale" });
    } else if (price === undefined) {
      issues.push({ path: ["cart", "lines", index, "variantId"], message: `No price in ${location.currency}` });
    }
    return {
      catalogUnitPrice: price ?? 0,
      quantity: line.quantity,
      taxRateBps: variant ? taxRateFor(location, variant.product.taxCategory) : 0,
      lineDiscount: line.lineDiscount,
      priceOverride: line.priceOverride,
    };
  });

  // Endless aisle: every line not carried out goes to one destination per sale.
  const fulfillments = cart.lines.map((l) => l.fulfillment ?? ({ type: "CARRY_OUT" } as const));
  const remoteIndex = fulfillments.findIndex((f) => f.type !== "CARRY_OUT");
  const remote = remoteIndex >= 0 ? (fulfillments[remoteIndex] as Exclude<PosLineFulfillment, { type: "CARRY_OUT" }>) : null;
  fulfillments.forEach((f, index) => {
    if (remote && f.type !== "CARRY_OUT" && fulfillmentKey(f) !== fulfillmentKey(remote)) {
      issues.push({ path: ["cart", "lines", index, "fulfillment"], message: "Items sent elsewhere in one sale go to one address or one pickup store" });
    }
  });
  let pickupStore: Location | null = null;
  if (remote?.type === "PICKUP") {
    pickupStore = await tx.location.findUnique({ where: { id: remote.locationId } });
    if (!pickupStore || !pickupStore.active || pickupStore.kind !== "STORE" || !pickupStore.fulfillmentTypes.includes("PICKUP")) {
      issues.push({ path: ["cart", "lines", remoteIndex, "fulfillment", "locationId"], message: "That store does not offer pickup" });
    } else if (pickupStore.currency !== location.currency) {
      issues.push({ path: ["cart", "lines", remoteIndex, "fulfillment", "locationId"], message: `That store sells in ${pickupStore.currency}` });
    }
  }
  if (remote?.type === "SHIP") {
    const a = remote.address;
    const base = ["cart", "lines", remoteIndex, "fulfillment", "address"];
    if (!a.name) issues.push({ path: [...base, "name"], message: "Enter the recipient's name" });
    if (!a.line1) issues.push({ path: [...base, "line1"], message: "Enter the street and number" });
    if (!a.city) issues.push({ path: [...base, "city"], message: "Enter the city" });
    if (!a.postalCode) issues.push({ path: [...base, "postalCode"], message: "Enter the postal code" });
    if (a.countryCode.length !== 2) issues.push({ path: [...base, "countryCode"], message: "Enter the two-letter country code" });
  }
  if (issues.length > 0) {
    throw new AppError("VALIDATION_FAILED", `${issues[0]!.path.join(".")}: ${issues[0]!.message}.`, { fields: issues });
  }

  let priced;
  try {
    priced = priceCart(pricingLines, { orderDiscount: cart.orderDiscount, pricesIncludeTax: location.pricesIncludeTax, approvalBps: await approvalBps(tx) });
  } catch (error) {
    if (AppError.isAppError(error) && error.details.fields) {
      // The pure function names paths inside the cart.
      const fields = error.details.fields.map((f) => ({ ...f, path: ["cart", ...f.path] }));
      throw new AppError("VALIDATION_FAILED", `${fields[0]!.path.join(".")}: ${fields[0]!.message}.`, { fields });
    }
    throw error;
  }

  // Stock: demand per (variant, location) against ATP there.
  const stockLocation = (f: PosLineFulfillment) => (f.type === "CARRY_OUT" ? location.id : f.type === "PICKUP" ? f.locationId : null);
  const wanted = new Map<string, number>();
  cart.lines.forEach((line, i) => {
    const at = stockLocation(fulfillments[i]!);
    if (at) wanted.set(`${line.variantId}:${at}`, (wanted.get(`${line.variantId}:${at}`) ?? 0) + line.quantity);
  });
  const levels = await tx.inventoryLevel.findMany({
    where: { OR: [...wanted.keys()].map((k) => ({ variantId: k.split(":")[0]!, locationId: k.split(":")[1]! })) },
  });
  const atp = new Map(levels.map((l) => [`${l.variantId}:${l.locationId}`, availableToPromise(l)]));

  const approvals = await verifyApprovals(tx, location.id, cart.approvals ?? [], now);
  const needs = priced.approvals.map((need) => {
    const variantId = need.lineIndex === null ? null : cart.lines[need.lineIndex]!.variantId;
    const approval: VerifiedApproval | null = findApproval(approvals, need.kind, variantId);
    return {
      kind: need.kind,
      lineIndex: need.lineIndex,
      variantId,
      approved: approval !== null,
      approvedBy: approval ? { id: approval.managerId, name: approval.managerName } : null,
      reason: need.reason,
    };
  });
  const lineApprovers = cart.lines.map((_, i) => needs.find((n) => n.lineIndex === i && n.approvedBy)?.approvedBy?.id ?? needs.find((n) => n.lineIndex === null && n.approvedBy)?.approvedBy?.id ?? null);

  const customer = cart.customerId
    ? await tx.customer.findUnique({ where: { id: cart.customerId }, select: { id: true, firstName: true, lastName: true, email: true, phone: true } })
    : null;
  if (cart.customerId && !customer) {
    throw new AppError("VALIDATION_FAILED", "cart.customerId: That customer does not exist.", { fields: [{ path: ["cart", "customerId"], message: "No such customer" }] });
  }

  const cashTotal = roundCash(priced.total, location.cashRoundingIncrement);
  const quote: PosQuote = {
    locationId: location.id,
    currency: location.currency,
    pricesIncludeTax: location.pricesIncludeTax,
    lines: priced.lines.map((p, index) => {
      const line = cart.lines[index]!;
      const variant = variants.get(line.variantId)!;
      const at = stockLocation(fulfillments[index]!);
      const available = at ? (atp.get(`${line.variantId}:${at}`) ?? 0) : null;
      return {
        index,
        variantId: line.variantId,
        sku: variant.sku,
        name: `${variant.product.name} ${variant.name}`.trim(),
        quantity: p.quantity,
        catalogUnitPrice: p.catalogUnitPrice,
        unitPrice: p.unitPrice,
        gross: p.gross,
        lineDiscount: p.lineDiscount,
        orderDiscountShare: p.orderDiscountShare,
        discountTotal: p.discountTotal,
        taxRateBps: p.taxRateBps,
        taxTotal: p.taxTotal,
        total: p.total,
        fulfillment: fulfillments[index]!,
        available,
        short: available !== null && (wanted.get(`${line.variantId}:${at}`) ?? 0) > available,
      };
    }),
    subtotal: priced.subtotal,
    lineDiscountTotal: priced.lineDiscountTotal,
    orderDiscountTotal: priced.orderDiscountTotal,
    discountTotal: priced.discountTotal,
    taxTotal: priced.taxTotal,
    total: priced.total,
    taxBreakdown: priced.taxBreakdown,
    cashTotal,
    cashRounding: cashTotal - priced.total,
    cashRoundingIncrement: location.cashRoundingIncrement,
    approvals: needs,
    approved: needs.every((n) => n.approved),
    customer: customer ? { id: customer.id, name: `${customer.firstName} ${customer.lastName}`.trim(), email: customer.email, phone: customer.phone } : null,
  };
  return { location, quote, lineApprovers, remote };
}

/** The priced cart for the till's screen (nothing is written). */
export async function quotePosCart(rawInput: PosQuoteInput, ctx: DomainContext): Promise<PosQuote> {
  const input = parseInput(PosQuoteInput, rawInput);
  return (await priceSale(ctx.db, input.locationId, input.cart, ctx.now)).quote;
}

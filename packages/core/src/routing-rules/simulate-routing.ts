import { AppError, SimulateRoutingInput, type RoutingSimulation } from "@oms/contracts";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { loadRoutingNetwork, loadRoutingRules, marketOfCountry } from "../orders/index.ts";
import { routeOrder } from "../routing/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { draftRuleSpecs, readOnly } from "./draft-rules.ts";

/**
 * Routes a made-up order (HQ only): an address or a pickup store, a channel, a fulfilment
 * type and items by SKU, through the saved rules or the editor's draft, against the stock
 * and today's load now. Returns the engine's result and trace and writes nothing (it runs
 * in a read-only transaction).
 */
export async function simulateRouting(rawInput: unknown, ctx: DomainContext): Promise<RoutingSimulation> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(SimulateRoutingInput, rawInput);
  const draft = input.rules ? draftRuleSpecs(input.rules) : null;
  const storeBound = input.fulfillmentType === "PICKUP" || input.fulfillmentType === "CARRY_OUT";

  return readOnly(ctx, async (tx) => {
    const skus = [...new Set(input.items.map((i) => i.sku))];
    const variants = await tx.variant.findMany({ where: { sku: { in: skus } }, select: { id: true, sku: true, name: true, product: { select: { name: true } } } });
    const bySku = new Map(variants.map((v) => [v.sku, v]));
    const items = input.items.map((item, i) => {
      const variant = bySku.get(item.sku);
      if (!variant) {
        throw new AppError("VALIDATION_FAILED", `items.${i}.sku: No product has the SKU ${item.sku}.`, { fields: [{ path: ["items", i, "sku"], message: `No product has the SKU ${item.sku}` }] });
      }
      return { lineId: `line-${i + 1}`, sku: variant.sku, variantId: variant.id, name: `${variant.product.name} — ${variant.name}`, quantity: item.quantity };
    });

    const network = await loadRoutingNetwork(tx, [...new Set(items.map((i) => i.variantId))], ctx.now);
    let marketCode: string | null = null;
    let destination: { latitude: number; longitude: number } | null = null;
    if (storeBound) {
      const store = network.locations.find((l) => l.id === input.pickupLocationId);
      if (!store) {
        throw new AppError("VALIDATION_FAILED", "pickupLocationId: That store does not exist.", { fields: [{ path: ["pickupLocationId"], message: "Choose one of the stores" }] });
      }
      marketCode = store.marketCode;
      destination = { latitude: store.latitude, longitude: store.longitude };
    } else if (input.address) {
      marketCode = await marketOfCountry(tx, input.address.countryCode);
      if (input.address.latitude !== null && input.address.longitude !== null) destination = { latitude: input.address.latitude, longitude: input.address.longitude };
    }

    const result = routeOrder({
      order: {
        channel: input.channel,
        fulfillmentType: input.fulfillmentType,
        marketCode,
        destination,
        pickupLocationId: storeBound ? input.pickupLocationId : null,
        lines: items.map(({ lineId, variantId, quantity }) => ({ lineId, variantId, quantity })),
      },
      ...network,
      rules: draft ?? (await loadRoutingRules(tx)),
    });
    return { ruleSet: draft ? "DRAFT" : "SAVED", items, marketCode, result };
  });
}

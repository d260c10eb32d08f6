import { OfflineCatalogInput, type OfflineCatalog } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { loadSellingStore, taxRateFor } from "./catalog.ts";
import { loadOfflineSettings } from "./offline-settings.ts";

/**
 * What a till caches to sell with no server (docs/pos.md#offline): every active variant
 * with its price in the store's currency, barcodes and tax rate, the store's cash
 * rounding and the approval and offline rules. No stock: offline, stock is not checked.
 */
export async function getOfflineCatalog(rawInput: OfflineCatalogInput, ctx: DomainContext): Promise<OfflineCatalog> {
  const input = parseInput(OfflineCatalogInput, rawInput);
  const location = await loadSellingStore(ctx.db, input.locationId);
  const variants = await ctx.db.variant.findMany({
    where: { active: true, product: { active: true } },
    select: {
      id: true,
      sku: true,
      name: true,
      product: { select: { name: true, taxCategory: true } },
      prices: { where: { currency: location.currency }, select: { amount: true } },
      barcodes: { select: { code: true } },
    },
    orderBy: { sku: "asc" },
  });
  const { discountApprovalBps, ...settings } = await loadOfflineSettings(ctx.db);
  return {
    locationId: location.id,
    storeName: location.name,
    currency: location.currency,
    pricesIncludeTax: location.pricesIncludeTax,
    cashRoundingIncrement: location.cashRoundingIncrement,
    discountApprovalBps,
    settings,
    generatedAt: ctx.now.toISOString(),
    items: variants.map((v) => ({
      variantId: v.id,
      sku: v.sku,
      name: `${v.product.name} ${v.name}`.trim(),
      barcodes: v.barcodes.map((b) => b.code),
      unitPrice: v.prices[0]?.amount ?? null,
      taxRateBps: taxRateFor(location, v.product.taxCategory),
    })),
  };
}

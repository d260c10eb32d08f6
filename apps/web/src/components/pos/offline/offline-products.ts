import type { OfflineCatalog, OfflineCatalogItem } from "@oms/contracts";
import type { PosProductData } from "../sale/shared.ts";

/** A cached catalogue item in the shape the search list and cart take (stock unknown offline: 0, not shown). */
export function cachedProduct(item: OfflineCatalogItem, catalog: OfflineCatalog): PosProductData {
  return {
    variantId: item.variantId,
    productId: item.variantId,
    sku: item.sku,
    name: item.name,
    variantName: "",
    barcodes: item.barcodes,
    unitPrice: item.unitPrice,
    compareAt: null,
    currency: catalog.currency,
    pricesIncludeTax: catalog.pricesIncludeTax,
    taxCategory: "STANDARD",
    taxRateBps: item.taxRateBps,
    available: 0,
    elsewhere: [],
  };
}

import { AppError, FulfillmentType, PosBarcodeInput, PosSearchInput, type PosProduct, type PosStockElsewhere, type TaxCategory } from "@oms/contracts";
import type { Location, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { availableToPromise } from "../inventory/index.ts";
import { parseInput } from "../shared/parse-input.ts";

/** The selling store, or NOT_FOUND / a field error when it is not a store that sells. */
export async function loadSellingStore(tx: Tx, locationId: string, path: (string | number)[] = ["locationId"]): Promise<Location> {
  const location = await tx.location.findUnique({ where: { id: locationId } });
  if (!location || location.kind !== "STORE" || !location.active) {
    throw new AppError("VALIDATION_FAILED", `${path.join(".")}: That is not an open store.`, { fields: [{ path, message: "Not an open store" }] });
  }
  return location;
}

/** The store's tax rate for a product's tax category (basis points). */
export function taxRateFor(location: Pick<Location, "taxRateBps" | "reducedTaxRateBps">, category: TaxCategory): number {
  return category === "ZERO" ? 0 : category === "REDUCED" ? location.reducedTaxRateBps : location.taxRateBps;
}

const variantInclude = (currency: string) =>
  ({
    product: { select: { id: true, name: true, taxCategory: true, active: true } },
    prices: { where: { currency } },
    barcodes: { select: { code: true } },
  }) as const;

/**
 * Stock for the variants: ATP at `location`, and the other locations selling in its
 * currency with stock (most first, at most `top`), for the endless aisle.
 */
async function stockFor(tx: Tx, location: Location, variantIds: string[], top = 5) {
  const levels = variantIds.length
    ? await tx.inventoryLevel.findMany({
        where: { variantId: { in: variantIds }, location: { active: true, currency: location.currency, kind: { in: ["STORE", "WAREHOUSE"] } } },
        include: { location: { select: { id: true, code: true, name: true, kind: true, city: true, fulfillmentTypes: true } } },
      })
    : [];
  const here = new Map<string, number>();
  const elsewhere = new Map<string, PosStockElsewhere[]>();
  for (const level of levels) {
    const atp = availableToPromise(level);
    if (level.locationId === location.id) {
      here.set(level.variantId, atp);
    } else if (atp > 0) {
      const list = elsewhere.get(level.variantId) ?? [];
      list.push({
        locationId: level.location.id,
        code: level.location.code,
        name: level.location.name,
        kind: level.location.kind,
        city: level.location.city,
        available: atp,
        fulfillmentTypes: level.location.fulfillmentTypes.map((t) => FulfillmentType.parse(t)),
      });
      elsewhere.set(level.variantId, list);
    }
  }
  for (const [variantId, list] of elsewhere) {
    elsewhere.set(
      variantId,
      list.sort((a, b) => b.available - a.available || a.code.localeCompare(b.code)).slice(0, top),
    );
  }
  return { here, elsewhere };
}

type VariantRow = Awaited<ReturnType<typeof findVariants>>[number];

function findVariants(tx: Tx, location: Location, where: NonNullable<Parameters<Tx["variant"]["findMany"]>[0]>["where"], take: number) {
  return tx.variant.findMany({
    where: { AND: [where ?? {}, { active: true, product: { active: true } }] },
    include: variantInclude(location.currency),
    orderBy: [{ sku: "asc" }],
    take,
  });
}

async function toProducts(tx: Tx, location: Location, variants: VariantRow[]): Promise<PosProduct[]> {
  const stock = await stockFor(
    tx,
    location,
    variants.map((v) => v.id),
  );
  return variants.map((v) => ({
    variantId: v.id,
    productId: v.product.id,
    sku: v.sku,
    name: `${v.product.name} ${v.name}`.trim(),
    variantName: v.name,
    barcodes: v.barcodes.map((b) => b.code),
    unitPrice: v.prices[0]?.amount ?? null,
    compareAt: v.prices[0]?.compareAt ?? null,
    currency: location.currency,
    pricesIncludeTax: location.pricesIncludeTax,
    taxCategory: v.product.taxCategory,
    taxRateBps: taxRateFor(location, v.product.taxCategory),
    available: stock.here.get(v.id) ?? 0,
    elsewhere: stock.elsewhere.get(v.id) ?? [],
  }));
}

/** Name (contains), SKU (starts with) or exact barcode; exact barcode and SKU hits first. */
export async function searchPosProducts(rawInput: PosSearchInput, ctx: DomainContext): Promise<PosProduct[]> {
  const input = parseInput(PosSearchInput, rawInput);
  const location = await loadSellingStore(ctx.db, input.locationId);
  const q = input.query;
  const exact = await findVariants(ctx.db, location, { OR: [{ barcodes: { some: { code: q } } }, { sku: { equals: q, mode: "insensitive" } }] }, input.limit);
  const rest =
    exact.length >= input.limit
      ? []
      : await findVariants(
          ctx.db,
          location,
          {
            id: { notIn: exact.map((v) => v.id) },
            OR: [
              { sku: { startsWith: q, mode: "insensitive" } },
              { name: { contains: q, mode: "insensitive" } },
              { product: { name: { contains: q, mode: "insensitive" } } },
            ],
          },
          input.limit - exact.length,
        );
  return toProducts(ctx.db, location, [...exact, ...rest]);
}

/** One scan: the variant with that barcode (or SKU), or NOT_FOUND. */
export async function lookupPosBarcode(rawInput: PosBarcodeInput, ctx: DomainContext): Promise<PosProduct> {
  const input = parseInput(PosBarcodeInput, rawInput);
  const location = await loadSellingStore(ctx.db, input.locationId);
  const found = await findVariants(ctx.db, location, { OR: [{ barcodes: { some: { code: input.code } } }, { sku: { equals: input.code, mode: "insensitive" } }] }, 1);
  if (found.length === 0) throw new AppError("NOT_FOUND", `Nothing on sale has the barcode ${input.code}. Search by name or SKU instead.`, { code: input.code });
  return (await toProducts(ctx.db, location, found))[0]!;
}

/** Variants of a cart with their product, price in the store's currency and barcodes. */
export async function loadCartVariants(tx: Tx, location: Location, variantIds: string[]): Promise<Map<string, VariantRow>> {
  const rows = await tx.variant.findMany({ where: { id: { in: [...new Set(variantIds)] } }, include: variantInclude(location.currency) });
  return new Map(rows.map((r) => [r.id, r]));
}

export { stockFor };

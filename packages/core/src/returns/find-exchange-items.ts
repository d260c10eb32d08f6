import { AppError, FindExchangeItemsInput, type ExchangeItem } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

/**
 * Replacement items for an exchange at a store: a scanned barcode or typed SKU (exact,
 * case ignored) first, otherwise products whose name contains every word typed. Each with
 * the store's price in its currency and what is on hand there.
 */
export async function findExchangeItems(rawInput: FindExchangeItemsInput, ctx: Pick<DomainContext, "db">): Promise<ExchangeItem[]> {
  const input = parseInput(FindExchangeItemsInput, rawInput);
  const location = await ctx.db.location.findUnique({ where: { id: input.locationId }, select: { currency: true } });
  if (!location) throw new AppError("NOT_FOUND", "locationId: That store does not exist.", { fields: [{ path: ["locationId"], message: "No such store" }] });
  const include = {
    product: { select: { name: true } },
    barcodes: { select: { code: true }, take: 1 },
    prices: { where: { currency: location.currency }, select: { amount: true } },
    inventoryLevels: { where: { locationId: input.locationId }, select: { onHand: true } },
  } satisfies Prisma.VariantInclude;

  const exact = await ctx.db.variant.findMany({
    where: { active: true, OR: [{ sku: { equals: input.query, mode: "insensitive" } }, { barcodes: { some: { code: input.query } } }] },
    include,
    take: input.limit,
  });
  const words = input.query.split(/\s+/).filter(Boolean);
  const rows =
    exact.length > 0
      ? exact
      : await ctx.db.variant.findMany({
          where: {
            active: true,
            AND: words.map((w) => ({ OR: [{ product: { name: { contains: w, mode: "insensitive" as const } } }, { name: { contains: w, mode: "insensitive" as const } }, { sku: { startsWith: w, mode: "insensitive" as const } }] })),
          },
          include,
          orderBy: [{ product: { name: "asc" } }, { sku: "asc" }],
          take: input.limit,
        });
  return rows.map((v) => ({
    variantId: v.id,
    sku: v.sku,
    name: `${v.product.name} ${v.name}`.trim(),
    barcode: v.barcodes[0]?.code ?? null,
    price: v.prices[0]?.amount ?? null,
    currency: location.currency,
    onHand: v.inventoryLevels[0]?.onHand ?? 0,
  }));
}

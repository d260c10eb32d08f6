import { ListLevelsInput } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { availableToPromise } from "../inventory/index.ts";
import { parseInput } from "../shared/parse-input.ts";

export interface LevelSummary {
  id: string;
  variantId: string;
  sku: string;
  variantName: string;
  productName: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  reorderPoint: number;
  inTransit: number;
  /** availableToPromise: on hand − reserved − safety stock, never below zero. */
  available: number;
  /** available ≤ reorder point. */
  low: boolean;
  bin: string | null;
}

export interface LevelPage {
  items: LevelSummary[];
  nextCursor: string | null;
}

/**
 * The stock of one location, by SKU, one page at a time (cursor = the last level's id).
 * `lowOnly` keeps levels whose ATP is at or below the reorder point; ATP is computed by
 * `availableToPromise`, the one definition (the SQL pre-filter says the same thing).
 */
export async function listLevels(rawInput: ListLevelsInput, ctx: Pick<DomainContext, "db">): Promise<LevelPage> {
  const input = parseInput(ListLevelsInput, rawInput);
  const and: Prisma.InventoryLevelWhereInput[] = [{ locationId: input.locationId }];
  if (input.search) {
    const q = input.search;
    and.push({
      variant: {
        OR: [{ sku: { startsWith: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }, { product: { name: { contains: q, mode: "insensitive" } } }],
      },
    });
  }
  if (input.lowOnly) {
    const rows = await ctx.db.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "InventoryLevel"
      WHERE "locationId" = ${input.locationId}::uuid
        AND GREATEST(0, "onHand" - "reserved" - "safetyStock") <= "reorderPoint"`;
    and.push({ id: { in: rows.map((r) => r.id) } });
  }
  const rows = await ctx.db.inventoryLevel.findMany({
    where: { AND: and },
    orderBy: [{ variant: { sku: "asc" } }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: { variant: { select: { sku: true, name: true, product: { select: { name: true } } } } },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((l) => {
      const available = availableToPromise(l);
      return {
        id: l.id,
        variantId: l.variantId,
        sku: l.variant.sku,
        variantName: l.variant.name,
        productName: l.variant.product.name,
        onHand: l.onHand,
        reserved: l.reserved,
        safetyStock: l.safetyStock,
        reorderPoint: l.reorderPoint,
        inTransit: l.inTransit,
        available,
        low: available <= l.reorderPoint,
        bin: l.bin,
      };
    }),
    nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
  };
}

import { AppError, CycleCountIdInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

/** A count sheet with its lines (SKU and name for the person counting), by SKU. */
export async function getCycleCount(rawInput: CycleCountIdInput, ctx: Pick<DomainContext, "db">) {
  const input = parseInput(CycleCountIdInput, rawInput);
  const count = await ctx.db.cycleCount.findUnique({
    where: { id: input.cycleCountId },
    include: { location: { select: { id: true, code: true, name: true } }, lines: { orderBy: { variantId: "asc" } } },
  });
  if (!count) throw new AppError("NOT_FOUND", "That cycle count does not exist.", { cycleCountId: input.cycleCountId });
  const variants = await ctx.db.variant.findMany({
    where: { id: { in: count.lines.map((l) => l.variantId) } },
    select: { id: true, sku: true, name: true, product: { select: { name: true } } },
  });
  const byId = new Map(variants.map((v) => [v.id, v]));
  const lines = count.lines
    .map((l) => {
      const v = byId.get(l.variantId);
      return { ...l, sku: v?.sku ?? "", variantName: v?.name ?? "", productName: v?.product.name ?? "", variance: l.counted === null ? null : l.counted - l.expected };
    })
    .sort((a, b) => a.sku.localeCompare(b.sku));
  return { ...count, lines };
}

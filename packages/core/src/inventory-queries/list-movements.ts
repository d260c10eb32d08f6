import { ListMovementsInput } from "@oms/contracts";
import type { InventoryMovement } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

/** A ledger row; the bigint id as a string so the result serialises anywhere. */
export type MovementRow = Omit<InventoryMovement, "id"> & { id: string };

export interface MovementPage {
  items: MovementRow[];
  nextCursor: string | null;
}

/** The ledger of one variant at one location, newest first (cursor = the last movement id). */
export async function listMovements(rawInput: ListMovementsInput, ctx: Pick<DomainContext, "db">): Promise<MovementPage> {
  const input = parseInput(ListMovementsInput, rawInput);
  const rows = await ctx.db.inventoryMovement.findMany({
    where: { locationId: input.locationId, variantId: input.variantId, ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit).map((m) => ({ ...m, id: m.id.toString() }));
  return { items: page, nextCursor: rows.length > input.limit ? page.at(-1)!.id : null };
}

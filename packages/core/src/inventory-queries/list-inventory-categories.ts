import type { DomainContext } from "../context.ts";

/** Categories for the inventory filters, by name. */
export async function listInventoryCategories(ctx: Pick<DomainContext, "db">): Promise<{ id: string; name: string }[]> {
  return ctx.db.category.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

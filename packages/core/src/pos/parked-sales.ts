import { AppError, PosCart, PosListParkedInput, PosParkedIdInput, PosParkInput, type PosParkedSale, type PosResumedSale } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { priceSale } from "./quote-cart.ts";

// Parked sales: a cart put aside (the customer fetches another size) and taken back later,
// at this till or another one of the store. Nothing is reserved while parked, and manager
// approvals are not kept: they are asked for again after resuming (docs/pos.md).

export async function parkPosSale(rawInput: PosParkInput, ctx: DomainContext): Promise<PosParkedSale> {
  const input = parseInput(PosParkInput, rawInput);
  const parkedById = actorUserId(ctx.actor);
  if (!parkedById) throw new AppError("FORBIDDEN", "Only a signed-in person can park a sale.");
  const cart = { ...input.cart, approvals: undefined };
  return withTransaction(ctx, async (tx) => {
    const { location, quote } = await priceSale(tx, input.locationId, cart, ctx.now);
    if (input.registerId) {
      const register = await tx.register.findUnique({ where: { id: input.registerId }, select: { locationId: true } });
      if (register?.locationId !== location.id) {
        throw new AppError("VALIDATION_FAILED", "registerId: That register is not at this store.", { fields: [{ path: ["registerId"], message: "Not a register of this store" }] });
      }
    }
    const row = await tx.parkedSale.create({
      data: {
        locationId: location.id,
        registerId: input.registerId ?? null,
        label: input.label,
        cart: JSON.parse(JSON.stringify(cart)) as Prisma.InputJsonValue,
        total: quote.total,
        currency: location.currency,
        customerId: cart.customerId ?? null,
        parkedById,
        createdAt: ctx.now,
      },
    });
    const [parked] = await describeParked(tx, [row.id]);
    return parked!;
  });
}

async function describeParked(db: DomainContext["db"], ids: string[] | null, locationId?: string): Promise<PosParkedSale[]> {
  const rows = await db.parkedSale.findMany({
    where: ids ? { id: { in: ids } } : { locationId, resumedAt: null },
    include: { register: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const people = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.parkedById))] } }, select: { id: true, name: true } });
  const customers = await db.customer.findMany({
    where: { id: { in: rows.flatMap((r) => (r.customerId ? [r.customerId] : [])) } },
    select: { id: true, firstName: true, lastName: true },
  });
  return rows.map((r) => {
    const cart = PosCart.safeParse(r.cart);
    const customer = customers.find((c) => c.id === r.customerId);
    return {
      id: r.id,
      label: r.label,
      total: r.total,
      currency: r.currency,
      lineCount: cart.success ? cart.data.lines.length : 0,
      customerName: customer ? `${customer.firstName} ${customer.lastName}`.trim() : null,
      registerName: r.register?.name ?? null,
      parkedByName: people.find((p) => p.id === r.parkedById)?.name ?? "",
      parkedAt: r.createdAt,
    };
  });
}

/** The store's parked sales not yet resumed, newest first. */
export async function listParkedSales(rawInput: unknown, ctx: DomainContext): Promise<PosParkedSale[]> {
  const input = parseInput(PosListParkedInput, rawInput);
  return describeParked(ctx.db, null, input.locationId);
}

/**
 * Takes a parked sale back with one conditional update (resumedAt IS NULL): of two tills
 * resuming the same sale at once, one gets the cart and the other CONFLICT.
 */
export async function resumeParkedSale(rawInput: PosParkedIdInput, ctx: DomainContext): Promise<PosResumedSale> {
  const input = parseInput(PosParkedIdInput, rawInput);
  const taken = await ctx.db.parkedSale.updateMany({
    where: { id: input.parkedSaleId, resumedAt: null },
    data: { resumedAt: ctx.now, resumedById: actorUserId(ctx.actor) },
  });
  const row = await ctx.db.parkedSale.findUnique({ where: { id: input.parkedSaleId } });
  if (!row) throw new AppError("NOT_FOUND", "That parked sale does not exist.", { parkedSaleId: input.parkedSaleId });
  if (taken.count !== 1) throw new AppError("CONFLICT", `"${row.label}" was already resumed at another till.`, { parkedSaleId: row.id });
  const cart = PosCart.safeParse(row.cart);
  if (!cart.success) throw new AppError("CONFLICT", `"${row.label}" could not be read back; ring it up again.`, { parkedSaleId: row.id });
  return { id: row.id, label: row.label, cart: cart.data };
}

// Test helpers for till sales (core db tests, the authorization table, the benchmark):
// products priced and stocked where asked, a register with an open session, a started sale.
import type { PosCartInput, TaxCategory } from "@oms/contracts";
import type { PrismaClient } from "@oms/db";
import type { Actor, DomainContext } from "../context.ts";
import { receiveStock } from "../inventory/index.ts";
import { startPosCheckout } from "./start-checkout.ts";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const systemCtx = (db: PrismaClient): DomainContext => ({ db, actor: { kind: "SYSTEM" }, now: new Date() });

export interface PosProductOptions {
  currency?: string;
  /** Minor units in `currency`. */
  price?: number;
  /** Units on hand per location id. */
  stock?: Record<string, number>;
  taxCategory?: TaxCategory;
  barcode?: string;
  name?: string;
}

/** A product with one variant, priced in `currency` (default EUR 10.00) and stocked where asked. */
export async function createPosProduct(prisma: PrismaClient, options: PosProductOptions = {}) {
  const tag = unique();
  const category = await prisma.category.upsert({ where: { slug: "pos-tests" }, update: {}, create: { slug: "pos-tests", name: "Till tests" } });
  const product = await prisma.product.create({
    data: { handle: `pos-${tag}`, name: options.name ?? `Till product ${tag}`, categoryId: category.id, taxCategory: options.taxCategory ?? "STANDARD" },
  });
  const variant = await prisma.variant.create({
    data: {
      productId: product.id,
      sku: `POS-${tag}`.toUpperCase(),
      name: "One size",
      prices: { create: { currency: options.currency ?? "EUR", amount: options.price ?? 1000 } },
      ...(options.barcode ? { barcodes: { create: { code: options.barcode } } } : {}),
    },
  });
  for (const [locationId, quantity] of Object.entries(options.stock ?? {})) {
    if (quantity > 0) await receiveStock({ locationId, lines: [{ variantId: variant.id, quantity }] }, systemCtx(prisma));
  }
  return { product, variant };
}

/** A register at the store with an OPEN session (float 0), paired with `readerId` if given. */
export async function openTestRegister(prisma: PrismaClient, options: { locationId: string; openedById: string; currency?: string; readerId?: string }) {
  const code = `T-${unique()}`;
  const register = await prisma.register.create({ data: { locationId: options.locationId, code, name: `Till ${code}`, readerId: options.readerId ?? null } });
  const session = await prisma.registerSession.create({
    data: {
      registerId: register.id,
      locationId: options.locationId,
      currency: options.currency ?? "EUR",
      openedById: options.openedById,
      openingCount: { denominations: {} },
      openingFloat: 0,
    },
  });
  return { register, session };
}

/** Starts a sale of `cart` on the session as `actor`. */
export async function startTestSale(prisma: PrismaClient, registerSessionId: string, cart: PosCartInput, actor: Actor = { kind: "SYSTEM" }) {
  return startPosCheckout({ registerSessionId, cart }, { db: prisma, actor, now: new Date() });
}

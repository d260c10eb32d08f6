import { AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { startPicking } from "../fulfillment/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { ClaimFulfillmentOrderInput } from "./schemas.ts";

export interface ClaimResult {
  fulfillmentOrderId: string;
  status: string;
  claimedById: string;
  claimedAt: Date;
}

/** Statuses in which an associate works on a pickup order (picking and packing). */
const claimable = ["NEW", "PICKING"] as const;

function claimantId(ctx: DomainContext): string {
  if (ctx.actor.kind !== "USER") throw new AppError("FORBIDDEN", "Only a signed-in store associate can claim an order for picking.");
  return ctx.actor.user.id;
}

/**
 * One associate takes an order to pick it. The claim is a single conditional UPDATE
 * (`claimedById IS NULL OR claimedById = me`), so of two associates tapping at the same
 * moment exactly one wins; the other hears who has it. A NEW order starts picking
 * (fulfillment's startPicking, which also moves the pick task to the claimant).
 */
export async function claimFulfillmentOrder(rawInput: ClaimFulfillmentOrderInput, ctx: DomainContext): Promise<ClaimResult> {
  const input = parseInput(ClaimFulfillmentOrderInput, rawInput);
  const me = claimantId(ctx);
  const won = await ctx.db.fulfillmentOrder.updateMany({
    where: { id: input.fulfillmentOrderId, type: "PICKUP", status: { in: [...claimable] }, OR: [{ claimedById: null }, { claimedById: me }] },
    data: { claimedById: me, claimedAt: ctx.now, updatedAt: ctx.now },
  });
  if (won.count !== 1) await explainRefusedClaim(input.fulfillmentOrderId, me, ctx);
  const row = await ctx.db.fulfillmentOrder.findUniqueOrThrow({ where: { id: input.fulfillmentOrderId }, select: { id: true, status: true } });
  if (row.status === "NEW") {
    try {
      await startPicking({ fulfillmentOrderId: row.id }, ctx);
    } catch (error) {
      // Do not leave a claim on an order nobody could start.
      await ctx.db.fulfillmentOrder.updateMany({ where: { id: row.id, claimedById: me, status: "NEW" }, data: { claimedById: null, claimedAt: null } });
      throw error;
    }
  }
  const after = await ctx.db.fulfillmentOrder.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, status: true, claimedById: true, claimedAt: true } });
  return { fulfillmentOrderId: after.id, status: after.status, claimedById: after.claimedById ?? me, claimedAt: after.claimedAt ?? ctx.now };
}

async function explainRefusedClaim(fulfillmentOrderId: string, me: string, ctx: DomainContext): Promise<never> {
  const row = await ctx.db.fulfillmentOrder.findUnique({ where: { id: fulfillmentOrderId }, select: { number: true, type: true, status: true, claimedById: true } });
  if (!row) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId });
  if (row.type !== "PICKUP") throw new AppError("INVALID_TRANSITION", `${row.number} is not a store pickup.`, { type: row.type });
  if (row.claimedById && row.claimedById !== me && (claimable as readonly string[]).includes(row.status)) {
    const who = await ctx.db.user.findUnique({ where: { id: row.claimedById }, select: { name: true } });
    throw new AppError("CONFLICT", `${who?.name ?? "Another associate"} is picking this order.`, { fulfillmentOrderId, claimedById: row.claimedById });
  }
  throw new AppError("INVALID_TRANSITION", `${row.number} is already ${row.status.toLowerCase().replace(/_/g, " ")}; there is nothing left to pick.`, { status: row.status });
}

/**
 * Gives a claimed order back to the queue (break, end of shift). The claimant may; a
 * manager (or HQ) may release anyone's claim. The order stays PICKING for the next person.
 */
export async function releaseClaim(rawInput: ClaimFulfillmentOrderInput, ctx: DomainContext): Promise<{ fulfillmentOrderId: string; released: boolean }> {
  const input = parseInput(ClaimFulfillmentOrderInput, rawInput);
  const me = claimantId(ctx);
  const mayReleaseAny = ctx.actor.kind === "USER" && (ctx.actor.user.role === "MANAGER" || ctx.actor.user.role === "ADMIN");
  const released = await ctx.db.fulfillmentOrder.updateMany({
    where: { id: input.fulfillmentOrderId, claimedById: mayReleaseAny ? { not: null } : me },
    data: { claimedById: null, claimedAt: null, updatedAt: ctx.now },
  });
  if (released.count === 1) return { fulfillmentOrderId: input.fulfillmentOrderId, released: true };
  const row = await ctx.db.fulfillmentOrder.findUnique({ where: { id: input.fulfillmentOrderId }, select: { claimedById: true } });
  if (!row) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId: input.fulfillmentOrderId });
  if (row.claimedById === null) return { fulfillmentOrderId: input.fulfillmentOrderId, released: false };
  throw new AppError("FORBIDDEN", "Only the associate picking this order or a manager can release it.");
}

/**
 * Before a pick, pack or short-pick: the actor holds the claim, taking it when nobody does
 * (one conditional UPDATE, like claiming); CONFLICT naming the holder otherwise.
 */
export async function assertHoldsClaim(fulfillmentOrderId: string, ctx: DomainContext): Promise<void> {
  const me = claimantId(ctx);
  const held = await ctx.db.fulfillmentOrder.updateMany({
    where: { id: fulfillmentOrderId, OR: [{ claimedById: null }, { claimedById: me }] },
    data: { claimedById: me, claimedAt: ctx.now },
  });
  if (held.count === 1) return;
  const row = await ctx.db.fulfillmentOrder.findUnique({ where: { id: fulfillmentOrderId }, select: { claimedById: true } });
  if (!row) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId });
  const who = row.claimedById ? await ctx.db.user.findUnique({ where: { id: row.claimedById }, select: { name: true } }) : null;
  throw new AppError("CONFLICT", `${who?.name ?? "Another associate"} is picking this order.`, { fulfillmentOrderId, claimedById: row.claimedById });
}

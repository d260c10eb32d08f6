// Shared checks of the domain routers: procedures scoped to the location a row belongs to
// (an order, a fulfillment order, a transfer...), and list queries scoped to the caller's
// store. The location check runs before the role check, as in locationRoleProcedure, so
// a person from another store always hears "You can only work with <their store>.".
import type { Role } from "@oms/contracts";
import { assertCanAccessLocation, assertRole, canAccessLocation, type Actor } from "@oms/core";
import type { z } from "zod";
import type { TrpcContext } from "../context.ts";
import { authedProcedure } from "../trpc.ts";

export type AuthedContext = TrpcContext & { actor: Actor; user: NonNullable<TrpcContext["user"]> };

export const ALL_ROLES: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER", "ASSOCIATE"];

/**
 * Signed in, input parsed with `schema`, `check` passes (it loads the row and throws
 * NOT_FOUND / FORBIDDEN, see @oms/core access-entities), then one of `roles`.
 */
export function scopedProcedure<S extends z.ZodType>(schema: S, roles: readonly Role[], check: (ctx: AuthedContext, input: z.output<S>) => Promise<unknown>) {
  return authedProcedure.input(schema).use(async ({ ctx, input, next }) => {
    await check(ctx, input as z.output<S>);
    assertRole(ctx.actor, roles);
    return next();
  });
}

/** Throws FORBIDDEN naming the caller's store unless they may work with `locationId`. */
export async function assertLocation(ctx: AuthedContext, locationId: string): Promise<void> {
  if (canAccessLocation(ctx.actor, locationId)) return;
  const homeId = ctx.user.locationId;
  const home = homeId ? await ctx.db.location.findUnique({ where: { id: homeId }, select: { name: true } }) : null;
  assertCanAccessLocation(ctx.actor, locationId, home?.name);
}

/**
 * The location a list is limited to: an admin's choice (undefined = everything); a store
 * role's own store, and FORBIDDEN when they name another one.
 */
export async function listScope(ctx: AuthedContext, locationId: string | undefined): Promise<string | undefined> {
  if (ctx.user.role === "ADMIN") return locationId;
  if (locationId !== undefined) {
    await assertLocation(ctx, locationId);
    return locationId;
  }
  if (!ctx.user.locationId) await assertLocation(ctx, "");
  return ctx.user.locationId ?? undefined;
}

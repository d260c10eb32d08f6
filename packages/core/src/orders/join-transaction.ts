import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";

/**
 * The context for work inside an open transaction. Prisma 7 transaction clients also carry
 * `$transaction` (for nested transactions), so `withTransaction` would take them for the
 * root client and open a nested transaction, which the PGlite adapter cannot do. Hiding
 * `$transaction` makes every command called with this context join the open transaction.
 */
export function joinTransaction(ctx: DomainContext, tx: Tx): DomainContext {
  const joined = new Proxy(tx, {
    get(target, prop) {
      if (prop === "$transaction") return undefined;
      return Reflect.get(target, prop, target);
    },
  });
  return { ...ctx, db: joined };
}

import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorRef } from "./actor.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order keys were written in. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Deep equality for the plain values audit rows hold (strings, numbers, arrays, JSON). */
function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

/**
 * The fields of `keys` whose value differs, with their values before and after: the
 * `{ before, after }` of an audit row. `before = null` (a new row) lists every key with null
 * before. Dates become ISO strings so the row reads the same in the log and in a CSV.
 */
export function changedFields<T extends object>(before: T | null, after: T, keys: readonly (keyof T & string)[]): { changed: (keyof T & string)[]; before: Record<string, Json>; after: Record<string, Json> } {
  const changed = keys.filter((key) => !before || !same(before[key], after[key]));
  const plain = (value: unknown): Json => (value instanceof Date ? value.toISOString() : ((value ?? null) as Json));
  return {
    changed,
    before: Object.fromEntries(changed.map((key) => [key, before ? plain(before[key]) : null])),
    after: Object.fromEntries(changed.map((key) => [key, plain(after[key])])),
  };
}

/** One AuditLog row for the acting person, key or job, in the caller's transaction. */
export async function writeAudit(db: Tx, ctx: Pick<DomainContext, "actor" | "now">, row: { action: string; entityType: string; entityId: string; data: Record<string, unknown> }): Promise<void> {
  await db.auditLog.create({ data: { ...actorRef(ctx.actor), ...row, data: row.data as object, createdAt: ctx.now } });
}

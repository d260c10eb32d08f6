import type { Tx } from "@oms/db";

/**
 * Next value of a named counter, atomically (one UPDATE ... RETURNING; concurrent callers
 * queue on the row). Used for human-readable numbers: orders, transfers, returns.
 */
export async function nextCounterValue(db: Tx, name: string): Promise<number> {
  const rows = await db.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" ("name", "value") VALUES (${name}, 1)
    ON CONFLICT ("name") DO UPDATE SET "value" = "Counter"."value" + 1
    RETURNING "value"`;
  return rows[0]!.value;
}

export async function nextNumber(db: Tx, name: string, prefix: string, width = 6): Promise<string> {
  const value = await nextCounterValue(db, name);
  return `${prefix}${String(value).padStart(width, "0")}`;
}

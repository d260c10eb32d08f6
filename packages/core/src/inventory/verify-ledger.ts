import type { Tx } from "@oms/db";

export interface LedgerMismatch {
  variantId: string;
  locationId: string;
  onHand: number;
  ledgerSum: number;
  reserved: number;
  activeReservations: number;
  problem: "ON_HAND_DIFFERS_FROM_LEDGER" | "RESERVED_DIFFERS_FROM_RESERVATIONS";
}

/**
 * Checks the whole database: for every level, the sum of its movements equals on hand,
 * and reserved equals the units of its active reservations. Returns every mismatch.
 */
export async function verifyLedger(db: Tx): Promise<{ levelsChecked: number; mismatches: LedgerMismatch[] }> {
  const rows = await db.$queryRaw<
    { variantId: string; locationId: string; onHand: number; ledgerSum: bigint; reserved: number; activeReservations: bigint }[]
  >`
    WITH keys AS (
      SELECT "variantId", "locationId" FROM "InventoryLevel"
      UNION SELECT DISTINCT "variantId", "locationId" FROM "InventoryMovement"
    ),
    ledger AS (
      SELECT "variantId", "locationId", SUM("quantity")::bigint AS total FROM "InventoryMovement" GROUP BY 1, 2
    ),
    held AS (
      SELECT "variantId", "locationId", SUM("quantity")::bigint AS total FROM "Reservation" WHERE "status" = 'ACTIVE' GROUP BY 1, 2
    )
    SELECT k."variantId"::text AS "variantId", k."locationId"::text AS "locationId",
           COALESCE(l."onHand", 0) AS "onHand", COALESCE(ledger.total, 0) AS "ledgerSum",
           COALESCE(l."reserved", 0) AS "reserved", COALESCE(held.total, 0) AS "activeReservations"
    FROM keys k
    LEFT JOIN "InventoryLevel" l ON l."variantId" = k."variantId" AND l."locationId" = k."locationId"
    LEFT JOIN ledger ON ledger."variantId" = k."variantId" AND ledger."locationId" = k."locationId"
    LEFT JOIN held ON held."variantId" = k."variantId" AND held."locationId" = k."locationId"`;
  const mismatches: LedgerMismatch[] = [];
  for (const row of rows) {
    const base = {
      variantId: row.variantId,
      locationId: row.locationId,
      onHand: Number(row.onHand),
      ledgerSum: Number(row.ledgerSum),
      reserved: Number(row.reserved),
      activeReservations: Number(row.activeReservations),
    };
    if (base.onHand !== base.ledgerSum) mismatches.push({ ...base, problem: "ON_HAND_DIFFERS_FROM_LEDGER" });
    if (base.reserved !== base.activeReservations) mismatches.push({ ...base, problem: "RESERVED_DIFFERS_FROM_RESERVATIONS" });
  }
  return { levelsChecked: rows.length, mismatches };
}

// `npm run inventory:verify`: checks a whole database (DATABASE_URL, or the embedded one)
// for levels whose on hand differs from the sum of their ledger movements, or whose
// reserved differs from their active reservations. Exit code 1 when anything is off.
import { openDatabase } from "@oms/db";
import { verifyLedger } from "../src/inventory/verify-ledger.ts";

const database = openDatabase();
try {
  const started = Date.now();
  const { levelsChecked, mismatches } = await verifyLedger(database.prisma);
  const names = new Map<string, string>();
  if (mismatches.length > 0) {
    const variants = await database.prisma.variant.findMany({ where: { id: { in: mismatches.map((m) => m.variantId) } }, select: { id: true, sku: true } });
    const locations = await database.prisma.location.findMany({ where: { id: { in: mismatches.map((m) => m.locationId) } }, select: { id: true, code: true } });
    for (const v of variants) names.set(v.id, v.sku);
    for (const l of locations) names.set(l.id, l.code);
  }
  for (const m of mismatches) {
    const where = `${names.get(m.variantId) ?? m.variantId} @ ${names.get(m.locationId) ?? m.locationId}`;
    if (m.problem === "ON_HAND_DIFFERS_FROM_LEDGER") {
      console.log(`MISMATCH ${where}: on hand ${m.onHand}, ledger sum ${m.ledgerSum} (difference ${m.onHand - m.ledgerSum})`);
    } else {
      console.log(`MISMATCH ${where}: reserved ${m.reserved}, active reservations ${m.activeReservations}`);
    }
  }
  console.log(
    `${levelsChecked} inventory levels checked in ${Date.now() - started} ms: ` +
      (mismatches.length === 0 ? "the ledger reconciles." : `${mismatches.length} mismatch(es).`),
  );
  process.exitCode = mismatches.length === 0 ? 0 : 1;
} finally {
  await database.close();
}

// Which register this device sells on. Pure, so the choice is unit-tested.

interface OpenRegister {
  id: string;
  session: { openedBy: { id: string } } | null;
}

/**
 * The register the sale screen uses among the store's `open` ones: the device's own when it
 * is open; else the one the signed-in person opened (if exactly one); else the only open
 * one. Null: the cashier must choose (or open one, when none is open).
 */
export function pickRegister<R extends OpenRegister>(open: readonly R[], deviceRegister: string | null, userId: string): R | null {
  const device = open.find((r) => r.id === deviceRegister);
  if (device) return device;
  const mine = open.filter((r) => r.session?.openedBy.id === userId);
  if (mine.length === 1) return mine[0]!;
  return open.length === 1 ? open[0]! : null;
}

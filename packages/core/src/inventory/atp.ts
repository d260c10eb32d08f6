/**
 * Available to promise for one variant at one location:
 *   ATP = on hand − reserved − safety stock, never below zero.
 * The one definition every screen and the API use (docs/inventory.md). The SQL form below
 * must say the same thing for conditional updates.
 */
export function availableToPromise(level: { onHand: number; reserved: number; safetyStock: number }): number {
  return Math.max(0, level.onHand - level.reserved - level.safetyStock);
}

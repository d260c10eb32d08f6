/** Units of an order line that can still come back: handed over, not cancelled, not returned. */
export function returnableUnits(line: { quantity: number; quantityCancelled: number; quantityFulfilled: number; quantityReturned: number }): number {
  return Math.max(0, Math.min(line.quantityFulfilled - line.quantityReturned, line.quantity - line.quantityCancelled - line.quantityReturned));
}

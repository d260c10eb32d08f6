import { allocateProportionally } from "@oms/contracts";

/**
 * The exact share of a line's paid total carried by each unit: the total split into
 * `quantity` equal parts with allocateProportionally, the leftover minor units going to the
 * first units. 1000 over 3 units: [334, 333, 333]. The shares add up to the total exactly.
 */
export function unitShares(lineTotal: number, quantity: number): number[] {
  if (quantity <= 0) return [];
  return allocateProportionally(lineTotal, Array.from({ length: quantity }, () => 1));
}

/**
 * Refund for returning `count` units of a line of which `alreadyReturned` units came back
 * before: units are refunded in order (unit alreadyReturned, alreadyReturned + 1, ...), so
 * returning every unit, in any number of returns, refunds exactly the line total.
 */
export function refundForUnits(lineTotal: number, quantity: number, alreadyReturned: number, count: number): number {
  const shares = unitShares(lineTotal, quantity);
  let sum = 0;
  for (let i = alreadyReturned; i < Math.min(alreadyReturned + count, quantity); i++) sum += shares[i]!;
  return sum;
}

/** Tax inside (or on top of) a line amount at `rateBps`, rounded half up, integers only. */
export function lineTax(amount: number, rateBps: number, pricesIncludeTax: boolean): number {
  if (rateBps === 0) return 0;
  if (pricesIncludeTax) {
    const divisor = 10_000 + rateBps;
    const net = Math.floor((2 * amount * 10_000 + divisor) / (2 * divisor));
    return amount - net;
  }
  return Math.floor((2 * amount * rateBps + 10_000) / 20_000);
}

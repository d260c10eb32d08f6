// Test helpers for the offline till: a complete sale command priced with the shared arithmetic.
import { cashTender, priceOfflineSale, type OfflineSaleCommand, type OfflineSaleLine } from "@oms/contracts";

export interface OfflineSaleOptions {
  deviceId: string;
  locationId: string;
  registerSessionId: string;
  cashierId: string;
  lines: (Omit<OfflineSaleLine, "sku" | "name" | "taxRateBps"> & { taxRateBps?: number })[];
  /** Cash handed over; default: exactly the cash due. */
  tendered?: number;
  pricesIncludeTax?: boolean;
  cashRoundingIncrement?: number;
  clientId?: string;
  recordedAt?: Date;
}

/** A cash sale as a till records it offline (EUR store, 19 % included, no cash rounding by default). */
export function offlineSale(o: OfflineSaleOptions): OfflineSaleCommand {
  const lines: OfflineSaleLine[] = o.lines.map((l, i) => ({ sku: `SKU-${i}`, name: `Item ${i + 1}`, taxRateBps: 1900, ...l }));
  const priced = priceOfflineSale(lines, { pricesIncludeTax: o.pricesIncludeTax ?? true, approvalBps: 2000 });
  const due = cashTender(priced.total, o.tendered ?? priced.total, o.cashRoundingIncrement ?? 1);
  return {
    type: "SALE",
    clientId: o.clientId ?? crypto.randomUUID(),
    deviceId: o.deviceId,
    locationId: o.locationId,
    registerSessionId: o.registerSessionId,
    cashierId: o.cashierId,
    recordedAt: (o.recordedAt ?? new Date()).toISOString(),
    lines,
    total: priced.total,
    taxTotal: priced.taxTotal,
    tendered: o.tendered ?? due.applied,
    change: due.change,
  };
}

import type { FxConverter } from "./fx.ts";

/** What one group of sales sums to, in one currency (minor units). */
export interface SalesSums {
  /** What customers pay for the units kept, tax included. */
  amount: number;
  tax: number;
  units: number;
  returnedAmount: number;
  returnedTax: number;
  returnedUnits: number;
  orders: number;
}

/** The figures a report shows, with or without tax per OrganizationSettings.reportPricesIncludeTax. */
export interface SalesFigures {
  /** Sold: the units kept, at what customers paid (tax included or not per the setting). */
  gross: number;
  /** Returned, on the same basis. */
  returns: number;
  /** gross − returns. */
  net: number;
  /** Tax in the sales less tax in the returns (shown either way). */
  tax: number;
  units: number;
  returnedUnits: number;
  orders: number;
  /** gross ÷ orders, rounded to the minor unit; null without orders. */
  averageBasket: number | null;
}

export interface LocalSalesFigures extends SalesFigures {
  currency: string;
}

export const emptySums = (): SalesSums => ({ amount: 0, tax: 0, units: 0, returnedAmount: 0, returnedTax: 0, returnedUnits: 0, orders: 0 });

export function addSums(into: SalesSums, add: SalesSums): SalesSums {
  into.amount += add.amount;
  into.tax += add.tax;
  into.units += add.units;
  into.returnedAmount += add.returnedAmount;
  into.returnedTax += add.returnedTax;
  into.returnedUnits += add.returnedUnits;
  into.orders += add.orders;
  return into;
}

/** Sums → figures; `includeTax` false takes the tax out of sales and returns. */
export function salesFigures(sums: SalesSums, includeTax: boolean): SalesFigures {
  const gross = includeTax ? sums.amount : sums.amount - sums.tax;
  const returns = includeTax ? sums.returnedAmount : sums.returnedAmount - sums.returnedTax;
  return {
    gross,
    returns,
    net: gross - returns,
    tax: sums.tax - sums.returnedTax,
    units: sums.units,
    returnedUnits: sums.returnedUnits,
    orders: sums.orders,
    averageBasket: sums.orders > 0 ? Math.round(gross / sums.orders) : null,
  };
}

/**
 * Sums of several currencies in the reporting currency: each amount converted exactly with
 * the stored rate (fx.ts), then added, so every total is the sum of what the screen shows.
 * Amounts in currencies without a rate are left out (and listed in `fx.missing`); their
 * units and orders still count.
 */
export function convertSums(perCurrency: { currency: string; sums: SalesSums }[], fx: FxConverter): SalesSums {
  const out = emptySums();
  for (const { currency, sums } of perCurrency) {
    // Units and orders count whatever the currency; amounts only with a rate.
    const amount = fx.convert(sums.amount, currency);
    addSums(out, {
      amount: amount ?? 0,
      tax: amount === undefined ? 0 : fx.convert(sums.tax, currency)!,
      units: sums.units,
      returnedAmount: amount === undefined ? 0 : fx.convert(sums.returnedAmount, currency)!,
      returnedTax: amount === undefined ? 0 : fx.convert(sums.returnedTax, currency)!,
      returnedUnits: sums.returnedUnits,
      orders: sums.orders,
    });
  }
  return out;
}

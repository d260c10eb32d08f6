import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";
import { loadFxConverter, type FxConverter } from "./fx.ts";

/** What every report is computed on: the reporting currency, its rates, and tax in or out. */
export interface ReportBasis {
  currency: string;
  includeTax: boolean;
  fx: FxConverter;
}

export async function loadReportBasis(db: Tx): Promise<ReportBasis> {
  const settings = await db.organizationSettings.findUnique({ where: { id: 1 }, select: { reportingCurrency: true, reportPricesIncludeTax: true } });
  if (!settings) throw new AppError("NOT_FOUND", "Reports need the organisation's settings (the reporting currency). Save them in HQ › Settings first.");
  return { currency: settings.reportingCurrency, includeTax: settings.reportPricesIncludeTax, fx: await loadFxConverter(db, settings.reportingCurrency) };
}

/** The footnote of a report: which rates were used, and which currencies had none. */
export interface FxNote {
  currency: string;
  includesTax: boolean;
  /** Currencies sold in that had no rate: their sales are not in the converted figures. */
  missing: string[];
  asOf: Date | null;
  rates: { currency: string; rate: string }[];
}

export function fxNote(basis: ReportBasis, currencies: Iterable<string>): FxNote {
  const seen = [...new Set(currencies)].filter((c) => c !== basis.currency).sort();
  return {
    currency: basis.currency,
    includesTax: basis.includeTax,
    missing: [...basis.fx.missing].sort(),
    asOf: basis.fx.asOf,
    rates: seen.flatMap((c) => {
      const rate = basis.fx.rate(c);
      return rate ? [{ currency: c, rate }] : [];
    }),
  };
}

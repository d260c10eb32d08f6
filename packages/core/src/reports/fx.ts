import { currencyExponent } from "@oms/contracts";
import type { Tx } from "@oms/db";

/**
 * Stored exchange rates (FxRate: 1 unit of `base` = `rate` units of `quote`) turned into a
 * converter to one target currency, the organisation's reporting currency. Rates are read
 * once per report; conversion is exact integer arithmetic on the rate's decimal digits,
 * rounded half away from zero, so the same inputs always give the same minor units.
 */
export interface FxConverter {
  readonly target: string;
  /** `amount` minor units of `from` in minor units of the target; undefined without a rate. */
  convert(amount: number, from: string): number | undefined;
  /** The rate used from `from` to the target, as stored (for the screen's footnote). */
  rate(from: string): string | undefined;
  /** Currencies asked for that had no rate (so the screen can say which totals are partial). */
  readonly missing: ReadonlySet<string>;
  /** When the newest rate used was set. */
  readonly asOf: Date | null;
}

const RATE_SCALE = 10n ** 10n; // FxRate.rate is Decimal(20, 10)

/** "4.3200000000" → 43200000000n (the rate × 10^10), exact. */
export function scaledRate(rate: string): bigint {
  const match = /^(\d+)(?:\.(\d{0,10})\d*)?$/.exec(rate.trim());
  if (!match) throw new Error(`Not a decimal exchange rate: ${rate}`);
  const [, whole = "0", fraction = ""] = match;
  return BigInt(whole) * RATE_SCALE + BigInt(fraction.padEnd(10, "0"));
}

/** Divides, rounding half away from zero (BigInt division truncates). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** Converts minor units with a scaled rate, honouring both currencies' decimal places. */
export function convertMinorUnits(amount: number, from: string, to: string, rate: bigint): number {
  const fromExp = BigInt(currencyExponent(from) ?? 2);
  const toExp = BigInt(currencyExponent(to) ?? 2);
  const numerator = BigInt(amount) * rate * 10n ** toExp;
  const denominator = RATE_SCALE * 10n ** fromExp;
  return Number(divideRounded(numerator, denominator));
}

/** Builds the converter from rows; a pure function so it is unit-tested without a database. */
export function fxConverter(target: string, rows: { base: string; quote: string; rate: string; asOf: Date }[]): FxConverter {
  const direct = new Map<string, { rate: string; asOf: Date }>();
  for (const row of rows) if (row.quote === target) direct.set(row.base, { rate: row.rate, asOf: row.asOf });
  const inverse = new Map<string, { rate: string; asOf: Date }>();
  for (const row of rows) if (row.base === target) inverse.set(row.quote, { rate: row.rate, asOf: row.asOf });
  const missing = new Set<string>();
  let asOf: Date | null = null;
  const used = (at: Date) => {
    if (!asOf || at > asOf) asOf = at;
  };
  const converter: FxConverter = {
    target,
    missing,
    get asOf() {
      return asOf;
    },
    rate(from) {
      if (from === target) return "1";
      return direct.get(from)?.rate;
    },
    convert(amount, from) {
      if (from === target) return amount;
      const hit = direct.get(from);
      if (hit) {
        used(hit.asOf);
        return convertMinorUnits(amount, from, target, scaledRate(hit.rate));
      }
      // Only the opposite direction is stored: divide by it (exact to the minor unit).
      const back = inverse.get(from);
      if (back) {
        const r = scaledRate(back.rate);
        if (r === 0n) return undefined;
        used(back.asOf);
        const fromExp = BigInt(currencyExponent(from) ?? 2);
        const toExp = BigInt(currencyExponent(target) ?? 2);
        return Number(divideRounded(BigInt(amount) * RATE_SCALE * 10n ** toExp, r * 10n ** fromExp));
      }
      missing.add(from);
      return undefined;
    },
  };
  return converter;
}

/** Reads the stored rates to `target` (and from it, for the inverse) into a converter. */
export async function loadFxConverter(db: Tx, target: string): Promise<FxConverter> {
  const rows = await db.fxRate.findMany({ where: { OR: [{ quote: target }, { base: target }] } });
  return fxConverter(
    target,
    rows.map((r) => ({ base: r.base, quote: r.quote, rate: r.rate.toFixed(10), asOf: r.asOf })),
  );
}

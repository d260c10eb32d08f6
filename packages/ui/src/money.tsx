import { moneyText } from "./format.ts";

export interface MoneyProps {
  /** Integer minor units (cents). */
  amount: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** BCP 47 locale of the reader, e.g. "en" or "pl-PL". */
  locale: string;
}

/** An amount of money, formatted by Intl; tabular digits so columns line up. */
export function Money({ amount, currency, locale }: MoneyProps) {
  return (
    <span style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }} data-amount={amount} data-currency={currency}>
      {moneyText(amount, currency, locale)}
    </span>
  );
}

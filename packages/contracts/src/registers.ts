// Registers and register sessions (issue 5): the notes and coins of each currency, the
// count of a drawer by denomination, the inputs of the register commands and the live event.
// Money is integer minor units throughout (see money.ts).
import { z } from "zod";

/**
 * Notes and coins a drawer is counted in, largest first, in minor units. EUR keeps its 1-
 * and 2-cent coins (legal tender, even where cash totals are rounded); SEK has had no coin
 * below 1 krona since 2010, so its smallest row is 100 öre.
 */
export const cashDenominations = {
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  PLN: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  SEK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
} as const satisfies Record<string, readonly number[]>;

export type CashCurrency = keyof typeof cashDenominations;

/** The denominations of `currency`, largest first; undefined when the tills do not take it. */
export function denominationsFor(currency: string): readonly number[] | undefined {
  return (cashDenominations as Record<string, readonly number[]>)[currency];
}

/**
 * The smallest note: everything from it up is a note, below it a coin (for the count
 * screen's two groups). EUR and PLN notes start at 5 / 10, SEK notes at 20 kronor.
 */
export const smallestNote: Record<CashCurrency, number> = { EUR: 500, PLN: 1000, SEK: 2000 };

/** A drawer count: how many of each denomination, keyed by the denomination in minor units. */
export const DenominationCount = z.record(
  z.string().regex(/^[1-9]\d{0,6}$/, { error: "A denomination is a whole number of minor units." }),
  z.number({ error: "Enter how many you counted." }).int({ error: "Count whole notes and coins." }).min(0, { error: "A count cannot be negative." }).max(100_000, { error: "That is more than a drawer holds." }),
);
export type DenominationCount = z.infer<typeof DenominationCount>;

/** The value of a count in minor units (integers only: 100,000 × 100,000 stays exact). */
export function countTotal(count: DenominationCount): number {
  let total = 0;
  for (const [denomination, quantity] of Object.entries(count)) total += Number(denomination) * quantity;
  return total;
}

/**
 * Problems of a count for `currency`: denominations that currency does not have. Each issue
 * names the field (["count", "<denomination>"]) so a screen can point at the row.
 */
export function countIssues(currency: string, count: DenominationCount): { path: (string | number)[]; message: string }[] {
  const allowed = denominationsFor(currency);
  if (!allowed) return [{ path: ["count"], message: `Registers cannot count ${currency} cash: there is no table of its notes and coins.` }];
  return Object.keys(count)
    .filter((d) => !allowed.includes(Number(d)))
    .map((d) => ({ path: ["count", d], message: `${currency} has no note or coin of ${d} minor units.` }));
}

/** Drops zero rows so stored counts stay small and comparable. */
export function compactCount(count: DenominationCount): DenominationCount {
  return Object.fromEntries(Object.entries(count).filter(([, n]) => n > 0));
}

const uuid = (what: string) => z.uuid({ error: `Choose ${what}.` });

export const ListStoreRegistersInput = z.object({ locationId: uuid("a store") });
export type ListStoreRegistersInput = z.input<typeof ListStoreRegistersInput>;

export const OpenRegisterSessionInput = z.object({
  registerId: uuid("a register"),
  /** The opening float, counted by denomination. */
  count: DenominationCount,
});
export type OpenRegisterSessionInput = z.input<typeof OpenRegisterSessionInput>;

export const CashMovementKindManual = z.enum(["CASH_IN", "CASH_OUT"]);
export type CashMovementKindManual = z.infer<typeof CashMovementKindManual>;

export const RecordCashMovementInput = z.object({
  registerSessionId: uuid("a register session"),
  kind: CashMovementKindManual,
  /** Always positive: CASH_OUT is stored negative. */
  amount: z.number({ error: "Enter an amount." }).int({ error: "Enter the amount in whole minor units." }).min(1, { error: "Enter an amount above zero." }).max(100_000_000, { error: "That amount is too large for a drawer." }),
  reason: z.string().trim().min(3, { error: "Say why the cash goes in or out (at least 3 characters)." }).max(200, { error: "Keep the reason under 200 characters." }),
});
export type RecordCashMovementInput = z.input<typeof RecordCashMovementInput>;

export const RegisterSessionRef = z.object({ registerSessionId: uuid("a register session") });
export type RegisterSessionRef = z.input<typeof RegisterSessionRef>;

export const CloseRegisterSessionInput = z.object({
  registerSessionId: uuid("a register session"),
  /** The blind count of the drawer at close. */
  count: DenominationCount,
  /** Required when the variance is above the organization's threshold. */
  varianceNote: z.string().trim().max(500, { error: "Keep the note under 500 characters." }).optional(),
});
export type CloseRegisterSessionInput = z.input<typeof CloseRegisterSessionInput>;

/** Live event: a register opened, closed or had cash moved; the store's overview refetches. */
export const RegisterChangedEvent = z.object({
  registerId: z.string(),
  registerSessionId: z.string(),
  locationId: z.string(),
  status: z.enum(["OPEN", "CLOSED"]),
  /** "register.opened", "register.cash_in", "register.cash_out", "register.closed". */
  change: z.string(),
});
export type RegisterChangedEvent = z.infer<typeof RegisterChangedEvent>;

// What the HQ location commands share: the editable fields, the view, and the checks that
// need the database (the market's currency and countries, a unique code).
import { AppError, type LocationFields, type OpeningHours } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import type { z } from "zod";
import { isUniqueViolation } from "../shared/database-errors.ts";

export type LocationFieldValues = z.output<typeof LocationFields>;
export type LocationFieldName = keyof LocationFieldValues;

/** The editable fields in form order; audit rows list changes in this order. */
export const locationFieldNames = [
  "code",
  "name",
  "kind",
  "marketCode",
  "addressLine1",
  "addressLine2",
  "city",
  "postalCode",
  "region",
  "countryCode",
  "phone",
  "email",
  "latitude",
  "longitude",
  "timeZone",
  "currency",
  "locale",
  "taxRateBps",
  "reducedTaxRateBps",
  "pricesIncludeTax",
  "cashRoundingIncrement",
  "fulfillmentTypes",
  "openingHours",
  "dailyCapacity",
  "active",
] as const satisfies readonly LocationFieldName[];

export interface LocationDetail extends Omit<LocationFieldValues, "openingHours"> {
  id: string;
  marketName: string;
  openingHours: OpeningHours;
  staffCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export const locationDetailSelect = {
  id: true,
  ...Object.fromEntries(locationFieldNames.map((name) => [name, true])),
  market: { select: { name: true } },
  _count: { select: { users: true } },
  createdAt: true,
  updatedAt: true,
} as { id: true; market: { select: { name: true } }; _count: { select: { users: true } }; createdAt: true; updatedAt: true } & Record<LocationFieldName, true>;

type DetailRow = Prisma.LocationGetPayload<{ select: typeof locationDetailSelect }>;

/** Stored hours may predate the editor (missing days): every weekday is present in the view. */
function normaliseHours(value: unknown): OpeningHours {
  const stored = (value && typeof value === "object" ? value : {}) as Partial<OpeningHours>;
  return {
    mon: stored.mon ?? [],
    tue: stored.tue ?? [],
    wed: stored.wed ?? [],
    thu: stored.thu ?? [],
    fri: stored.fri ?? [],
    sat: stored.sat ?? [],
    sun: stored.sun ?? [],
  };
}

export function toLocationDetail(row: DetailRow): LocationDetail {
  const { market, _count, ...rest } = row;
  return {
    ...rest,
    countryCode: rest.countryCode.trim(),
    currency: rest.currency.trim(),
    openingHours: normaliseHours(rest.openingHours),
    marketName: market.name,
    staffCount: _count.users,
  };
}

/** The fields as the audit row compares them (trimmed CHAR columns, complete hours). */
export function comparableFields(detail: LocationDetail): LocationFieldValues {
  return Object.fromEntries(locationFieldNames.map((name) => [name, detail[name]])) as LocationFieldValues;
}

const fieldError = (path: string, message: string) => new AppError("VALIDATION_FAILED", `${path}: ${message}`, { fields: [{ path: [path], message }] });

/**
 * Checks that need other rows: the market exists, the currency is the market's, the country
 * is one the market serves, and no other location has the code.
 */
export async function checkLocationAgainstMarket(tx: Tx, input: LocationFieldValues, locationId: string | null): Promise<void> {
  const market = await tx.market.findUnique({ where: { code: input.marketCode }, select: { name: true, currency: true, countries: true } });
  if (!market) throw fieldError("marketCode", "There is no such market: choose one from the list");
  const currency = market.currency.trim();
  if (input.currency !== currency) throw fieldError("currency", `${market.name} trades in ${currency}: a location sells in its market's currency`);
  if (market.countries.length > 0 && !market.countries.includes(input.countryCode)) {
    throw fieldError("countryCode", `${market.name} serves ${market.countries.join(", ")}: choose one of these countries or another market`);
  }
  const clash = await tx.location.findFirst({ where: { code: input.code, ...(locationId ? { id: { not: locationId } } : {}) }, select: { name: true } });
  if (clash) throw fieldError("code", `${clash.name} already uses this code: choose another`);
}

/** A code taken by a concurrent save (the unique index caught it) names the code field too. */
export function rethrowLocationError(error: unknown): never {
  if (!AppError.isAppError(error) && isUniqueViolation(error, "code")) throw fieldError("code", "Another location already uses this code: choose another");
  throw error;
}

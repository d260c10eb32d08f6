import type { LocationSummary } from "@oms/contracts";
import type { Prisma } from "@oms/db";

export const locationSummarySelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  city: true,
  countryCode: true,
  timeZone: true,
  currency: true,
  locale: true,
  fulfillmentTypes: true,
  latitude: true,
  longitude: true,
} satisfies Prisma.LocationSelect;

export function toLocationSummary(row: Prisma.LocationGetPayload<{ select: typeof locationSummarySelect }>): LocationSummary {
  return { ...row, countryCode: row.countryCode.trim(), currency: row.currency.trim() };
}

// What the HQ locations screens share: row types from the router, the filters' choices and
// the form's draft (numbers as typed, converted once on save).
import type { AppRouter } from "@oms/api";
import { WEEKDAYS, type CreateLocationInput, type FulfillmentType, type LocationKind, type OpeningHours } from "@oms/contracts";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type LocationTableRow = Outputs["locations"]["table"]["rows"][number];
export type LocationDetail = Outputs["locations"]["detail"];
export type Market = Outputs["locations"]["markets"][number];

export const LOCATION_KINDS: readonly LocationKind[] = ["STORE", "WAREHOUSE", "DROPSHIP_SUPPLIER"];
export const CAPABILITIES: readonly FulfillmentType[] = ["CARRY_OUT", "PICKUP", "SHIP", "DELIVERY"];

export const closedWeek = (): OpeningHours => Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as OpeningHours;

type NumberValue = number | string;

export interface LocationDraft {
  code: string;
  name: string;
  kind: LocationKind;
  marketCode: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  postalCode: string;
  region: string;
  countryCode: string;
  phone: string;
  email: string;
  latitude: NumberValue;
  longitude: NumberValue;
  timeZone: string;
  currency: string;
  locale: string;
  /** Percent as typed (23 = 2300 bps). */
  taxRate: NumberValue;
  reducedTaxRate: NumberValue;
  pricesIncludeTax: boolean;
  cashRoundingIncrement: NumberValue;
  fulfillmentTypes: FulfillmentType[];
  openingHours: OpeningHours;
  /** Empty = no limit. */
  dailyCapacity: NumberValue;
  active: boolean;
}

export function emptyDraft(): LocationDraft {
  return {
    code: "",
    name: "",
    kind: "STORE",
    marketCode: "",
    addressLine1: "",
    addressLine2: "",
    city: "",
    postalCode: "",
    region: "",
    countryCode: "",
    phone: "",
    email: "",
    latitude: "",
    longitude: "",
    timeZone: "",
    currency: "",
    locale: "",
    taxRate: "",
    reducedTaxRate: 0,
    pricesIncludeTax: true,
    cashRoundingIncrement: 1,
    fulfillmentTypes: ["CARRY_OUT"],
    openingHours: closedWeek(),
    dailyCapacity: "",
    active: true,
  };
}

export function toDraft(l: LocationDetail): LocationDraft {
  return {
    ...l,
    addressLine2: l.addressLine2 ?? "",
    region: l.region ?? "",
    phone: l.phone ?? "",
    email: l.email ?? "",
    taxRate: l.taxRateBps / 100,
    reducedTaxRate: l.reducedTaxRateBps / 100,
    dailyCapacity: l.dailyCapacity ?? "",
  };
}

/** An empty number box goes to the server as NaN, so its own message ("Enter …") comes back on it. */
const num = (value: NumberValue): number => (typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value));

export function toInput(d: LocationDraft): CreateLocationInput {
  const capacity = typeof d.dailyCapacity === "string" && d.dailyCapacity.trim() === "" ? null : num(d.dailyCapacity);
  return {
    code: d.code.trim(),
    name: d.name,
    kind: d.kind,
    marketCode: d.marketCode,
    addressLine1: d.addressLine1,
    addressLine2: d.addressLine2,
    city: d.city,
    postalCode: d.postalCode,
    region: d.region,
    countryCode: d.countryCode.trim().toUpperCase(),
    phone: d.phone,
    email: d.email,
    latitude: num(d.latitude),
    longitude: num(d.longitude),
    timeZone: d.timeZone,
    currency: d.currency.trim().toUpperCase(),
    locale: d.locale,
    taxRateBps: Math.round(num(d.taxRate) * 100),
    reducedTaxRateBps: Math.round(num(d.reducedTaxRate) * 100),
    pricesIncludeTax: d.pricesIncludeTax,
    cashRoundingIncrement: num(d.cashRoundingIncrement),
    fulfillmentTypes: d.fulfillmentTypes,
    openingHours: d.openingHours,
    dailyCapacity: capacity,
    active: d.active,
  };
}

/** The zones this browser knows, for the time-zone picker (the server checks the same way). */
export function timeZoneOptions(): string[] {
  try {
    return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  } catch {
    return ["UTC"];
  }
}

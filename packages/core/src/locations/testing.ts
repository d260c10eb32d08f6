// A complete, valid location form for tests of the HQ location commands and procedures.
import type { CreateLocationInput } from "@oms/contracts";

let seq = 0;

/** Every field of a Berlin store in `marketCode` (an EUR market serving DE), with a unique code. */
export function testLocationInput(marketCode: string, overrides: Partial<CreateLocationInput> = {}): CreateLocationInput {
  seq += 1;
  return {
    code: `T${Date.now().toString(36).toUpperCase()}${seq}`,
    name: `Test store ${seq}`,
    kind: "STORE",
    marketCode,
    addressLine1: "1 Test Street",
    city: "Berlin",
    postalCode: "10115",
    countryCode: "DE",
    latitude: 52.52,
    longitude: 13.4,
    timeZone: "Europe/Berlin",
    currency: "EUR",
    locale: "de-DE",
    taxRateBps: 1900,
    reducedTaxRateBps: 700,
    pricesIncludeTax: true,
    cashRoundingIncrement: 1,
    fulfillmentTypes: ["CARRY_OUT", "PICKUP"],
    openingHours: { mon: [{ open: "09:00", close: "13:00" }, { open: "14:00", close: "20:00" }], tue: [{ open: "09:00", close: "20:00" }], wed: [], thu: [], fri: [], sat: [], sun: [] },
    dailyCapacity: 40,
    active: true,
    ...overrides,
  };
}

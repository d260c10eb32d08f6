import { z } from "zod";
import { FulfillmentType, LocationKind } from "./enums.ts";
import { CurrencyCode } from "./money.ts";

export const LocationSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: LocationKind,
  city: z.string(),
  countryCode: z.string(),
  timeZone: z.string(),
  currency: CurrencyCode,
  locale: z.string(),
  fulfillmentTypes: z.array(FulfillmentType),
  latitude: z.number(),
  longitude: z.number(),
});
export type LocationSummary = z.infer<typeof LocationSummary>;

export const LocationIdInput = z.object({ locationId: z.uuid({ message: "Choose a location" }) });

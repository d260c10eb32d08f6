// HQ administration: locations, staff accounts, webhook subscriptions and the audit log.
// Every input here names the field a message belongs to, so forms can show it in place.
import { z } from "zod";
import { FulfillmentType, LocationKind, Role } from "./enums.ts";
import { Id } from "./ids.ts";
import { CurrencyCode } from "./money.ts";
import { WebhookEvent } from "./public-api.ts";

// ── locations ──

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 09:00");

/** One opening range of a day, in the location's time zone. */
export const OpeningRange = z.object({ open: clock, close: clock });
export type OpeningRange = z.infer<typeof OpeningRange>;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * A day's ranges: none = closed; each closes after it opens and starts after the one
 * before it has closed (ranges are kept in order, so the list reads like a sign on a door).
 */
const DayHours = z
  .array(OpeningRange)
  .max(4, "Use at most 4 opening ranges a day")
  .superRefine((ranges, ctx) => {
    ranges.forEach((range, index) => {
      if (!clock.safeParse(range.open).success || !clock.safeParse(range.close).success) return;
      if (minutes(range.close) <= minutes(range.open)) {
        ctx.addIssue({ code: "custom", path: [index, "close"], message: "Closes before it opens: the closing time must be after the opening time" });
        return;
      }
      const previous = ranges[index - 1];
      if (previous && clock.safeParse(previous.close).success && minutes(range.open) < minutes(previous.close)) {
        ctx.addIssue({ code: "custom", path: [index, "open"], message: "Overlaps the range before: open after the earlier range closes" });
      }
    });
  });

/** `{ mon: [{ open: "09:00", close: "20:00" }], ..., sun: [] }`: every weekday, closed = []. */
export const OpeningHours = z.object(Object.fromEntries(WEEKDAYS.map((day) => [day, DayHours])) as Record<Weekday, typeof DayHours>);
export type OpeningHours = z.infer<typeof OpeningHours>;

/** A real IANA zone name ("Europe/Warsaw", "UTC") that this runtime can convert times in. */
export const TimeZoneName = z
  .string({ message: "Enter a time zone" })
  .trim()
  .min(1, "Enter a time zone such as Europe/Warsaw")
  .refine((zone) => {
    if (!/^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/.test(zone)) return false;
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "Not a known time zone: use an IANA name such as Europe/Warsaw");

/** A BCP 47 tag the runtime knows ("pl-PL", "en-GB"). */
export const LocaleTag = z
  .string()
  .trim()
  .min(2, "Enter a locale such as pl-PL")
  .max(35)
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, "Not a valid locale: use a tag such as pl-PL or en-GB");

const bps = (label: string) =>
  z
    .number({ message: `Enter the ${label}` })
    .int(`The ${label} must be a whole number of basis points`)
    .min(0, `The ${label} cannot be negative`)
    .max(5_000, `The ${label} is at most 5000 basis points (50 %)`);

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

/** Everything HQ edits on a location. The currency must be the market's (checked against the market). */
export const LocationFields = z.object({
  code: z
    .string()
    .trim()
    .min(2, "Enter a short code such as WAW1")
    .max(24, "Keep the code to 24 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "Use letters, digits and dashes only"),
  name: z.string().trim().min(1, "Enter the location's name").max(120, "Keep the name to 120 characters"),
  kind: LocationKind,
  marketCode: z.string().trim().min(1, "Choose the market"),
  addressLine1: z.string().trim().min(1, "Enter the street address").max(200),
  addressLine2: optionalText(200, "Keep the second address line to 200 characters"),
  city: z.string().trim().min(1, "Enter the city").max(100),
  postalCode: z.string().trim().min(1, "Enter the postal code").max(20),
  region: optionalText(100, "Keep the region to 100 characters"),
  countryCode: z.string().trim().regex(/^[A-Z]{2}$/, "Use a two-letter country code in capitals, e.g. PL"),
  phone: optionalText(40, "Keep the phone number to 40 characters"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(""), z.email({ message: "Enter a valid e-mail address or leave it empty" })]))
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  latitude: z.number({ message: "Enter the latitude" }).min(-90, "Latitude is between -90 and 90").max(90, "Latitude is between -90 and 90"),
  longitude: z.number({ message: "Enter the longitude" }).min(-180, "Longitude is between -180 and 180").max(180, "Longitude is between -180 and 180"),
  timeZone: TimeZoneName,
  currency: CurrencyCode,
  locale: LocaleTag,
  taxRateBps: bps("tax rate"),
  reducedTaxRateBps: bps("reduced tax rate"),
  pricesIncludeTax: z.boolean(),
  cashRoundingIncrement: z
    .number({ message: "Enter the cash rounding step" })
    .int("The cash rounding step must be a whole number of minor units")
    .min(1, "Use 1 for no cash rounding")
    .max(1_000, "The cash rounding step is at most 1000 minor units"),
  fulfillmentTypes: z.array(FulfillmentType).max(4),
  openingHours: OpeningHours,
  /** Open fulfilment orders a day; null = no limit. */
  dailyCapacity: z
    .number({ message: "Enter the daily capacity or leave it empty for no limit" })
    .int("The daily capacity must be a whole number")
    .min(1, "Use at least 1 order a day, or leave it empty for no limit")
    .max(100_000, "Use at most 100000 orders a day")
    .nullable(),
  active: z.boolean(),
});

const locationRules = <T extends z.ZodType<z.output<typeof LocationFields>>>(schema: T) =>
  schema.superRefine((l, ctx) => {
    if (l.reducedTaxRateBps > l.taxRateBps) ctx.addIssue({ code: "custom", path: ["reducedTaxRateBps"], message: "The reduced rate cannot be above the standard rate" });
    if (l.kind === "STORE" && l.active && l.fulfillmentTypes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["fulfillmentTypes"], message: "An open store needs at least one capability, e.g. carry out" });
    }
    if (l.kind !== "STORE" && l.fulfillmentTypes.includes("CARRY_OUT")) {
      ctx.addIssue({ code: "custom", path: ["fulfillmentTypes"], message: "Only a store sells over the counter: remove carry out" });
    }
  });

export const CreateLocationInput = locationRules(LocationFields);
export type CreateLocationInput = z.input<typeof CreateLocationInput>;

export const UpdateLocationInput = locationRules(LocationFields.extend({ locationId: Id }));
export type UpdateLocationInput = z.input<typeof UpdateLocationInput>;

export const LocationSortField = z.enum(["code", "name", "kind", "market", "city", "capacity"]);
export type LocationSortField = z.infer<typeof LocationSortField>;

/** The HQ locations table: filtered, sorted and paged on the server. */
export const LocationTableInput = z.object({
  search: z.string().trim().max(100).optional(),
  kind: LocationKind.optional(),
  marketCode: z.string().max(20).optional(),
  fulfillmentType: FulfillmentType.optional(),
  active: z.boolean().optional(),
  sort: z.object({ field: LocationSortField, desc: z.boolean() }).default({ field: "code", desc: false }),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(200).default(25),
});
export type LocationTableInput = z.input<typeof LocationTableInput>;

// ── staff ──

/** Rules of a new password: long enough to resist guessing, short enough for bcrypt (72 bytes). */
export const NewPassword = z
  .string({ message: "Enter a password" })
  .min(10, "Use at least 10 characters for the password")
  .max(72, "Use at most 72 characters for the password")
  .refine((p) => p.trim().length === p.length, "The password cannot start or end with a space");

/** The same rule as the PIN sign-in: 4 to 8 digits. */
export const NewPin = z.string().regex(/^\d{4,8}$/, "The PIN is 4 to 8 digits");

const email = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid e-mail address" }).max(200));
const personName = z.string().trim().min(1, "Enter the person's name").max(120, "Keep the name to 120 characters");

/** Store roles need a home store; an administrator has none (the whole network). */
function homeStoreRule(u: { role: z.infer<typeof Role>; homeLocationId?: string | null }, ctx: z.RefinementCtx) {
  if (u.role !== "ADMIN" && !u.homeLocationId) ctx.addIssue({ code: "custom", path: ["homeLocationId"], message: "Choose the home store: store roles work at one store" });
}

export const CreateUserInput = z
  .object({
    name: personName,
    email,
    role: Role,
    homeLocationId: Id.nullable().optional(),
    password: NewPassword.optional(),
    pin: NewPin.optional(),
  })
  .superRefine((u, ctx) => {
    homeStoreRule(u, ctx);
    if (u.role === "ADMIN" && !u.password) ctx.addIssue({ code: "custom", path: ["password"], message: "An administrator signs in with a password: enter one" });
    if (u.role === "ADMIN" && u.pin) ctx.addIssue({ code: "custom", path: ["pin"], message: "Administrators cannot use a PIN: PINs open a store's shared device" });
    if (u.role !== "ADMIN" && !u.password && !u.pin) ctx.addIssue({ code: "custom", path: ["password"], message: "Give a password, a PIN or both, so the person can sign in" });
  });
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({ userId: Id, name: personName, role: Role, homeLocationId: Id.nullable().optional() })
  .superRefine(homeStoreRule);
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

export const SetUserPasswordInput = z.object({ userId: Id, password: NewPassword });
export type SetUserPasswordInput = z.infer<typeof SetUserPasswordInput>;

/** `pin: null` removes the PIN. */
export const SetUserPinInput = z.object({ userId: Id, pin: NewPin.nullable() });
export type SetUserPinInput = z.infer<typeof SetUserPinInput>;

export const StaffTableInput = z.object({
  /** Name or e-mail, any part. */
  search: z.string().trim().max(100).optional(),
  role: Role.optional(),
  locationId: Id.optional(),
  active: z.boolean().optional(),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(200).default(25),
});
export type StaffTableInput = z.input<typeof StaffTableInput>;

// ── webhook subscriptions (HQ) ──

export const HqWebhookSubscriptionInput = z.object({
  apiKeyId: Id,
  url: z.url({ protocol: /^https?$/, message: "Give an http:// or https:// URL" }).max(2000, "Keep the URL to 2000 characters"),
  events: z.array(WebhookEvent).min(1, "Choose at least one event").max(10),
});
export type HqWebhookSubscriptionInput = z.input<typeof HqWebhookSubscriptionInput>;

export const UpdateWebhookSubscriptionInput = HqWebhookSubscriptionInput.omit({ apiKeyId: true }).extend({ subscriptionId: Id });
export type UpdateWebhookSubscriptionInput = z.input<typeof UpdateWebhookSubscriptionInput>;

export const WebhookSubscriptionIdInput = z.object({ subscriptionId: Id });
export const SetWebhookSubscriptionActiveInput = z.object({ subscriptionId: Id, active: z.boolean() });

// ── audit log ──

export const ActorKind = z.enum(["USER", "API_KEY", "SYSTEM"]);
export type ActorKind = z.infer<typeof ActorKind>;

const dateFilter = z.iso.datetime({ offset: true, message: "Use an ISO date and time" }).or(z.iso.date({ message: "Use a date such as 2026-12-01" }));

export const AuditLogInput = z
  .object({
    entityType: z.string().max(60).optional(),
    action: z.string().max(80).optional(),
    actorKind: ActorKind.optional(),
    /** Exactly this person or key (the drawer's "everything this person did"). */
    actorId: z.string().max(60).optional(),
    /** Any part of a person's name or e-mail, or of an API key's name. */
    actor: z.string().trim().max(100).optional(),
    /** Any part of the entity id (a location id, a user id, "1" for the settings). */
    entityId: z.string().trim().max(100).optional(),
    /** Inclusive, start of the day when only a date is given. */
    from: dateFilter.optional(),
    /** Inclusive: a date means up to the end of that day. */
    to: dateFilter.optional(),
    page: z.number().int().min(0).default(0),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from.slice(0, 10) <= q.to.slice(0, 10), { path: ["to"], message: "The end date is before the start date" });
export type AuditLogInput = z.input<typeof AuditLogInput>;

export const AuditEntryIdInput = z.object({ auditId: z.string().regex(/^\d{1,19}$/, "Not an audit entry id") });

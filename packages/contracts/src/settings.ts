import { z } from "zod";
import { CurrencyCode } from "./money.ts";

const whole = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ message: `Enter ${label}` })
    .int(`${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number`)
    .min(min, `Use at least ${min} ${unit}`)
    .max(max, `Use at most ${max} ${unit}`);

/** The organisation's settings as HQ edits them (the single OrganizationSettings row). */
export const UpdateSettingsInput = z
  .object({
    name: z.string().trim().min(1, "Enter the organisation's name").max(120, "Keep the name to 120 characters"),
    reportingCurrency: CurrencyCode,
    pickupReadySlaHours: whole("the hours to get a pickup ready", 1, 168, "hours"),
    shipSlaDays: whole("the days to ship an order", 1, 30, "days"),
    unclaimedReminderDays: whole("the days before a reminder", 1, 60, "days"),
    unclaimedCancelDays: whole("the days before cancelling", 2, 90, "days"),
    /** Share of a line (basis points, 10000 = 100 %) above which a discount needs a manager's PIN. */
    discountApprovalBps: whole("the discount share", 0, 10_000, "basis points"),
    /** Minor units of the drawer's currency. */
    cashVarianceNoteThreshold: whole("the cash variance", 0, 10_000_000, "minor units"),
    lateOrderHours: whole("the hours before an order is late", 1, 720, "hours"),
    reportPricesIncludeTax: z.boolean({ message: "Choose whether reports include tax" }),
  })
  .refine((s) => s.unclaimedReminderDays < s.unclaimedCancelDays, {
    path: ["unclaimedCancelDays"],
    message: "Cancel later than the reminder: the days before cancelling must be more than the days before a reminder",
  });
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInput>;

export const OrganizationSettingsView = z.object({
  name: z.string(),
  reportingCurrency: CurrencyCode,
  pickupReadySlaHours: z.number().int(),
  shipSlaDays: z.number().int(),
  unclaimedReminderDays: z.number().int(),
  unclaimedCancelDays: z.number().int(),
  discountApprovalBps: z.number().int(),
  cashVarianceNoteThreshold: z.number().int(),
  lateOrderHours: z.number().int(),
  reportPricesIncludeTax: z.boolean(),
  updatedAt: z.date(),
});
export type OrganizationSettingsView = z.infer<typeof OrganizationSettingsView>;

import { AppError, type OrganizationSettingsView } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";

export const settingsSelect = {
  name: true,
  reportingCurrency: true,
  pickupReadySlaHours: true,
  shipSlaDays: true,
  unclaimedReminderDays: true,
  unclaimedCancelDays: true,
  discountApprovalBps: true,
  cashVarianceNoteThreshold: true,
  lateOrderHours: true,
  reportPricesIncludeTax: true,
  updatedAt: true,
} as const;

export async function readSettings(db: Tx): Promise<OrganizationSettingsView | null> {
  return db.organizationSettings.findUnique({ where: { id: 1 }, select: settingsSelect });
}

/**
 * The organisation's settings (one row, id 1, written by the seed). Any signed-in person
 * may read them: the till, pickup and reports screens show the thresholds they apply.
 */
export async function getSettings(_input: unknown, ctx: DomainContext): Promise<OrganizationSettingsView> {
  const settings = await readSettings(ctx.db);
  if (!settings) throw new AppError("NOT_FOUND", "The organisation's settings have not been set up yet. Run the seed or save them in HQ › Settings.");
  return settings;
}

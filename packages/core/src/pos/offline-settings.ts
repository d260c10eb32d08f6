import type { OfflineSettings } from "@oms/contracts";
import type { Tx } from "@oms/db";

export interface OfflineRules extends OfflineSettings {
  discountApprovalBps: number;
}

/** The organisation's offline rules (OrganizationSettings; the defaults of the schema when the row is missing). */
export async function loadOfflineSettings(db: Tx): Promise<OfflineRules> {
  const s = await db.organizationSettings.findUnique({ where: { id: 1 } });
  return {
    offlineSalesAllowed: s?.offlineSalesAllowed ?? true,
    offlineCardMode: s?.offlineCardMode ?? "NONE",
    offlineReturnsWithManagerPin: s?.offlineReturnsWithManagerPin ?? false,
    offlineMaxSaleAmount: s?.offlineMaxSaleAmount ?? 50_000,
    offlineMaxDeviceTotal: s?.offlineMaxDeviceTotal ?? 500_000,
    offlineAlertAfterMinutes: s?.offlineAlertAfterMinutes ?? 30,
    offlinePinDays: s?.offlinePinDays ?? 7,
    discountApprovalBps: s?.discountApprovalBps ?? 2000,
  };
}

// What the mail log screen and its drawer share.

/** The message templates (packages/core/src/notifications/schemas.ts), for the filter and labels. */
export const MAIL_TEMPLATES = ["pos.receipt", "pickup.ready", "pickup.short", "pickup.reminder", "pickup.cancelled", "order.refunded"] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export type MailStatus = "QUEUED" | "SENT" | "FAILED";
export const statusColor: Record<MailStatus, string> = { QUEUED: "yellow", SENT: "teal", FAILED: "red" };

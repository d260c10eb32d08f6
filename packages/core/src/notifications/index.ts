export { queueNotification, type QueuedNotification } from "./queue-notification.ts";
export {
  NOTIFICATION_TEMPLATES,
  NotificationTemplate,
  NotificationRecipient,
  ShortPickOutcome,
  ShortPickItem,
  QueueNotificationInput,
  ListNotificationsInput,
  NotificationIdInput,
} from "./schemas.ts";
export { dispatchNotifications, retryDelayMs, CLAIM_LEASE_MS, type DispatchOptions, type DispatchResult } from "./dispatch-notifications.ts";
export {
  createNotificationProviders,
  logProvider,
  smtpProvider,
  PermanentSendError,
  type NotificationProvider,
  type NotificationProviders,
  type OutgoingMessage,
  type SmtpProviderOptions,
} from "./providers.ts";
export { readNotificationsEnv, type NotificationsEnv } from "./env.ts";
export { listNotifications, getNotification, resendNotification, type NotificationSummary, type NotificationDetail, type NotificationPage } from "./mail-log.ts";

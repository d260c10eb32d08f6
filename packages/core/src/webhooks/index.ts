export { signWebhookPayload, webhookSignatureHeader, verifyWebhookSignature } from "./sign.ts";
export { createWebhookSubscription, listWebhookSubscriptions, deleteWebhookSubscription, type WebhookSubscriptionView } from "./subscriptions.ts";
export { enqueueWebhookDeliveries, deliverDueWebhooks, webhookBackoffMs, WEBHOOK_RETRY_WINDOW_MS, type DeliverResult, type DeliverOptions } from "./deliver.ts";
export { listWebhookDeliveries } from "./list-deliveries.ts";
export {
  listHqWebhookSubscriptions,
  createHqWebhookSubscription,
  updateHqWebhookSubscription,
  setHqWebhookSubscriptionActive,
  rotateHqWebhookSecret,
  MAX_ENDPOINTS_PER_KEY,
  type HqWebhookSubscription,
} from "./hq-subscriptions.ts";

export { signWebhookPayload, webhookSignatureHeader, verifyWebhookSignature } from "./sign.ts";
export { createWebhookSubscription, listWebhookSubscriptions, deleteWebhookSubscription, type WebhookSubscriptionView } from "./subscriptions.ts";
export { enqueueWebhookDeliveries, deliverDueWebhooks, webhookBackoffMs, WEBHOOK_RETRY_WINDOW_MS, type DeliverResult, type DeliverOptions } from "./deliver.ts";
export { listWebhookDeliveries } from "./list-deliveries.ts";

import { HqWebhookSubscriptionInput, SetWebhookSubscriptionActiveInput, UpdateWebhookSubscriptionInput, WebhookDeliveriesInput, WebhookSubscriptionIdInput } from "@oms/contracts";
import { createHqWebhookSubscription, listHqWebhookSubscriptions, listWebhookDeliveries, rotateHqWebhookSecret, setHqWebhookSubscriptionActive, updateHqWebhookSubscription } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

const admin = roleProcedure(["ADMIN"]);

export const webhooksRouter = router({
  /** The delivery log for HQ: newest first, with endpoint, attempts and the last error. */
  deliveries: admin.input(WebhookDeliveriesInput.optional()).query(({ ctx, input }) => listWebhookDeliveries(input ?? {}, domainContext(ctx))),
  /** Every endpoint with its key and its pending/failed deliveries. */
  subscriptions: admin.query(({ ctx }) => listHqWebhookSubscriptions(undefined, domainContext(ctx))),
  /** Returns `secret` once. */
  createSubscription: admin.input(HqWebhookSubscriptionInput).mutation(({ ctx, input }) => createHqWebhookSubscription(input, domainContext(ctx))),
  updateSubscription: admin.input(UpdateWebhookSubscriptionInput).mutation(({ ctx, input }) => updateHqWebhookSubscription(input, domainContext(ctx))),
  setSubscriptionActive: admin.input(SetWebhookSubscriptionActiveInput).mutation(({ ctx, input }) => setHqWebhookSubscriptionActive(input, domainContext(ctx))),
  /** Returns the new `secret` once. */
  rotateSecret: admin.input(WebhookSubscriptionIdInput).mutation(({ ctx, input }) => rotateHqWebhookSecret(input, domainContext(ctx))),
});

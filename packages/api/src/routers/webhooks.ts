import { WebhookDeliveriesInput } from "@oms/contracts";
import { listWebhookDeliveries } from "@oms/core";
import { domainContext } from "../context.ts";
import { roleProcedure, router } from "../trpc.ts";

export const webhooksRouter = router({
  /** The delivery log for HQ: newest first, with endpoint, attempts and the last error. */
  deliveries: roleProcedure(["ADMIN"]).input(WebhookDeliveriesInput.optional()).query(({ ctx, input }) => listWebhookDeliveries(input ?? {}, domainContext(ctx))),
});

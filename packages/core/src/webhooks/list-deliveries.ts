import { WebhookDeliveriesInput } from "@oms/contracts";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

/** The delivery log for HQ (ADMIN), newest first, with the endpoint and the key's name. */
export async function listWebhookDeliveries(rawInput: WebhookDeliveriesInput, ctx: DomainContext) {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(WebhookDeliveriesInput, rawInput);
  const rows = await ctx.db.webhookDelivery.findMany({
    where: { ...(input.subscriptionId ? { subscriptionId: input.subscriptionId } : {}), ...(input.status ? { status: input.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
    include: { subscription: { select: { url: true, active: true, apiKey: { select: { id: true, name: true, channel: true } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    topic: r.topic,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    deliveredAt: r.deliveredAt,
    createdAt: r.createdAt,
    subscriptionId: r.subscriptionId,
    url: r.subscription.url,
    subscriptionActive: r.subscription.active,
    apiKey: r.subscription.apiKey,
  }));
}

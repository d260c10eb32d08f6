import { AppError, WebhookSubscriptionInput, type Channel } from "@oms/contracts";
import type { Tx } from "@oms/db";
import { parseInput } from "../shared/parse-input.ts";
import { newWebhookSecret } from "./sign.ts";

export interface WebhookSubscriptionView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: Date;
  /** Only when just created. */
  secret?: string;
}

interface KeyRef {
  apiKeyId: string;
  channel: Channel;
}

const view = (row: { id: string; url: string; events: string[]; active: boolean; createdAt: Date }): WebhookSubscriptionView => ({
  id: row.id,
  url: row.url,
  events: row.events,
  active: row.active,
  createdAt: row.createdAt,
});

/** A new endpoint for the key's channel; the signing secret is returned this once. */
export async function createWebhookSubscription(
  rawInput: WebhookSubscriptionInput,
  ctx: { db: Tx; now: Date; key: KeyRef },
): Promise<WebhookSubscriptionView & { secret: string }> {
  const input = parseInput(WebhookSubscriptionInput, rawInput);
  const active = await ctx.db.webhookSubscription.count({ where: { apiKeyId: ctx.key.apiKeyId, active: true } });
  if (active >= 20) throw new AppError("CONFLICT", "This key already has 20 webhook endpoints; delete one before adding another.");
  const secret = newWebhookSecret();
  const row = await ctx.db.webhookSubscription.create({
    data: { url: input.url, events: [...new Set(input.events)], secret, apiKeyId: ctx.key.apiKeyId, createdAt: ctx.now },
  });
  return { ...view(row), secret };
}

export async function listWebhookSubscriptions(ctx: { db: Tx; key: KeyRef }): Promise<WebhookSubscriptionView[]> {
  const rows = await ctx.db.webhookSubscription.findMany({ where: { apiKeyId: ctx.key.apiKeyId, active: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(view);
}

/**
 * Switches the endpoint off (its delivery log stays for HQ); pending deliveries to it
 * are dropped by the worker. Another key's subscription is NOT_FOUND, as if it did not exist.
 */
export async function deleteWebhookSubscription(subscriptionId: string, ctx: { db: Tx; key: KeyRef }): Promise<void> {
  const found = await ctx.db.webhookSubscription.updateMany({ where: { id: subscriptionId, apiKeyId: ctx.key.apiKeyId, active: true }, data: { active: false } });
  if (found.count === 0) throw new AppError("NOT_FOUND", "That webhook subscription does not exist.", { subscriptionId });
}

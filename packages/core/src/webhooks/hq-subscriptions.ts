// Webhook endpoints as HQ manages them (ADMIN), next to the delivery log: the same rows an
// integration registers over /api/v1/webhooks, every change audited, the signing secret
// shown once when it is made (create, rotate) and never again.
import { AppError, HqWebhookSubscriptionInput, SetWebhookSubscriptionActiveInput, UpdateWebhookSubscriptionInput, WebhookSubscriptionIdInput, type Channel } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import { assertRole } from "../access.ts";
import { withTransaction, type DomainContext } from "../context.ts";
import { changedFields, writeAudit } from "../shared/audit.ts";
import { parseInput } from "../shared/parse-input.ts";
import { newWebhookSecret } from "./sign.ts";

/** Active endpoints per key, as the public API allows. */
export const MAX_ENDPOINTS_PER_KEY = 20;

export interface HqWebhookSubscription {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: Date;
  apiKey: { id: string; name: string; channel: Channel; revoked: boolean } | null;
  /** Deliveries still being retried and ones that gave up, for the list's warning badges. */
  pending: number;
  failed: number;
}

const select = {
  id: true,
  url: true,
  events: true,
  active: true,
  createdAt: true,
  apiKey: { select: { id: true, name: true, channel: true, revokedAt: true } },
} satisfies Prisma.WebhookSubscriptionSelect;
type Row = Prisma.WebhookSubscriptionGetPayload<{ select: typeof select }>;

const toView = (row: Row, counts: { pending: number; failed: number } = { pending: 0, failed: 0 }): HqWebhookSubscription => ({
  id: row.id,
  url: row.url,
  events: row.events,
  active: row.active,
  createdAt: row.createdAt,
  apiKey: row.apiKey ? { id: row.apiKey.id, name: row.apiKey.name, channel: row.apiKey.channel, revoked: row.apiKey.revokedAt !== null } : null,
  ...counts,
});

/** Every endpoint, active first, with its key and its pending and failed deliveries. */
export async function listHqWebhookSubscriptions(_input: unknown, ctx: DomainContext): Promise<HqWebhookSubscription[]> {
  assertRole(ctx.actor, ["ADMIN"]);
  const [rows, grouped] = await Promise.all([
    ctx.db.webhookSubscription.findMany({ select, orderBy: [{ active: "desc" }, { createdAt: "desc" }, { id: "desc" }] }),
    ctx.db.webhookDelivery.groupBy({ by: ["subscriptionId", "status"], where: { status: { in: ["PENDING", "FAILED"] } }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, { pending: number; failed: number }>();
  for (const g of grouped) {
    const c = counts.get(g.subscriptionId) ?? { pending: 0, failed: 0 };
    if (g.status === "PENDING") c.pending = g._count._all;
    else c.failed = g._count._all;
    counts.set(g.subscriptionId, c);
  }
  return rows.map((row) => toView(row, counts.get(row.id)));
}

async function findSubscription(tx: Tx, subscriptionId: string): Promise<Row> {
  const row = await tx.webhookSubscription.findUnique({ where: { id: subscriptionId }, select });
  if (!row) throw new AppError("NOT_FOUND", "That webhook endpoint was not found.", { subscriptionId });
  return row;
}

function assertKeyUsable(key: { name: string; revokedAt: Date | null } | null): void {
  if (key?.revokedAt) {
    throw new AppError("CONFLICT", `The key “${key.name}” was revoked, so its endpoints stay off. Create a new key first.`, { fields: [{ path: ["apiKeyId"], message: "This key was revoked" }] });
  }
}

/** A new endpoint for an API key's channel; the signing secret is returned this once. */
export async function createHqWebhookSubscription(rawInput: unknown, ctx: DomainContext): Promise<HqWebhookSubscription & { secret: string }> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(HqWebhookSubscriptionInput, rawInput);
  const secret = newWebhookSecret();
  return withTransaction(ctx, async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: input.apiKeyId }, select: { name: true, revokedAt: true } });
    if (!key) throw new AppError("VALIDATION_FAILED", "apiKeyId: There is no such API key", { fields: [{ path: ["apiKeyId"], message: "There is no such API key: choose one from the list" }] });
    assertKeyUsable(key);
    const active = await tx.webhookSubscription.count({ where: { apiKeyId: input.apiKeyId, active: true } });
    if (active >= MAX_ENDPOINTS_PER_KEY) throw new AppError("CONFLICT", `This key already has ${MAX_ENDPOINTS_PER_KEY} webhook endpoints; switch one off before adding another.`);
    const events = [...new Set(input.events)];
    const row = await tx.webhookSubscription.create({ data: { url: input.url, events, secret, apiKeyId: input.apiKeyId, createdAt: ctx.now }, select });
    await writeAudit(tx, ctx, { action: "webhook.created", entityType: "WebhookSubscription", entityId: row.id, data: { before: null, after: { url: row.url, events, apiKeyId: input.apiKeyId, active: true } } });
    return { ...toView(row), secret };
  });
}

/** Changes the URL or the events; audited before/after. */
export async function updateHqWebhookSubscription(rawInput: unknown, ctx: DomainContext): Promise<HqWebhookSubscription> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(UpdateWebhookSubscriptionInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const current = await findSubscription(tx, input.subscriptionId);
    const next = { url: input.url, events: [...new Set(input.events)] };
    const diff = changedFields({ url: current.url, events: current.events }, next, ["url", "events"]);
    if (diff.changed.length === 0) return toView(current);
    const row = await tx.webhookSubscription.update({ where: { id: input.subscriptionId }, data: next, select });
    await writeAudit(tx, ctx, { action: "webhook.updated", entityType: "WebhookSubscription", entityId: row.id, data: { before: diff.before, after: diff.after } });
    return toView(row);
  });
}

/**
 * Switches an endpoint off (the worker drops its pending deliveries; the log stays) or back
 * on (not for a revoked key's endpoint). Setting the state it already has writes nothing.
 */
export async function setHqWebhookSubscriptionActive(rawInput: unknown, ctx: DomainContext): Promise<HqWebhookSubscription> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(SetWebhookSubscriptionActiveInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const current = await findSubscription(tx, input.subscriptionId);
    if (current.active === input.active) return toView(current);
    if (input.active) assertKeyUsable(current.apiKey);
    const row = await tx.webhookSubscription.update({ where: { id: input.subscriptionId }, data: { active: input.active }, select });
    await writeAudit(tx, ctx, {
      action: input.active ? "webhook.enabled" : "webhook.disabled",
      entityType: "WebhookSubscription",
      entityId: row.id,
      data: { before: { active: current.active }, after: { active: input.active } },
    });
    return toView(row);
  });
}

/**
 * A new signing secret, returned this once; the old one stops verifying with the next
 * delivery, so the receiver must switch at the same time.
 */
export async function rotateHqWebhookSecret(rawInput: unknown, ctx: DomainContext): Promise<HqWebhookSubscription & { secret: string }> {
  assertRole(ctx.actor, ["ADMIN"]);
  const { subscriptionId } = parseInput(WebhookSubscriptionIdInput, rawInput);
  const secret = newWebhookSecret();
  return withTransaction(ctx, async (tx) => {
    await findSubscription(tx, subscriptionId);
    const row = await tx.webhookSubscription.update({ where: { id: subscriptionId }, data: { secret }, select });
    await writeAudit(tx, ctx, { action: "webhook.secret_rotated", entityType: "WebhookSubscription", entityId: subscriptionId, data: {} });
    return { ...toView(row), secret };
  });
}

import { ApiKeyIdInput, AppError } from "@oms/contracts";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { apiKeySummarySelect, toSummary, type ApiKeySummary } from "./api-key-rows.ts";

/**
 * Revokes a key (ADMIN). Every request checks `revokedAt`, so the key stops working with
 * the next request; its webhook subscriptions stop receiving deliveries too. Revoking
 * twice keeps the first time.
 */
export async function revokeApiKey(rawInput: ApiKeyIdInput, ctx: DomainContext): Promise<ApiKeySummary> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(ApiKeyIdInput, rawInput);
  const existing = await ctx.db.apiKey.findUnique({ where: { id: input.apiKeyId }, select: apiKeySummarySelect });
  if (!existing) throw new AppError("NOT_FOUND", "That API key does not exist.", { apiKeyId: input.apiKeyId });
  if (existing.revokedAt) return toSummary(existing);
  const row = await ctx.db.apiKey.update({ where: { id: input.apiKeyId }, data: { revokedAt: ctx.now }, select: apiKeySummarySelect });
  await ctx.db.webhookSubscription.updateMany({ where: { apiKeyId: row.id }, data: { active: false } });
  await ctx.db.auditLog.create({ data: { ...actorRef(ctx.actor), action: "api_key.revoked", entityType: "ApiKey", entityId: row.id, createdAt: ctx.now } });
  return toSummary(row);
}

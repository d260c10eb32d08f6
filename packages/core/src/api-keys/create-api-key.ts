import { CreateApiKeyInput } from "@oms/contracts";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { actorRef, actorUserId } from "../shared/actor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { apiKeySummarySelect, toSummary, type ApiKeySummary } from "./api-key-rows.ts";
import { generateApiKeyToken, hashApiKeySecret } from "./hash-api-key.ts";

/**
 * A new API key for a channel (ADMIN). The token is returned once, here; only its sha256
 * is stored, so a lost token cannot be shown again: revoke it and create another.
 */
export async function createApiKey(rawInput: CreateApiKeyInput, ctx: DomainContext): Promise<{ apiKey: ApiKeySummary; token: string }> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(CreateApiKeyInput, rawInput);
  const { prefix, token } = generateApiKeyToken();
  const row = await ctx.db.apiKey.create({
    data: {
      name: input.name,
      prefix,
      secretHash: hashApiKeySecret(token),
      channel: input.channel,
      scopes: [...new Set(input.scopes)],
      createdById: actorUserId(ctx.actor),
      createdAt: ctx.now,
    },
    select: apiKeySummarySelect,
  });
  await ctx.db.auditLog.create({
    data: { ...actorRef(ctx.actor), action: "api_key.created", entityType: "ApiKey", entityId: row.id, data: { name: row.name, channel: row.channel, scopes: row.scopes }, createdAt: ctx.now },
  });
  return { apiKey: toSummary(row), token };
}

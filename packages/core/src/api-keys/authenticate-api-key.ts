import { AppError, type ApiScope, type Channel } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { hashApiKeySecret, sameHash } from "./hash-api-key.ts";

export interface AuthenticatedApiKey {
  id: string;
  name: string;
  prefix: string;
  channel: Channel;
  scopes: ApiScope[];
}

const INVALID = "The API key is missing, unknown or revoked. Send it as Authorization: Bearer <key>.";

/**
 * The key behind a bearer token, or UNAUTHENTICATED. The token is hashed (sha256) and
 * looked up by that hash, then compared in constant time; revoked keys are refused on
 * every request. The same message for every failure, so it tells a guesser nothing.
 * `lastUsedAt` is written at most once a minute per key to keep reads cheap.
 */
export async function authenticateApiKey(token: string | null | undefined, ctx: Pick<DomainContext, "db" | "now">): Promise<AuthenticatedApiKey> {
  const presented = token?.trim();
  if (!presented || presented.length > 200) throw new AppError("UNAUTHENTICATED", INVALID);
  const hash = hashApiKeySecret(presented);
  const key = await ctx.db.apiKey.findFirst({ where: { secretHash: hash } });
  if (!key || !sameHash(key.secretHash, hash) || key.revokedAt) throw new AppError("UNAUTHENTICATED", INVALID);
  if (!key.lastUsedAt || ctx.now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await ctx.db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: ctx.now } });
  }
  return { id: key.id, name: key.name, prefix: key.prefix, channel: key.channel, scopes: key.scopes as ApiScope[] };
}

/** FORBIDDEN unless the key carries `scope`. */
export function assertApiScope(key: Pick<AuthenticatedApiKey, "scopes">, scope: ApiScope): void {
  if (!key.scopes.includes(scope)) {
    throw new AppError("FORBIDDEN", `This API key may not do this: it needs the scope ${scope}. Ask the retailer for a key with that scope.`, { requiredScope: scope });
  }
}

import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { apiKeySummarySelect, toSummary, type ApiKeySummary } from "./api-key-rows.ts";

/** Every key, newest first, without secrets (ADMIN). */
export async function listApiKeys(ctx: DomainContext): Promise<ApiKeySummary[]> {
  assertRole(ctx.actor, ["ADMIN"]);
  const rows = await ctx.db.apiKey.findMany({ select: apiKeySummarySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toSummary);
}

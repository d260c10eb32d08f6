import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";

export interface MarketOption {
  code: string;
  name: string;
  currency: string;
  countries: string[];
}

/** The markets (a handful), for HQ's location filter and form: a location sells in its market's currency. */
export async function listMarkets(_input: unknown, ctx: DomainContext): Promise<MarketOption[]> {
  assertRole(ctx.actor, ["ADMIN"]);
  const rows = await ctx.db.market.findMany({ select: { code: true, name: true, currency: true, countries: true }, orderBy: [{ name: "asc" }, { code: "asc" }] });
  return rows.map((m) => ({ ...m, currency: m.currency.trim() }));
}

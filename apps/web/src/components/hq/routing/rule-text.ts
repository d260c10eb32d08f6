// A routing rule told in words a manager reads at a glance ("hqRouting.describe" messages):
// which orders it takes, who may fulfil them, in which order, and what happens when stock
// runs out. The settings themselves are in the rule form.
import type { DraftRule } from "./draft.ts";

/** A translator of the "hqRouting" messages (use-intl's `t` for that namespace). */
export type RuleT = (key: string, values?: Record<string, string | number>) => string;

export interface RuleText {
  appliesTo: string;
  who: string;
  ranking: string;
  then: string;
}

/** "Poland" for market PL: the market's name when known, else its code. */
export function marketLabel(code: string, markets: { code: string; name: string }[]): string {
  return markets.find((m) => m.code === code)?.name ?? code;
}

function list(items: string[], t: RuleT): string {
  if (items.length <= 1) return items[0] ?? "";
  return t("describe.list", { head: items.slice(0, -1).join(", "), last: items.at(-1)! });
}

export function describeRule(rule: DraftRule, t: RuleT, markets: { code: string; name: string }[], locale: string): RuleText {
  const appliesTo = [
    rule.marketCode ? t("describe.market", { name: marketLabel(rule.marketCode, markets) }) : t("describe.anyMarket"),
    rule.channel ? t(`channel.${rule.channel}`) : t("describe.anyChannel"),
    rule.fulfillmentType ? t(`type.${rule.fulfillmentType}`) : t("describe.anyType"),
  ].join(" · ");

  const f = rule.filters;
  const limits = [
    f.stayInMarket ? t("describe.inMarket") : null,
    f.maxDistanceKm !== null ? t("describe.within", { km: new Intl.NumberFormat(locale).format(f.maxDistanceKm) }) : null,
    f.respectCapacity ? t("describe.notFull") : null,
    f.requireFullStock ? t("describe.fullStock") : null,
  ].filter((s): s is string => s !== null);
  const kinds = list(
    f.locationKinds.map((k) => t(`kindPlural.${k}`)),
    t,
  );
  const who = limits.length > 0 ? t("describe.whoLimited", { kinds, limits: limits.join(", ") }) : t("describe.who", { kinds });

  const ranking = t("describe.ranking", { order: rule.ranking.map((c) => t(`criterionShort.${c}`)).join(t("describe.then")) });

  const split =
    rule.splitPolicy === "MAX_SHIPMENTS" ? t("describe.splitMax", { count: rule.maxShipments ?? 1 }) : t(`describe.split.${rule.splitPolicy}`);
  const then =
    rule.fallbacks.length === 0
      ? t("describe.noFallback", { split })
      : t("describe.fallbacks", { split, fallbacks: rule.fallbacks.map((fb) => t(`fallbackShort.${fb}`)).join(t("describe.then")) });
  return { appliesTo, who, ranking, then };
}

// The routing trace (Order.routingTrace, docs/routing.md) told as a few sentences a person
// reads in seconds: where each part of the order went and why, and why the other
// locations were not chosen. The trace's own `steps` stay available as the detailed log.
// Shared by the HQ order page (what happened) and the routing simulator (what would happen).
import type { OrderRoutingTrace, RejectionCode, RoutingCandidateTrace } from "@oms/contracts";

export type RoutingRun = OrderRoutingTrace["runs"][number];

/** A translator of the "hqOrders.routing" messages (use-intl's `t` for that namespace). */
export type RoutingT = (key: string, values?: Record<string, string | number>) => string;

export interface RoutingExplanation {
  /** "Sent to Warsaw Centrum: had all 3 items, 4 km from the customer." — one per location. */
  sent: string[];
  /** "Not chosen: Kraków (only 1 of 3 items), Berlin (different market)." or null. */
  notChosen: string | null;
  /** Units no location could take, or null. */
  unplaced: string | null;
}

// When a location fails several filters, the reason that says most comes first.
const reasonOrder: RejectionCode[] = [
  "INACTIVE",
  "EXCLUDED",
  "OUTSIDE_MARKET",
  "NOT_PICKUP_LOCATION",
  "TYPE_NOT_OFFERED",
  "KIND_NOT_ALLOWED",
  "TOO_FAR",
  "AT_CAPACITY",
  "NO_STOCK",
  "PARTIAL_STOCK",
  "NOT_NEEDED",
];

const MAX_NOT_CHOSEN = 6;

function km(distance: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: distance < 10 ? 1 : 0 }).format(distance);
}

/** Why one location was not chosen, in a few words ("only 1 of 3 items"). */
export function whyNot(c: RoutingCandidateTrace, units: number, t: RoutingT, locale: string): string {
  const codes = new Set(c.rejections.map((r) => r.code));
  const code = reasonOrder.find((r) => codes.has(r)) ?? "NOT_NEEDED";
  switch (code) {
    case "TOO_FAR":
      return c.distanceKm === null ? t("reason.TOO_FAR_PLAIN") : t("reason.TOO_FAR", { km: km(c.distanceKm, locale) });
    case "NO_STOCK":
      return t("reason.NO_STOCK");
    case "PARTIAL_STOCK":
      return t("reason.PARTIAL", { have: c.fillableUnits, units });
    case "NOT_NEEDED":
      if (c.fillableUnits === 0) return t("reason.NO_STOCK");
      if (c.fillableUnits < units) return t("reason.PARTIAL", { have: c.fillableUnits, units });
      return c.distanceKm === null ? t("reason.RANKED", { rank: c.rank ?? 0 }) : t("reason.RANKED_FARTHER", { rank: c.rank ?? 0, km: km(c.distanceKm, locale) });
    default:
      return t(`reason.${code}`);
  }
}

/** The readable account of one routing run. */
export function explainRoutingRun(run: RoutingRun, t: RoutingT, locale: string): RoutingExplanation {
  const byId = new Map(run.trace.candidates.map((c) => [c.locationId, c]));
  const placed = run.assignments.reduce((sum, a) => sum + a.lines.reduce((s, l) => s + l.quantity, 0), 0);
  const unplacedUnits = run.unassigned.reduce((sum, u) => sum + u.quantity, 0);
  const units = placed + unplacedUnits;

  const sent = run.assignments.map((a) => {
    const c = byId.get(a.locationId);
    const name = c?.name ?? t("unknownLocation");
    const mine = a.lines.reduce((s, l) => s + l.quantity, 0);
    const what = a.source !== "STOCK" ? t(`source.${a.source}`, { count: mine }) : mine >= units ? t("hadAll", { count: units }) : t("hadSome", { count: mine, units });
    const where = c?.distanceKm != null ? t("distance", { km: km(c.distanceKm, locale) }) : null;
    // A partial result reserves nothing (allocation is all or nothing): "could have".
    return t(run.outcome === "ROUTED" ? "sent" : "couldSend", { name, what: where ? `${what}, ${where}` : what });
  });

  const chosen = new Set(run.assignments.map((a) => a.locationId));
  const others = run.trace.candidates
    .filter((c) => !chosen.has(c.locationId) && !c.chosen)
    // Eligible runners-up first (by rank), then the rest by distance, nearest first.
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (a.distanceKm ?? 1e9) - (b.distanceKm ?? 1e9) || a.code.localeCompare(b.code));
  const listed = others.slice(0, MAX_NOT_CHOSEN).map((c) => t("notChosenItem", { name: c.name, why: whyNot(c, units, t, locale) }));
  const more = others.length - listed.length;
  const notChosen = listed.length === 0 ? null : t(more > 0 ? "notChosenMore" : "notChosen", { list: listed.join(", "), more });

  const unplaced = unplacedUnits > 0 ? t(run.assignments.length === 0 ? "nothingPlaced" : "somethingUnplaced", { count: unplacedUnits }) : null;
  return { sent, notChosen, unplaced };
}

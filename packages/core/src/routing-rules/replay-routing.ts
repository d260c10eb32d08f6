import { REPLAY_MAX_ORDERS, ReplayRoutingInput, type ReplayChangedOrder, type RoutingReplay, type RoutingResult } from "@oms/contracts";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { loadCountryMarkets, loadRoutableOrders, loadRoutingNetwork, loadRoutingRules } from "../orders/index.ts";
import { routeOrder, type RoutingOrder } from "../routing/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { draftRuleSpecs, readOnly } from "./draft-rules.ts";
import { compareReplay, replayMetrics, type ReplayedOrder } from "./replay-metrics.ts";

const DAY_MS = 86_400_000;

/** ATP as an open order sees it: the units it holds itself count as available to it. */
function withHeld(atp: Map<string, Map<string, number>>, held: { locationId: string; variantId: string; quantity: number }[]) {
  const copy = new Map(atp);
  for (const h of held) {
    const inner = new Map(copy.get(h.locationId) ?? []);
    inner.set(h.variantId, (inner.get(h.variantId) ?? 0) + h.quantity);
    copy.set(h.locationId, inner);
  }
  return copy;
}
const MAX_CHANGED_LISTED = 50;

/**
 * Routes the orders placed in the last `days` days again (HQ only), newest first and at most
 * REPLAY_MAX_ORDERS, once through the saved rules and once through the draft, and compares
 * them: split rate, distance to the customer, outcomes, load per location, and the orders
 * that would go elsewhere. Caveat (docs/hq-routing.md): every order meets today's stock and
 * today's load, each as if it were the only order, not the stock it met when placed (an
 * open order gets back the units it holds itself).
 * Writes nothing (a read-only transaction).
 */
export async function replayRouting(rawInput: unknown, ctx: DomainContext): Promise<RoutingReplay> {
  assertRole(ctx.actor, ["ADMIN"]);
  const input = parseInput(ReplayRoutingInput, rawInput);
  const draft = draftRuleSpecs(input.rules);
  const to = ctx.now;
  const from = new Date(to.getTime() - input.days * DAY_MS);

  return readOnly(ctx, async (tx) => {
    const { total, truncated, orders } = await loadRoutableOrders(tx, { from, to, take: REPLAY_MAX_ORDERS });
    const network = await loadRoutingNetwork(tx, [...new Set(orders.flatMap((o) => o.lines.map((l) => l.variantId)))], ctx.now);
    const saved = await loadRoutingRules(tx);
    const markets = await loadCountryMarkets(tx);
    const storeById = new Map(network.locations.map((l) => [l.id, l]));

    const started = performance.now();
    const savedRuns: ReplayedOrder[] = [];
    const draftRuns: ReplayedOrder[] = [];
    const changed: ReplayChangedOrder[] = [];
    let changedOrders = 0;
    for (const o of orders) {
      const storeBound = o.fulfillmentType === "PICKUP" || o.fulfillmentType === "CARRY_OUT";
      const store = storeBound && o.pickupLocationId ? storeById.get(o.pickupLocationId) : undefined;
      const order: RoutingOrder = {
        channel: o.channel,
        fulfillmentType: o.fulfillmentType,
        marketCode: storeBound ? (store?.marketCode ?? null) : o.countryCode ? (markets.get(o.countryCode) ?? null) : null,
        destination: storeBound ? (store ? { latitude: store.latitude, longitude: store.longitude } : null) : o.destination,
        pickupLocationId: o.pickupLocationId,
        lines: o.lines,
      };
      const atp = o.held.length > 0 ? withHeld(network.atp, o.held) : network.atp;
      const route = (rules: typeof saved): RoutingResult => routeOrder({ ...network, atp, order, rules });
      const a = route(saved);
      const b = route(draft);
      savedRuns.push({ fulfillmentType: o.fulfillmentType, result: a });
      draftRuns.push({ fulfillmentType: o.fulfillmentType, result: b });
      const diff = compareReplay({ orderId: o.id, number: o.number, placedAt: o.placedAt, fulfillmentType: o.fulfillmentType }, a, b);
      if (diff) {
        changedOrders += 1;
        if (changed.length < MAX_CHANGED_LISTED) changed.push(diff);
      }
    }
    const routingMs = Math.round(performance.now() - started);
    return {
      days: input.days,
      from,
      to,
      ordersInWindow: total,
      ordersReplayed: orders.length,
      truncated,
      saved: replayMetrics(savedRuns, network.locations),
      draft: replayMetrics(draftRuns, network.locations),
      changedOrders,
      changed,
      routingMs,
    };
  });
}

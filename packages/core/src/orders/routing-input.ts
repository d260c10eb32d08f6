import { RoutingCriterion, RoutingFilters } from "@oms/contracts";
import type { RoutingRule, Tx } from "@oms/db";
import { z } from "zod";
import { availableToPromise } from "../inventory/index.ts";
import type { RoutingInput, RoutingLine, RoutingLocation, RoutingRuleSpec } from "../routing/index.ts";
import { fulfillmentRequest, isStoreBound, readAddress, type OrderWithLines } from "./order-rows.ts";

const Ranking = z.array(RoutingCriterion).min(1);

/** A stored rule as routeOrder wants it; null when its JSON does not parse (routing skips it). */
export function ruleSpecFromRow(row: RoutingRule): RoutingRuleSpec | null {
  const filters = RoutingFilters.safeParse(row.filters);
  const ranking = Ranking.safeParse(row.ranking);
  if (!filters.success || !ranking.success) return null;
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    marketCode: row.marketCode,
    channel: row.channel,
    fulfillmentType: row.fulfillmentType,
    filters: filters.data,
    ranking: ranking.data,
    splitPolicy: row.splitPolicy,
    maxShipments: row.maxShipments,
    fallbacks: row.fallbacks,
  };
}

/** Active routing rules as routeOrder wants them; a rule whose JSON does not parse is skipped. */
export async function loadRoutingRules(tx: Tx): Promise<RoutingRuleSpec[]> {
  const rows = await tx.routingRule.findMany({ where: { active: true }, orderBy: [{ priority: "asc" }, { id: "asc" }] });
  return rows.map(ruleSpecFromRow).filter((rule): rule is RoutingRuleSpec => rule !== null);
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The network as routing sees it now: locations with today's open load, ATP and incoming units of `variantIds`. */
export interface RoutingNetwork {
  locations: RoutingLocation[];
  atp: Map<string, Map<string, number>>;
  incoming: Map<string, Map<string, number>>;
}

/** Reads the network for routing `variantIds` now (the simulator and the replay read it once for many orders). */
export async function loadRoutingNetwork(tx: Tx, variantIds: string[], now: Date): Promise<RoutingNetwork> {
  const locationRows = await tx.location.findMany({ orderBy: { code: "asc" } });
  const loads = await tx.fulfillmentOrder.groupBy({
    by: ["locationId"],
    where: { status: { notIn: ["PICKED_UP", "DELIVERED", "REJECTED", "CANCELLED"] }, createdAt: { gte: startOfUtcDay(now) } },
    _count: { _all: true },
  });
  const loadBy = new Map(loads.map((l) => [l.locationId, l._count._all]));
  const locations: RoutingLocation[] = locationRows.map((l) => ({
    id: l.id,
    code: l.code,
    name: l.name,
    kind: l.kind,
    marketCode: l.marketCode,
    fulfillmentTypes: l.fulfillmentTypes,
    latitude: l.latitude,
    longitude: l.longitude,
    active: l.active,
    dailyCapacity: l.dailyCapacity,
    openLoad: loadBy.get(l.id) ?? 0,
  }));

  const atp = new Map<string, Map<string, number>>();
  const incoming = new Map<string, Map<string, number>>();
  const add = (map: Map<string, Map<string, number>>, locationId: string, variantId: string, n: number) => {
    if (n <= 0) return;
    const inner = map.get(locationId) ?? new Map<string, number>();
    inner.set(variantId, (inner.get(variantId) ?? 0) + n);
    map.set(locationId, inner);
  };
  const levels = await tx.inventoryLevel.findMany({ where: { variantId: { in: variantIds } } });
  for (const level of levels) {
    add(atp, level.locationId, level.variantId, availableToPromise(level));
    add(incoming, level.locationId, level.variantId, level.inTransit);
  }
  const purchases = await tx.purchaseOrderLine.findMany({
    where: { variantId: { in: variantIds }, purchaseOrder: { status: { in: ["ORDERED", "PARTIALLY_RECEIVED"] } } },
    select: { variantId: true, quantity: true, quantityReceived: true, purchaseOrder: { select: { locationId: true } } },
  });
  for (const line of purchases) add(incoming, line.purchaseOrder.locationId, line.variantId, line.quantity - line.quantityReceived);
  return { locations, atp, incoming };
}

/** The market a delivery country belongs to (the first by code when several list it). */
export async function marketOfCountry(tx: Tx, countryCode: string): Promise<string | null> {
  const market = await tx.market.findFirst({ where: { countries: { has: countryCode } }, orderBy: { code: "asc" } });
  return market?.code ?? null;
}

/** Country code -> market code, as marketOfCountry answers it, for routing many orders at once. */
export async function loadCountryMarkets(tx: Tx): Promise<Map<string, string>> {
  const markets = await tx.market.findMany({ orderBy: { code: "asc" }, select: { code: true, countries: true } });
  const byCountry = new Map<string, string>();
  for (const m of markets) for (const c of m.countries) if (!byCountry.has(c)) byCountry.set(c, m.code);
  return byCountry;
}

/**
 * Everything routeOrder needs, read in the caller's transaction: locations with today's
 * open load, ATP and incoming units for the ordered variants, the rules, and where the
 * goods go (the address's coordinates, or the pickup store; never a guess).
 */
export async function loadRoutingInput(
  tx: Tx,
  order: OrderWithLines,
  lines: RoutingLine[],
  now: Date,
  excludeLocationIds: string[] = [],
): Promise<RoutingInput> {
  const request = fulfillmentRequest(order);
  const address = readAddress(order);
  const network = await loadRoutingNetwork(tx, [...new Set(lines.map((l) => l.variantId))], now);

  let marketCode: string | null = null;
  let destination: { latitude: number; longitude: number } | null = null;
  if (isStoreBound(request.fulfillmentType)) {
    const store = network.locations.find((l) => l.id === request.locationId);
    marketCode = store?.marketCode ?? null;
    destination = store ? { latitude: store.latitude, longitude: store.longitude } : null;
  } else {
    if (address?.countryCode) marketCode = await marketOfCountry(tx, address.countryCode);
    if (address && typeof address.latitude === "number" && typeof address.longitude === "number") {
      destination = { latitude: address.latitude, longitude: address.longitude };
    }
  }

  return {
    order: { channel: order.channel, fulfillmentType: request.fulfillmentType, marketCode, destination, pickupLocationId: request.locationId, lines },
    ...network,
    rules: await loadRoutingRules(tx),
    excludeLocationIds,
  };
}

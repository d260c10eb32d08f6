import { RoutingCriterion, RoutingFilters } from "@oms/contracts";
import type { Tx } from "@oms/db";
import { z } from "zod";
import { availableToPromise } from "../inventory/index.ts";
import type { RoutingInput, RoutingLine, RoutingLocation, RoutingRuleSpec } from "../routing/index.ts";
import { fulfillmentRequest, isStoreBound, readAddress, type OrderWithLines } from "./order-rows.ts";

const Ranking = z.array(RoutingCriterion).min(1);

/** Active routing rules as routeOrder wants them; a rule whose JSON does not parse is skipped. */
export async function loadRoutingRules(tx: Tx): Promise<RoutingRuleSpec[]> {
  const rows = await tx.routingRule.findMany({ where: { active: true }, orderBy: [{ priority: "asc" }, { id: "asc" }] });
  const rules: RoutingRuleSpec[] = [];
  for (const row of rows) {
    const filters = RoutingFilters.safeParse(row.filters);
    const ranking = Ranking.safeParse(row.ranking);
    if (!filters.success || !ranking.success) continue;
    rules.push({
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
    });
  }
  return rules;
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
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
  const variantIds = [...new Set(lines.map((l) => l.variantId))];

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

  let marketCode: string | null = null;
  let destination: { latitude: number; longitude: number } | null = null;
  if (isStoreBound(request.fulfillmentType)) {
    const store = locationRows.find((l) => l.id === request.locationId);
    marketCode = store?.marketCode ?? null;
    destination = store ? { latitude: store.latitude, longitude: store.longitude } : null;
  } else {
    if (address?.countryCode) {
      const market = await tx.market.findFirst({ where: { countries: { has: address.countryCode } }, orderBy: { code: "asc" } });
      marketCode = market?.code ?? null;
    }
    if (address && typeof address.latitude === "number" && typeof address.longitude === "number") {
      destination = { latitude: address.latitude, longitude: address.longitude };
    }
  }

  return {
    order: { channel: order.channel, fulfillmentType: request.fulfillmentType, marketCode, destination, pickupLocationId: request.locationId, lines },
    locations,
    atp,
    incoming,
    rules: await loadRoutingRules(tx),
    excludeLocationIds,
  };
}

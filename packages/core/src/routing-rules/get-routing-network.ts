import { OrderAddress, type FulfillmentType, type LocationKind } from "@oms/contracts";
import { Prisma } from "@oms/db";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";

export interface RoutingNetworkView {
  markets: { code: string; name: string; countries: string[] }[];
  locations: {
    id: string;
    code: string;
    name: string;
    kind: LocationKind;
    marketCode: string;
    city: string;
    postalCode: string;
    countryCode: string;
    latitude: number;
    longitude: number;
    fulfillmentTypes: FulfillmentType[];
    dailyCapacity: number | null;
    active: boolean;
  }[];
  /** Cities customers recently had goods sent to, most orders first: presets for the simulator. */
  customerCities: { city: string; postalCode: string; countryCode: string; latitude: number; longitude: number; orders: number }[];
}

const RECENT_ORDERS = 1_000;
const MAX_CITIES = 20;

/** What the routing editor offers to choose from (HQ only): markets, every location, and recent customer cities. */
export async function getRoutingNetwork(ctx: DomainContext): Promise<RoutingNetworkView> {
  assertRole(ctx.actor, ["ADMIN"]);
  const [markets, locations, recent] = await Promise.all([
    ctx.db.market.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, countries: true } }),
    ctx.db.location.findMany({
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, kind: true, marketCode: true, city: true, postalCode: true, countryCode: true, latitude: true, longitude: true, fulfillmentTypes: true, dailyCapacity: true, active: true },
    }),
    ctx.db.order.findMany({ where: { shippingAddress: { not: Prisma.AnyNull } }, orderBy: { placedAt: "desc" }, take: RECENT_ORDERS, select: { shippingAddress: true } }),
  ]);
  const cities = new Map<string, RoutingNetworkView["customerCities"][number]>();
  for (const row of recent) {
    const address = OrderAddress.safeParse(row.shippingAddress ?? undefined);
    if (!address.success) continue;
    const a = address.data;
    if (!a.city || !a.countryCode || typeof a.latitude !== "number" || typeof a.longitude !== "number") continue;
    const key = `${a.countryCode}:${a.city.toLocaleLowerCase()}`;
    const entry = cities.get(key);
    if (entry) entry.orders += 1;
    else cities.set(key, { city: a.city, postalCode: a.postalCode, countryCode: a.countryCode, latitude: a.latitude, longitude: a.longitude, orders: 1 });
  }
  const customerCities = [...cities.values()].sort((a, b) => b.orders - a.orders || a.city.localeCompare(b.city)).slice(0, MAX_CITIES);
  return { markets, locations, customerCities };
}

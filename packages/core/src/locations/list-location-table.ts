import { LocationTableInput, type FulfillmentType, type LocationKind } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import { assertRole } from "../access.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

export interface LocationTableRow {
  id: string;
  code: string;
  name: string;
  kind: LocationKind;
  marketCode: string;
  marketName: string;
  city: string;
  countryCode: string;
  fulfillmentTypes: FulfillmentType[];
  dailyCapacity: number | null;
  active: boolean;
  staffCount: number;
}

export interface LocationTablePage {
  rows: LocationTableRow[];
  total: number;
}

const orderBy = (field: string, desc: boolean): Prisma.LocationOrderByWithRelationInput[] => {
  const dir = desc ? "desc" : "asc";
  switch (field) {
    case "name":
      return [{ name: dir }, { code: "asc" }];
    case "kind":
      return [{ kind: dir }, { code: "asc" }];
    case "market":
      return [{ marketCode: dir }, { code: "asc" }];
    case "city":
      return [{ city: dir }, { code: "asc" }];
    case "capacity":
      return [{ dailyCapacity: { sort: dir, nulls: "last" } }, { code: "asc" }];
    default:
      return [{ code: dir }];
  }
};

/**
 * The HQ locations table (ADMIN): every location, active or not, filtered by kind, market,
 * capability and state, searched by code, name or city, sorted and paged in the database.
 */
export async function listLocationTable(rawInput: unknown, ctx: DomainContext): Promise<LocationTablePage> {
  assertRole(ctx.actor, ["ADMIN"]);
  const q = parseInput(LocationTableInput, rawInput ?? {});
  const where: Prisma.LocationWhereInput = {
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.marketCode ? { marketCode: q.marketCode } : {}),
    ...(q.active === undefined ? {} : { active: q.active }),
    ...(q.search
      ? { OR: [{ code: { contains: q.search, mode: "insensitive" } }, { name: { contains: q.search, mode: "insensitive" } }, { city: { contains: q.search, mode: "insensitive" } }] }
      : {}),
  };
  if (q.fulfillmentType) {
    // Prisma 7's driver adapters send an enum-array filter (`has`) as a malformed literal;
    // the capability filter is one ANY() instead (locations are a few hundred rows).
    const ids = await ctx.db.$queryRaw<{ id: string }[]>`SELECT id FROM "Location" WHERE ${q.fulfillmentType}::"FulfillmentType" = ANY("fulfillmentTypes")`;
    where.id = { in: ids.map((r) => r.id) };
  }
  const [rows, total] = await Promise.all([
    ctx.db.location.findMany({
      where,
      orderBy: orderBy(q.sort.field, q.sort.desc),
      skip: q.page * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        marketCode: true,
        market: { select: { name: true } },
        city: true,
        countryCode: true,
        fulfillmentTypes: true,
        dailyCapacity: true,
        active: true,
        _count: { select: { users: true } },
      },
    }),
    ctx.db.location.count({ where }),
  ]);
  return {
    rows: rows.map(({ market, _count, ...r }) => ({ ...r, countryCode: r.countryCode.trim(), marketName: market.name, staffCount: _count.users })),
    total,
  };
}

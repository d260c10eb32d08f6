import { ListForecastInput, FORECAST_ROW_CAP, type ForecastSortKey, type ReplenishmentKind } from "@oms/contracts";
import { Prisma } from "@oms/db";
import type { z } from "zod";
import type { DomainContext } from "../context.ts";
import {
  inventoryFilterSql,
  inventoryRowColumns,
  inventoryRowJoins,
  resolveInventoryFilter,
  toInventoryRow,
  uuidList,
  type InventoryRawRow,
  type InventoryRow,
} from "../inventory-queries/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { replenishmentOf, suggestionOf, type Suggestion } from "./replenishment.ts";
import { daysToStockout, stockoutDate } from "./stockout.ts";

export interface ForecastRow extends InventoryRow {
  timeZone: string;
  currency: string;
  /** When the stored velocity was computed. */
  velocityAt: Date | null;
  /** In transit + requested transfers + open purchase orders. */
  incoming: number;
  /** Requested transfers out, not shipped yet. */
  outgoing: number;
  /** ATP ÷ sold per day. */
  daysToStockout: number | null;
  /** YYYY-MM-DD in the location's calendar. */
  stockoutDate: string | null;
  suggestion: (Suggestion & { fromLocation: { id: string; code: string; name: string } | null }) | null;
  /** The latest accepted suggestion whose draft is still open. */
  accepted: { kind: ReplenishmentKind; quantity: number; number: string; transferId: string | null; purchaseOrderId: string | null; at: Date } | null;
}

export interface ForecastPage {
  items: ForecastRow[];
  total: number;
  totalCapped: boolean;
  /** The newest velocity on the page (when the refresh last ran, as far as these rows go). */
  velocityAt: Date | null;
}

/** Days to stockout in SQL over `l`; matches the partial index "InventoryLevel_daysToStockout_id_idx" exactly. */
const stockoutSql = Prisma.sql`(GREATEST(0, l."onHand" - l."reserved" - l."safetyStock") / l."soldPerDay")`;

const sortSql: Record<Exclude<ForecastSortKey, "sku">, Prisma.Sql> = {
  stockout: stockoutSql,
  daysOfCover: Prisma.sql`(l."onHand" / l."soldPerDay")`,
  soldPerDay: Prisma.sql`l."soldPerDay"`,
  onHand: Prisma.sql`l."onHand"`,
  available: Prisma.sql`GREATEST(0, l."onHand" - l."reserved" - l."safetyStock")`,
};

type Input = z.output<typeof ListForecastInput>;
type Filter = Awaited<ReturnType<typeof resolveInventoryFilter>>;

/** Levels that sell, within the filter and the urgency. */
function whereSql(input: Input, filter: Filter): Prisma.Sql {
  const urgency = input.urgency === "ALL" ? Prisma.sql`TRUE` : Prisma.sql`${stockoutSql} <= ${Number(input.urgency)}::float8`;
  return Prisma.sql`${inventoryFilterSql(filter)} AND l."soldPerDay" > 0 AND ${urgency}`;
}

async function pageIds(input: Input, filter: Filter, ctx: Pick<DomainContext, "db">): Promise<string[]> {
  const where = whereSql(input, filter);
  const dir = input.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const limit = Prisma.sql`LIMIT ${input.pageSize} OFFSET ${input.pageIndex * input.pageSize}`;
  const rows =
    input.sort === "sku"
      ? await ctx.db.$queryRaw<{ id: string }[]>`
          SELECT l."id"::text AS "id" FROM "InventoryLevel" l JOIN "Variant" v ON v."id" = l."variantId" JOIN "Location" loc ON loc."id" = l."locationId"
          WHERE ${where} ORDER BY v."sku" ${dir}, loc."name" ${dir}, l."id" ${dir} ${limit}`
      : await ctx.db.$queryRaw<{ id: string }[]>`
          SELECT l."id"::text AS "id" FROM "InventoryLevel" l WHERE ${where} ORDER BY ${sortSql[input.sort]} ${dir}, l."id" ${dir} ${limit}`;
  return rows.map((r) => r.id);
}

async function countRows(input: Input, filter: Filter, ctx: Pick<DomainContext, "db">) {
  const rows = await ctx.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "InventoryLevel" l WHERE ${whereSql(input, filter)} LIMIT ${FORECAST_ROW_CAP + 1}) x`;
  const n = Number(rows[0]?.n ?? 0);
  return n > FORECAST_ROW_CAP ? { total: FORECAST_ROW_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

type RawForecastRow = InventoryRawRow & { timeZone: string; velocityAt: Date | null };

/** Full forecast rows of the given levels, in the given order. */
export async function forecastRowsOf(ids: string[], ctx: Pick<DomainContext, "db" | "now">): Promise<ForecastRow[]> {
  if (ids.length === 0) return [];
  const raw = await ctx.db.$queryRaw<RawForecastRow[]>`
    SELECT ${inventoryRowColumns}, loc."timeZone", l."velocityAt" FROM "InventoryLevel" l ${inventoryRowJoins} WHERE l."id" IN (${uuidList(ids)})`;
  const positions = new Map((await replenishmentOf(ctx.db, ids)).map((p) => [p.levelId, p]));
  const fromIds = [...new Set([...positions.values()].flatMap((p) => (p.fromLocationId ? [p.fromLocationId] : [])))];
  const from = new Map(
    (fromIds.length ? await ctx.db.location.findMany({ where: { id: { in: fromIds } }, select: { id: true, code: true, name: true } }) : []).map((l) => [l.id, l]),
  );
  const accepted = await openAcceptances(ctx, ids);
  const byId = new Map(raw.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const base = toInventoryRow(r);
    const position = positions.get(id);
    const suggestion = position ? suggestionOf(position) : null;
    return [
      {
        ...base,
        timeZone: r.timeZone,
        currency: position?.currency ?? "",
        velocityAt: r.velocityAt,
        incoming: position?.incoming ?? base.inTransit,
        outgoing: position?.outgoing ?? 0,
        daysToStockout: daysToStockout(base.available, Number(r.soldPerDay)),
        stockoutDate: stockoutDate(ctx.now, base.available, Number(r.soldPerDay), r.timeZone),
        suggestion: suggestion ? { ...suggestion, fromLocation: suggestion.fromLocationId ? (from.get(suggestion.fromLocationId) ?? null) : null } : null,
        accepted: accepted.get(id) ?? null,
      },
    ];
  });
}

/** Per level, the latest accepted suggestion whose transfer or purchase order is still on its way. */
async function openAcceptances(ctx: Pick<DomainContext, "db">, levelIds: string[]) {
  const rows = await ctx.db.$queryRaw<
    { levelId: string; kind: ReplenishmentKind; quantity: number; number: string; transferId: string | null; purchaseOrderId: string | null; at: Date }[]
  >`
    SELECT DISTINCT ON (r."levelId") r."levelId"::text AS "levelId", r."kind"::text AS "kind", r."quantity",
      COALESCE(t."number", po."number") AS "number", r."transferId"::text AS "transferId", r."purchaseOrderId"::text AS "purchaseOrderId", r."createdAt" AS "at"
    FROM "Replenishment" r
    LEFT JOIN "Transfer" t ON t."id" = r."transferId"
    LEFT JOIN "PurchaseOrder" po ON po."id" = r."purchaseOrderId"
    WHERE r."levelId" IN (${uuidList(levelIds)})
      AND (t."status" IN ('REQUESTED', 'SHIPPED') OR po."status" IN ('DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED'))
    ORDER BY r."levelId", r."createdAt" DESC`;
  return new Map(rows.map((r) => [r.levelId, { ...r, quantity: Number(r.quantity) }]));
}

/**
 * The forecast table: every level that sells (stored velocity > 0), filtered by location,
 * category, search and urgency (stockout within 7 / 14 / 28 days), sorted in the database
 * (stockout, days of cover and velocity by their partial indexes), with each row's
 * replenishment suggestion.
 */
export async function listForecast(rawInput: ListForecastInput, ctx: Pick<DomainContext, "db"> & { now?: Date }): Promise<ForecastPage> {
  const input = parseInput(ListForecastInput, rawInput);
  const now = ctx.now ?? new Date();
  const filter = await resolveInventoryFilter({ locationIds: input.locationIds, categoryId: input.categoryId, search: input.search, stock: "ALL" }, ctx.db);
  const [ids, count] = await Promise.all([pageIds(input, filter, ctx), countRows(input, filter, ctx)]);
  const items = await forecastRowsOf(ids, { db: ctx.db, now });
  const newest = items.reduce<Date | null>((max, r) => (r.velocityAt && (!max || r.velocityAt > max) ? r.velocityAt : max), null);
  return { items, ...count, velocityAt: newest };
}

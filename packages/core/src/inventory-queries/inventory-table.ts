// The HQ inventory table: every variant × location, filtered, sorted and paged in the
// database (docs/hq-inventory.md). Shared by the page query and the CSV export.
import { Prisma } from "@oms/db";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { availableToPromise } from "../inventory/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { daysOfCover, daysOfCoverSql } from "./sales-velocity.ts";

/** Counting stops here: "10,000+" is as useful to a person as the exact number, and fast. */
export const INVENTORY_COUNT_CAP = 10_000;

export const inventorySortKeys = ["sku", "name", "location", "onHand", "reserved", "available", "inTransit", "safetyStock", "reorderPoint", "daysOfCover"] as const;
export type InventorySortKey = (typeof inventorySortKeys)[number];

export const InventoryFilterInput = z.object({
  locationIds: z.array(z.uuid({ message: "Choose a location" })).max(200, "Choose at most 200 locations").optional(),
  categoryId: z.uuid({ message: "Choose a category" }).optional(),
  /** SKU (prefix), product or variant name (part), or an exact barcode. */
  search: z.string().trim().max(100, "Search for at most 100 characters").optional(),
  /** LOW: ATP at or below the reorder point (or the safety stock when higher); ZERO: nothing on hand. */
  stock: z.enum(["ALL", "LOW", "ZERO"]).default("ALL"),
});
export type InventoryFilterInput = z.input<typeof InventoryFilterInput>;

export const ListInventoryInput = InventoryFilterInput.extend({
  sort: z.enum(inventorySortKeys).default("sku"),
  desc: z.boolean().default(false),
  pageIndex: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(200, "Show at most 200 rows per page").default(50),
}).refine((i) => i.pageIndex * i.pageSize < INVENTORY_COUNT_CAP, {
  path: ["pageIndex"],
  message: `Pages go as far as row ${INVENTORY_COUNT_CAP.toLocaleString("en")}: narrow the filter (or export the CSV) to see further`,
});
export type ListInventoryInput = z.input<typeof ListInventoryInput>;

export interface InventoryRow {
  /** The level's id. */
  id: string;
  variantId: string;
  locationId: string;
  sku: string;
  productName: string;
  variantName: string;
  categoryName: string;
  locationCode: string;
  locationName: string;
  onHand: number;
  reserved: number;
  /** availableToPromise: on hand − reserved − safety stock, never below zero. */
  available: number;
  inTransit: number;
  safetyStock: number;
  reorderPoint: number;
  /** Units sold per day, as last stored by forecasting's refresh (0 when nothing sold). */
  soldPerDay: number;
  /** On hand ÷ sold per day; null when nothing sold. */
  daysOfCover: number | null;
  low: boolean;
}

export interface InventoryPage {
  items: InventoryRow[];
  /** Rows matching the filter, counted up to INVENTORY_COUNT_CAP. */
  total: number;
  /** true: there are more than `total` rows (show "10,000+"). */
  totalCapped: boolean;
}

type QueryContext = Pick<DomainContext, "db"> & { now?: Date };

/** LOW in SQL (alias `l` = the level); `isLowStock` says the same for one row. */
export const lowSql = Prisma.sql`GREATEST(0, l."onHand" - l."reserved" - l."safetyStock") <= GREATEST(l."reorderPoint", l."safetyStock")`;

/** Low stock: ATP at or below the reorder point, or at or below the safety stock when that is higher. */
export function isLowStock(level: { onHand: number; reserved: number; safetyStock: number; reorderPoint: number }): boolean {
  return availableToPromise(level) <= Math.max(level.reorderPoint, level.safetyStock);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const uuidList = (ids: readonly string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

type Filter = z.output<typeof InventoryFilterInput> & {
  /** The variants category and search allow, looked up once (see resolveInventoryFilter). */
  variantIds?: string[];
};

/** Up to this many matching variants are passed to the level queries as a list. */
const VARIANT_LIST_MAX = 5_000;

/**
 * Looks up the variants a category or search allows, once, so the level queries get a
 * plain id list (which PostgreSQL hashes or probes by index) instead of a subquery it may
 * re-check row by row. Broader matches stay a subquery.
 */
export async function resolveInventoryFilter(filter: z.output<typeof InventoryFilterInput>, db: QueryContext["db"]): Promise<Filter> {
  const subquery = variantSubquerySql(filter);
  if (!subquery) return filter;
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT x."id"::text AS "id" FROM (${subquery}) x LIMIT ${VARIANT_LIST_MAX + 1}`;
  return rows.length > VARIANT_LIST_MAX ? filter : { ...filter, variantIds: rows.map((r) => r.id) };
}

/** The variants the category and search parts of a filter allow, or null: all. */
function variantFilterSql(filter: Filter): Prisma.Sql | null {
  if (filter.variantIds) return filter.variantIds.length ? uuidList(filter.variantIds) : Prisma.sql`NULL`;
  return variantSubquerySql(filter);
}

function variantSubquerySql(filter: z.output<typeof InventoryFilterInput>): Prisma.Sql | null {
  const sets: Prisma.Sql[] = [];
  if (filter.categoryId) {
    sets.push(Prisma.sql`SELECT fv."id" FROM "Variant" fv JOIN "Product" fp ON fp."id" = fv."productId" WHERE fp."categoryId" = ${filter.categoryId}::uuid`);
  }
  if (filter.search) {
    const prefix = `${escapeLike(filter.search)}%`;
    const part = `%${escapeLike(filter.search)}%`;
    sets.push(Prisma.sql`
      SELECT sv."id" FROM "Variant" sv JOIN "Product" sp ON sp."id" = sv."productId"
      WHERE sv."sku" ILIKE ${prefix} OR sv."name" ILIKE ${part} OR sp."name" ILIKE ${part}
      UNION SELECT b."variantId" FROM "Barcode" b WHERE b."code" = ${filter.search}`);
  }
  if (sets.length === 0) return null;
  return sets.length === 1 ? sets[0]! : Prisma.sql`(${sets[0]!}) INTERSECT (${sets[1]!})`;
}

/** The WHERE clause of a filter over `l` ("InventoryLevel"). */
export function inventoryFilterSql(filter: Filter): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (filter.locationIds) {
    and.push(filter.locationIds.length ? Prisma.sql`l."locationId" IN (${uuidList(filter.locationIds)})` : Prisma.sql`FALSE`);
  }
  const variants = variantFilterSql(filter);
  if (variants) and.push(Prisma.sql`l."variantId" IN (${variants})`);
  if (filter.stock === "LOW") and.push(lowSql);
  if (filter.stock === "ZERO") and.push(Prisma.sql`l."onHand" = 0`);
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

const numericSort: Partial<Record<InventorySortKey, Prisma.Sql>> = {
  onHand: Prisma.sql`l."onHand"`,
  reserved: Prisma.sql`l."reserved"`,
  available: Prisma.sql`GREATEST(0, l."onHand" - l."reserved" - l."safetyStock")`,
  inTransit: Prisma.sql`l."inTransit"`,
  safetyStock: Prisma.sql`l."safetyStock"`,
  reorderPoint: Prisma.sql`l."reorderPoint"`,
};

/** The ids of one page, in order. Numeric sorts never join the catalogue before sorting. */
async function pageIds(input: z.output<typeof ListInventoryInput> & Filter, ctx: QueryContext): Promise<string[]> {
  const where = inventoryFilterSql(input);
  const dir = input.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const limit = Prisma.sql`LIMIT ${input.pageSize} OFFSET ${input.pageIndex * input.pageSize}`;
  let rows: { id: string }[];
  const numeric = numericSort[input.sort];
  if (numeric) {
    rows = await ctx.db.$queryRaw`SELECT l."id"::text AS "id" FROM "InventoryLevel" l WHERE ${where} ORDER BY ${numeric} ${dir}, l."id" ${dir} ${limit}`;
  } else if (input.sort === "daysOfCover") {
    // Levels that sold nothing have no days of cover: always after the others, by id. The
    // levels that sold come from the partial index on days of cover (either direction), the
    // others from the primary key; each side stops at the end of the wanted page.
    const wanted = (input.pageIndex + 1) * input.pageSize;
    rows = await ctx.db.$queryRaw`
      SELECT x."id"::text AS "id" FROM (
        (SELECT l."id", 0 AS "group", ${daysOfCoverSql} AS "cover" FROM "InventoryLevel" l
         WHERE ${where} AND l."soldPerDay" > 0 ORDER BY ${daysOfCoverSql} ${dir}, l."id" ${dir} LIMIT ${wanted})
        UNION ALL
        (SELECT l."id", 1 AS "group", NULL::float8 AS "cover" FROM "InventoryLevel" l
         WHERE ${where} AND l."soldPerDay" = 0 ORDER BY l."id" ${dir} LIMIT ${wanted})
      ) x ORDER BY x."group", x."cover" ${dir}, x."id" ${dir} ${limit}`;
  } else if (input.sort === "location") {
    // Location by location (each one's levels by SKU through the SKU index), so a page never
    // sorts the whole table: the lateral stops as soon as the page is full.
    const wanted = (input.pageIndex + 1) * input.pageSize;
    const locationWhere = input.locationIds ? Prisma.sql`loc."id" IN (${uuidList(input.locationIds)})` : Prisma.sql`TRUE`;
    rows = await ctx.db.$queryRaw`
      SELECT x."id" FROM (SELECT loc."id", loc."name" FROM "Location" loc WHERE ${locationWhere} ORDER BY loc."name" ${dir}, loc."id" ${dir}) loc
      CROSS JOIN LATERAL (
        SELECT l."id"::text AS "id" FROM "InventoryLevel" l JOIN "Variant" v ON v."id" = l."variantId"
        WHERE l."locationId" = loc."id" AND ${where} ORDER BY v."sku" ${dir} LIMIT ${wanted}) x
      ${limit}`;
  } else {
    // The same variant condition on v as well, so the planner can start from the few
    // matching variants instead of walking the SKU index past thousands that do not match.
    const variants = variantFilterSql(input);
    const onVariant = variants ? Prisma.sql`v."id" IN (${variants})` : Prisma.sql`TRUE`;
    const order = input.sort === "sku" ? Prisma.sql`v."sku" ${dir}, loc."name" ${dir}` : Prisma.sql`p."name" ${dir}, v."name" ${dir}, v."sku" ${dir}, loc."name" ${dir}`;
    rows = await ctx.db.$queryRaw`
      SELECT l."id"::text AS "id" FROM "InventoryLevel" l
      JOIN "Variant" v ON v."id" = l."variantId" JOIN "Product" p ON p."id" = v."productId" JOIN "Location" loc ON loc."id" = l."locationId"
      WHERE ${where} AND ${onVariant} ORDER BY ${order}, l."id" ${dir} ${limit}`;
  }
  return rows.map((r) => r.id);
}

interface RawRow {
  id: string;
  variantId: string;
  locationId: string;
  sku: string;
  productName: string;
  variantName: string;
  categoryName: string;
  locationCode: string;
  locationName: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  safetyStock: number;
  reorderPoint: number;
  soldPerDay: number;
}

const rowColumns = Prisma.sql`
  l."id"::text AS "id", l."variantId"::text AS "variantId", l."locationId"::text AS "locationId",
  v."sku", p."name" AS "productName", v."name" AS "variantName", c."name" AS "categoryName",
  loc."code" AS "locationCode", loc."name" AS "locationName",
  l."onHand", l."reserved", l."inTransit", l."safetyStock", l."reorderPoint", l."soldPerDay"`;
const rowJoins = Prisma.sql`
  JOIN "Variant" v ON v."id" = l."variantId" JOIN "Product" p ON p."id" = v."productId"
  JOIN "Category" c ON c."id" = p."categoryId" JOIN "Location" loc ON loc."id" = l."locationId"`;

export function toInventoryRow(raw: RawRow): InventoryRow {
  const perDay = Number(raw.soldPerDay);
  const level = { onHand: Number(raw.onHand), reserved: Number(raw.reserved), safetyStock: Number(raw.safetyStock), reorderPoint: Number(raw.reorderPoint) };
  return {
    ...raw,
    ...level,
    inTransit: Number(raw.inTransit),
    available: availableToPromise(level),
    soldPerDay: Math.round(perDay * 100) / 100,
    daysOfCover: daysOfCover(level.onHand, perDay),
    low: isLowStock(level),
  };
}

/** Full rows (catalogue names, location, velocity) of the given levels, in the given order. */
async function rowsOf(db: QueryContext["db"], ids: string[]): Promise<InventoryRow[]> {
  if (ids.length === 0) return [];
  const raw = await db.$queryRaw<RawRow[]>`SELECT ${rowColumns} FROM "InventoryLevel" l ${rowJoins} WHERE l."id" IN (${uuidList(ids)})`;
  const byId = new Map(raw.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toInventoryRow(r)] : [];
  });
}

/** Rows matching the filter, counted up to the cap (the scan stops there). */
export async function countInventory(filter: Filter, db: QueryContext["db"]): Promise<{ total: number; totalCapped: boolean }> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "InventoryLevel" l WHERE ${inventoryFilterSql(filter)} LIMIT ${INVENTORY_COUNT_CAP + 1}) x`;
  const n = Number(rows[0]?.n ?? 0);
  return n > INVENTORY_COUNT_CAP ? { total: INVENTORY_COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

/**
 * One page of the inventory table: filtered, sorted and paged in the database (offset
 * paging, as far as the count cap), with days of cover from the stored velocity.
 */
export async function listInventory(rawInput: ListInventoryInput, ctx: QueryContext): Promise<InventoryPage> {
  const parsed = parseInput(ListInventoryInput, rawInput);
  const input = { ...parsed, ...(await resolveInventoryFilter(parsed, ctx.db)) };
  const [ids, count] = await Promise.all([pageIds(input, ctx), countInventory(input, ctx.db)]);
  return { items: await rowsOf(ctx.db, ids), ...count };
}

export { rowColumns as inventoryRowColumns, rowJoins as inventoryRowJoins, type RawRow as InventoryRawRow, uuidList };

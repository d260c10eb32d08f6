import { SellThroughInput } from "@oms/contracts";
import { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { SOLD_MOVEMENT_KINDS } from "../forecasting/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { inSpanSql, localDaySql, spanEndSql, spanWindow } from "./period.ts";
import { sortAndPage } from "./sort-rows.ts";

export interface SellThroughRow {
  key: string;
  label: string;
  /** Category of a product. */
  detail: string | null;
  /** Units that left the shelf as sold in the period (SALE, SHIPMENT, PICKUP_HANDOVER). */
  sold: number;
  /** Units on hand when the period ended (today's on hand less what moved since). */
  onHandAtEnd: number;
  /** sold ÷ (sold + onHandAtEnd); null when both are 0. */
  sellThrough: number | null;
}

export interface SellThroughReport {
  period: { from: string; to: string };
  rows: SellThroughRow[];
  total: number;
  page: number;
  pageSize: number;
  totals: { sold: number; onHandAtEnd: number; sellThrough: number | null };
}

export const sellThroughRatio = (sold: number, onHandAtEnd: number): number | null => (sold + onHandAtEnd > 0 ? sold / (sold + onHandAtEnd) : null);

/**
 * Sell-through per product or category (docs/hq-reports.md) from the inventory ledger:
 * units sold in the period ÷ (units sold + units on hand at its end). On hand at the end is
 * each level's on hand now less the movements after the period's end at that location
 * (local midnight after its last day), so a past period reads as it stood then.
 */
export async function sellThroughReport(rawInput: SellThroughInput, ctx: Pick<DomainContext, "db" | "now">): Promise<SellThroughReport> {
  const input = parseInput(SellThroughInput, rawInput);
  const span = { from: input.from, to: input.to };
  const { lo, hi } = spanWindow(span, ctx.now);
  const kinds = Prisma.join(SOLD_MOVEMENT_KINDS.map((k) => Prisma.sql`${k}::"MovementKind"`));
  const locations =
    input.locationIds && input.locationIds.length > 0 ? Prisma.sql`loc."id" IN (${Prisma.join(input.locationIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`TRUE`;
  const tz = Prisma.sql`loc."timeZone"`;
  const end = spanEndSql(span, tz, ctx.now);
  const key = input.groupBy === "product" ? Prisma.sql`p."id"::text` : Prisma.sql`c."id"::text`;
  const label = input.groupBy === "product" ? Prisma.sql`p."name"` : Prisma.sql`c."name"`;
  const detail = input.groupBy === "product" ? Prisma.sql`c."name"` : Prisma.sql`NULL::text`;
  const search = input.search ? Prisma.sql`${label} ILIKE ${`%${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}` : Prisma.sql`TRUE`;

  const rows = await ctx.db.$queryRaw<{ key: string; label: string; detail: string | null; sold: bigint; onHandAtEnd: bigint }[]>`
    WITH sold AS (
      SELECT m."variantId", (-SUM(m."quantity"))::bigint AS "units"
      FROM "InventoryMovement" m JOIN "Location" loc ON loc."id" = m."locationId"
      WHERE m."kind" IN (${kinds}) AND m."createdAt" >= ${lo} AND m."createdAt" < ${hi} AND ${locations}
        AND ${inSpanSql(localDaySql(Prisma.sql`m."createdAt"`, tz), tz, span, ctx.now)}
      GROUP BY m."variantId"
    ),
    since AS (
      SELECT m."variantId", SUM(m."quantity")::bigint AS "units"
      FROM "InventoryMovement" m JOIN "Location" loc ON loc."id" = m."locationId"
      WHERE m."createdAt" >= ${lo} AND ${locations} AND m."createdAt" >= ${end}
      GROUP BY m."variantId"
    ),
    stock AS (
      SELECT l."variantId", SUM(l."onHand")::bigint AS "units"
      FROM "InventoryLevel" l JOIN "Location" loc ON loc."id" = l."locationId"
      WHERE ${locations}
      GROUP BY l."variantId"
    )
    SELECT ${key} AS "key", ${label} AS "label", ${detail} AS "detail",
           COALESCE(SUM(sold."units"), 0)::bigint AS "sold",
           GREATEST(0, COALESCE(SUM(stock."units"), 0) - COALESCE(SUM(since."units"), 0))::bigint AS "onHandAtEnd"
    FROM (SELECT "variantId" FROM sold UNION SELECT "variantId" FROM stock) vs
    JOIN "Variant" v ON v."id" = vs."variantId"
    JOIN "Product" p ON p."id" = v."productId"
    JOIN "Category" c ON c."id" = p."categoryId"
    LEFT JOIN sold ON sold."variantId" = vs."variantId"
    LEFT JOIN since ON since."variantId" = vs."variantId"
    LEFT JOIN stock ON stock."variantId" = vs."variantId"
    WHERE ${search}
    GROUP BY 1, 2, 3
    HAVING COALESCE(SUM(sold."units"), 0) > 0 OR COALESCE(SUM(stock."units"), 0) - COALESCE(SUM(since."units"), 0) > 0`;

  const all = rows.map((r) => {
    const sold = Number(r.sold);
    const onHandAtEnd = Number(r.onHandAtEnd);
    return { key: r.key, label: r.label, detail: r.detail, sold, onHandAtEnd, sellThrough: sellThroughRatio(sold, onHandAtEnd) };
  });
  const sort = input.sort ?? { field: "sellThrough", desc: true };
  const { field } = sort;
  const paged = sortAndPage(all, (r) => (field === "key" ? r.label : r[field]), { desc: sort.desc, tiebreak: (r) => r.label, page: input.page, pageSize: input.pageSize });
  const sold = all.reduce((s, r) => s + r.sold, 0);
  const onHandAtEnd = all.reduce((s, r) => s + r.onHandAtEnd, 0);
  return {
    period: span,
    rows: paged.rows,
    total: paged.total,
    page: input.page,
    pageSize: input.pageSize,
    totals: { sold, onHandAtEnd, sellThrough: sellThroughRatio(sold, onHandAtEnd) },
  };
}

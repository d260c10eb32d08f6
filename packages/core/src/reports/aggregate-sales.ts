import type { SalesGroupBy } from "@oms/contracts";
import { Prisma, type Tx } from "@oms/db";
import type { FxConverter } from "./fx.ts";
import { salesFactsSql, type SalesScope } from "./sales-facts.ts";
import { convertSums, salesFigures, type LocalSalesFigures, type SalesFigures, type SalesSums } from "./sales-figures.ts";

export type SalesGrouping = SalesGroupBy | "total";

export interface SalesGroup {
  /** yyyy-mm-dd, channel, location/product/category id ("" = no location), or "total". */
  key: string;
  label: string;
  /** Location code, category of a product, … (what helps tell rows apart). */
  detail: string | null;
  /** The figures in each currency the group sold in (a location: its own). */
  local: LocalSalesFigures[];
  /** In the reporting currency. */
  figures: SalesFigures;
}

export interface AggregatedSales {
  groups: SalesGroup[];
  totals: { local: LocalSalesFigures[]; figures: SalesFigures };
}

const groupColumns: Record<SalesGrouping, { key: Prisma.Sql; label: Prisma.Sql; detail: Prisma.Sql; joins: Prisma.Sql }> = {
  total: { key: Prisma.sql`'total'`, label: Prisma.sql`''`, detail: Prisma.sql`NULL::text`, joins: Prisma.empty },
  day: { key: Prisma.sql`f."day"::text`, label: Prisma.sql`f."day"::text`, detail: Prisma.sql`NULL::text`, joins: Prisma.empty },
  channel: { key: Prisma.sql`f."channel"`, label: Prisma.sql`f."channel"`, detail: Prisma.sql`NULL::text`, joins: Prisma.empty },
  location: {
    key: Prisma.sql`COALESCE(f."locationId"::text, '')`,
    label: Prisma.sql`COALESCE(gl."name", '')`,
    detail: Prisma.sql`gl."code"`,
    joins: Prisma.sql`LEFT JOIN "Location" gl ON gl."id" = f."locationId"`,
  },
  product: {
    key: Prisma.sql`gp."id"::text`,
    label: Prisma.sql`gp."name"`,
    detail: Prisma.sql`gc."name"`,
    joins: Prisma.sql`JOIN "Variant" gv ON gv."id" = f."variantId" JOIN "Product" gp ON gp."id" = gv."productId" JOIN "Category" gc ON gc."id" = gp."categoryId"`,
  },
  category: {
    key: Prisma.sql`gc."id"::text`,
    label: Prisma.sql`gc."name"`,
    detail: Prisma.sql`NULL::text`,
    joins: Prisma.sql`JOIN "Variant" gv ON gv."id" = f."variantId" JOIN "Product" gp ON gp."id" = gv."productId" JOIN "Category" gc ON gc."id" = gp."categoryId"`,
  },
};

interface SumRow {
  isTotal: number;
  key: string | null;
  label: string | null;
  detail: string | null;
  currency: string;
  amount: bigint;
  tax: bigint;
  units: bigint;
  returnedAmount: bigint;
  returnedTax: bigint;
  returnedUnits: bigint;
  orders: number;
}

const sumsOf = (r: SumRow): SalesSums => ({
  amount: Number(r.amount),
  tax: Number(r.tax),
  units: Number(r.units),
  returnedAmount: Number(r.returnedAmount),
  returnedTax: Number(r.returnedTax),
  returnedUnits: Number(r.returnedUnits),
  orders: r.orders,
});

/**
 * The one sales aggregation (docs/hq-reports.md): the sales relation summed in the database
 * per group and currency, plus the totals (GROUPING SETS, one scan), then each group's
 * currencies converted to the reporting currency. `search` keeps groups whose name contains it.
 */
export async function aggregateSales(
  db: Tx,
  scope: SalesScope & { groupBy: SalesGrouping; search?: string | undefined },
  options: { fx: FxConverter; includeTax: boolean; now: Date },
): Promise<AggregatedSales> {
  const g = groupColumns[scope.groupBy];
  const search = scope.search ? Prisma.sql`${g.label} ILIKE ${`%${scope.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<SumRow[]>`
    SELECT GROUPING(x."key")::int AS "isTotal", x."key", x."label", x."detail", x."currency",
           SUM(x."amount")::bigint AS "amount", SUM(x."tax")::bigint AS "tax", SUM(x."units")::bigint AS "units",
           SUM(x."returnedAmount")::bigint AS "returnedAmount", SUM(x."returnedTax")::bigint AS "returnedTax",
           SUM(x."returnedUnits")::bigint AS "returnedUnits",
           (COUNT(DISTINCT x."orderId") FILTER (WHERE x."isSale"))::int AS "orders"
    FROM (
      SELECT ${g.key} AS "key", ${g.label} AS "label", ${g.detail} AS "detail", f.*
      FROM (${salesFactsSql(scope, options.now)}) f
      ${g.joins}
      WHERE ${search}
    ) x
    GROUP BY GROUPING SETS ((x."key", x."label", x."detail", x."currency"), (x."currency"))`;

  const byKey = new Map<string, { label: string; detail: string | null; perCurrency: { currency: string; sums: SalesSums }[] }>();
  const totalCurrencies: { currency: string; sums: SalesSums }[] = [];
  for (const row of rows) {
    const entry = { currency: row.currency, sums: sumsOf(row) };
    if (row.isTotal) {
      totalCurrencies.push(entry);
      continue;
    }
    const key = row.key ?? "";
    const group = byKey.get(key) ?? { label: row.label ?? "", detail: row.detail, perCurrency: [] };
    group.perCurrency.push(entry);
    byKey.set(key, group);
  }
  const local = (list: { currency: string; sums: SalesSums }[]) =>
    list.map(({ currency, sums }) => ({ currency, ...salesFigures(sums, options.includeTax) })).sort((a, b) => a.currency.localeCompare(b.currency));
  const groups = [...byKey].map(([key, group]) => ({
    key,
    label: group.label,
    detail: group.detail,
    local: local(group.perCurrency),
    figures: salesFigures(convertSums(group.perCurrency, options.fx), options.includeTax),
  }));
  return { groups, totals: { local: local(totalCurrencies), figures: salesFigures(convertSums(totalCurrencies, options.fx), options.includeTax) } };
}

import type { OrderStatus } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { lowStockSql } from "../inventory-queries/index.ts";
import { aggregateSales, type SalesGroup } from "./aggregate-sales.ts";
import { fxNote, loadReportBasis, type FxNote } from "./report-basis.ts";
import type { LocalSalesFigures, SalesFigures } from "./sales-figures.ts";

/** Orders still being worked on (a finished or cancelled order keeps its late flag as history). */
export const OPEN_ORDER_STATUSES = ["PENDING_VALIDATION", "ON_HOLD", "ALLOCATED", "IN_FULFILLMENT", "PARTIALLY_FULFILLED"] as const satisfies readonly OrderStatus[];

export interface LowStockAlert {
  variantId: string;
  sku: string;
  productName: string;
  variantName: string;
  locationId: string;
  locationName: string;
  available: number;
  threshold: number;
}

export interface HqOverview {
  /** When these numbers were read (the screen's "updated hh:mm:ss"). */
  asOf: Date;
  today: {
    totals: { local: LocalSalesFigures[]; figures: SalesFigures };
    /** The same figures yesterday (each location's yesterday), for the deltas. */
    yesterday: SalesFigures;
    byChannel: SalesGroup[];
    byLocation: SalesGroup[];
  };
  /** Open orders by status. */
  ordersByStatus: { status: (typeof OPEN_ORDER_STATUSES)[number]; count: number }[];
  lateOrders: number;
  openTasks: number;
  /** Open tasks by kind, most first. */
  tasksByKind: { kind: string; count: number }[];
  lowStock: { count: number; top: LowStockAlert[] };
  fx: FxNote;
}

/**
 * HQ › Overview (docs/hq-reports.md): today's sales (each location's own today) by channel and
 * by location through the same aggregation as the reports, open orders by status, late
 * orders, open tasks and low stock. Read-only; the screen refetches it on live events.
 */
export async function getHqOverview(_input: unknown, ctx: Pick<DomainContext, "db" | "now">): Promise<HqOverview> {
  const basis = await loadReportBasis(ctx.db);
  const options = { fx: basis.fx, includeTax: basis.includeTax, now: ctx.now };
  const today = { today: 0 };
  const byChannel = await aggregateSales(ctx.db, { span: today, groupBy: "channel" }, options);
  const byLocation = await aggregateSales(ctx.db, { span: today, groupBy: "location" }, options);
  const yesterday = await aggregateSales(ctx.db, { span: { today: 1 }, groupBy: "total" }, options);

  const statusCounts = await ctx.db.order.groupBy({ by: ["status"], where: { status: { in: [...OPEN_ORDER_STATUSES] } }, _count: { _all: true } });
  const lateOrders = await ctx.db.order.count({ where: { isLate: true, status: { in: [...OPEN_ORDER_STATUSES] } } });
  const tasks = await ctx.db.task.groupBy({ by: ["kind"], where: { status: { in: ["OPEN", "IN_PROGRESS"] } }, _count: { _all: true } });

  const lowCount = await ctx.db.$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::int AS "count" FROM "InventoryLevel" l JOIN "Location" loc ON loc."id" = l."locationId"
    WHERE loc."active" AND ${lowStockSql}`;
  // The five furthest below their threshold: what to look at first.
  const top = await ctx.db.$queryRaw<LowStockAlert[]>`
    SELECT l."variantId", v."sku", p."name" AS "productName", v."name" AS "variantName", l."locationId", loc."name" AS "locationName",
           GREATEST(0, l."onHand" - l."reserved" - l."safetyStock")::int AS "available",
           GREATEST(l."reorderPoint", l."safetyStock")::int AS "threshold"
    FROM "InventoryLevel" l
    JOIN "Location" loc ON loc."id" = l."locationId"
    JOIN "Variant" v ON v."id" = l."variantId"
    JOIN "Product" p ON p."id" = v."productId"
    WHERE loc."active" AND ${lowStockSql} AND GREATEST(l."reorderPoint", l."safetyStock") > 0
    ORDER BY (GREATEST(0, l."onHand" - l."reserved" - l."safetyStock") - GREATEST(l."reorderPoint", l."safetyStock")) ASC, v."sku", loc."name"
    LIMIT 5`;

  return {
    asOf: ctx.now,
    today: {
      totals: byChannel.totals,
      yesterday: yesterday.totals.figures,
      byChannel: byChannel.groups.sort((a, b) => b.figures.net - a.figures.net || a.key.localeCompare(b.key)),
      byLocation: byLocation.groups.sort((a, b) => b.figures.net - a.figures.net || a.label.localeCompare(b.label)),
    },
    ordersByStatus: OPEN_ORDER_STATUSES.map((status) => ({ status, count: statusCounts.find((s) => s.status === status)?._count._all ?? 0 })),
    lateOrders,
    openTasks: tasks.reduce((s, t) => s + t._count._all, 0),
    tasksByKind: tasks.map((t) => ({ kind: t.kind, count: t._count._all })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    lowStock: { count: lowCount[0]?.count ?? 0, top },
    fx: fxNote(basis, [...byChannel.totals.local, ...yesterday.totals.local].map((l) => l.currency)),
  };
}

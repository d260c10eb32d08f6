import type { Channel } from "@oms/contracts";
import { Prisma } from "@oms/db";
import { FALLBACK_TIME_ZONE, inSpanSql, localDaySql, spanWindow, type DaySpan } from "./period.ts";

export interface SalesScope {
  span: DaySpan;
  locationIds?: readonly string[] | undefined;
  channels?: readonly Channel[] | undefined;
}

const tz = (alias: string) => Prisma.sql`COALESCE(${Prisma.raw(`${alias}."timeZone"`)}, ${FALLBACK_TIME_ZONE})`;

/**
 * THE sales relation every report and the overview aggregate (docs/hq-reports.md): one row
 * per order line sold in the span and one per return line taken back in it, with
 *   "orderId", "channel", "currency", "locationId", "day" (the location's calendar day),
 *   "variantId", "isSale", "units", "amount", "tax" (what the customer pays for the units
 *   still ordered, tax included, and the tax in it), "returnedUnits", "returnedAmount",
 *   "returnedTax", "reason" (return lines only).
 * A sale counts on the day it was placed at the location it is attributed to: where it was
 * rung up, else the location of its first fulfillment order (cancelled/rejected ones last).
 * Cancelled units give up their exact shares of the line (as orders/pricing.ts keptShare:
 * the leftover minor units stay with the first units). A return counts on the day and at
 * the location it was taken back. Drafts and cancelled orders are not sales; shipping is
 * not product sales.
 */
export function salesFactsSql(scope: SalesScope, now: Date): Prisma.Sql {
  const { lo, hi } = spanWindow(scope.span, now);
  const locationFilter = (column: Prisma.Sql) =>
    scope.locationIds && scope.locationIds.length > 0 ? Prisma.sql`${column} IN (${Prisma.join(scope.locationIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`TRUE`;
  const channelFilter =
    scope.channels && scope.channels.length > 0 ? Prisma.sql`o."channel" IN (${Prisma.join(scope.channels.map((c) => Prisma.sql`${c}::"Channel"`))})` : Prisma.sql`TRUE`;
  const saleDay = localDaySql(Prisma.sql`o."placedAt"`, tz("l"));
  const returnDay = localDaySql(Prisma.sql`r."createdAt"`, tz("l"));
  return Prisma.sql`
    SELECT s.* FROM (
      SELECT o."id" AS "orderId", o."channel"::text AS "channel", o."currency", a."locationId", ${saleDay} AS "day", ${tz("l")} AS "timeZone",
             ol."variantId", TRUE AS "isSale",
             (ol."quantity" - ol."quantityCancelled") AS "units",
             ((ol."quantity" - ol."quantityCancelled") * (ol."total" / ol."quantity") + LEAST(ol."quantity" - ol."quantityCancelled", ol."total" % ol."quantity")) AS "amount",
             ((ol."quantity" - ol."quantityCancelled") * (ol."taxTotal" / ol."quantity") + LEAST(ol."quantity" - ol."quantityCancelled", ol."taxTotal" % ol."quantity")) AS "tax",
             0 AS "returnedUnits", 0 AS "returnedAmount", 0 AS "returnedTax", NULL::text AS "reason"
      FROM "Order" o
      CROSS JOIN LATERAL (
        SELECT COALESCE(o."originLocationId", (
          SELECT f."locationId" FROM "FulfillmentOrder" f WHERE f."orderId" = o."id"
          ORDER BY (f."status" IN ('CANCELLED', 'REJECTED')), f."number" LIMIT 1)) AS "locationId"
      ) a
      LEFT JOIN "Location" l ON l."id" = a."locationId"
      JOIN "OrderLine" ol ON ol."orderId" = o."id"
      WHERE o."placedAt" >= ${lo} AND o."placedAt" < ${hi}
        AND o."status" NOT IN ('DRAFT', 'CANCELLED')
        AND ${channelFilter} AND ${locationFilter(Prisma.sql`a."locationId"`)}
      UNION ALL
      SELECT o."id", o."channel"::text, r."currency", r."locationId", ${returnDay}, ${tz("l")},
             rl."variantId", FALSE, 0, 0, 0,
             rl."quantity", rl."refundAmount",
             ROUND(rl."refundAmount"::numeric * ol."taxTotal" / NULLIF(ol."total", 0))::int,
             rl."reason"::text
      FROM "Return" r
      JOIN "Location" l ON l."id" = r."locationId"
      JOIN "ReturnLine" rl ON rl."returnId" = r."id"
      JOIN "OrderLine" ol ON ol."id" = rl."orderLineId"
      JOIN "Order" o ON o."id" = r."orderId"
      WHERE r."createdAt" >= ${lo} AND r."createdAt" < ${hi}
        AND r."status" <> 'CANCELLED'
        AND ${channelFilter} AND ${locationFilter(Prisma.sql`r."locationId"`)}
    ) s
    WHERE ${inSpanSql(Prisma.sql`s."day"`, Prisma.sql`s."timeZone"`, scope.span, now)}`;
}

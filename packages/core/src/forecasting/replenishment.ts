import { createHash } from "node:crypto";
import type { ReplenishmentKind } from "@oms/contracts";
import { Prisma, type Tx } from "@oms/db";
import { REORDER_COVER_DAYS, TARGET_COVER_DAYS } from "./policy.ts";

// THE replenishment rule, in SQL, once (docs/forecasting.md "Replenishment"): the forecast
// table's suggestions, the re-check when one is accepted and the whole-network run of the
// benchmark all read `replenishmentSql`.
//
// For a level that sells (soldPerDay = v > 0):
//   position = on hand − reserved − safety stock + incoming − outgoing
//     incoming = in transit + requested transfers to it + what open purchase orders still bring
//     outgoing = requested transfers from it (not shipped yet)
//   it needs stock when position < v × REORDER_COVER_DAYS (14: lead time 7 + review 7), and
//   then need = ceil(v × TARGET_COVER_DAYS − position): enough for 28 days on top of its
//   safety stock.
// A location of the same market can send it when its spare covers the whole need:
//   spare = ATP − outgoing − ceil(v_source × TARGET_COVER_DAYS)  (it keeps its own 28 days)
// the nearest such location (great-circle distance, then code) is the suggestion; with none,
// a purchase order to the level's location from the variant's last supplier.

/** Requested transfers and open purchase orders per (variant, location), of the variants `variants` (alias `v`) allows. */
function pendingSql(variants: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT x."variantId", x."locationId", SUM(x."inbound")::int AS "inbound", SUM(x."outbound")::int AS "outbound" FROM (
      SELECT tl."variantId", t."toLocationId" AS "locationId", tl."quantityRequested" AS "inbound", 0 AS "outbound"
      FROM "Transfer" t JOIN "TransferLine" tl ON tl."transferId" = t."id" WHERE t."status" = 'REQUESTED'
      UNION ALL
      SELECT tl."variantId", t."fromLocationId", 0, tl."quantityRequested"
      FROM "Transfer" t JOIN "TransferLine" tl ON tl."transferId" = t."id" WHERE t."status" = 'REQUESTED'
      UNION ALL
      SELECT pl."variantId", po."locationId", GREATEST(0, pl."quantity" - pl."quantityReceived"), 0
      FROM "PurchaseOrder" po JOIN "PurchaseOrderLine" pl ON pl."purchaseOrderId" = po."id"
      WHERE po."status" IN ('DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED')
    ) x
    WHERE x."variantId" IN (SELECT v."variantId" FROM (${variants}) v)
    GROUP BY x."variantId", x."locationId"`;
}

/** What a source level `s` (its pending row `sp`) can send without dropping below its own target cover. */
const spareSql = Prisma.sql`(GREATEST(0, s."onHand" - s."reserved" - s."safetyStock") - COALESCE(sp."outbound", 0) - CEIL(s."soldPerDay" * ${TARGET_COVER_DAYS}::float8))::int`;

/** Great-circle distance in km between locations `a` and `b`. */
const distanceSql = (a: string, b: string) => Prisma.sql`(2 * 6371 * asin(sqrt(
  power(sin(radians(${Prisma.raw(`${b}."latitude" - ${a}."latitude"`)}) / 2), 2) +
  cos(radians(${Prisma.raw(`${a}."latitude"`)})) * cos(radians(${Prisma.raw(`${b}."latitude"`)})) * power(sin(radians(${Prisma.raw(`${b}."longitude" - ${a}."longitude"`)}) / 2), 2))))`;

export interface ReplenishmentRow {
  levelId: string;
  variantId: string;
  locationId: string;
  soldPerDay: number;
  onHand: number;
  reserved: number;
  safetyStock: number;
  inTransit: number;
  /** In transit + requested transfers to it + open purchase orders. */
  incoming: number;
  /** Requested transfers from it, not shipped yet. */
  outgoing: number;
  /** Units to bring in (0: it has enough). */
  need: number;
  fromLocationId: string | null;
  fromSpare: number | null;
  distanceKm: number | null;
  /** Purchase order: the variant's last supplier in this currency (else the brand), and its unit cost. */
  supplierName: string | null;
  unitCost: number | null;
  currency: string;
}

/**
 * The replenishment position and suggestion of every selling level `scope` (a condition on
 * the level `l`) selects. `variants` narrows the pending transfers and orders read to the
 * variants concerned (a relation with a "variantId" column; default: those of the scope).
 */
export function replenishmentSql(scope: Prisma.Sql): Prisma.Sql {
  const scoped = Prisma.sql`SELECT l."variantId" FROM "InventoryLevel" l WHERE (${scope}) AND l."soldPerDay" > 0`;
  return Prisma.sql`
    WITH pending AS MATERIALIZED (${pendingSql(scoped)}),
    pos AS (
      SELECT l."id" AS "levelId", l."variantId", l."locationId", l."soldPerDay", l."onHand", l."reserved", l."safetyStock", l."inTransit",
        (l."inTransit" + COALESCE(p."inbound", 0))::int AS "incoming", COALESCE(p."outbound", 0)::int AS "outgoing",
        (l."onHand" - l."reserved" - l."safetyStock" + l."inTransit" + COALESCE(p."inbound", 0) - COALESCE(p."outbound", 0))::float8 AS "position"
      FROM "InventoryLevel" l LEFT JOIN pending p ON p."variantId" = l."variantId" AND p."locationId" = l."locationId"
      WHERE (${scope}) AND l."soldPerDay" > 0
    ),
    need AS (
      SELECT pos.*, dl."currency",
        CASE WHEN dl."active" AND pos."position" < pos."soldPerDay" * ${REORDER_COVER_DAYS}::float8
          THEN CEIL(pos."soldPerDay" * ${TARGET_COVER_DAYS}::float8 - pos."position")::int ELSE 0 END AS "need"
      FROM pos JOIN "Location" dl ON dl."id" = pos."locationId"
    ),
    -- Locations of the same market that could send to each receiving one, with the distance: computed once per pair, not per level.
    routes AS MATERIALIZED (
      SELECT dl."id" AS "toId", sl."id" AS "fromId", sl."code", ${distanceSql("dl", "sl")} AS "distanceKm"
      FROM "Location" dl JOIN "Location" sl ON sl."marketCode" = dl."marketCode" AND sl."id" <> dl."id" AND sl."active"
      WHERE dl."id" IN (SELECT n."locationId" FROM need n WHERE n."need" > 0)
    ),
    sources AS (
      SELECT s."variantId", s."locationId", ${spareSql} AS "spare"
      FROM "InventoryLevel" s
      LEFT JOIN pending sp ON sp."variantId" = s."variantId" AND sp."locationId" = s."locationId"
      WHERE s."variantId" IN (SELECT n."variantId" FROM need n WHERE n."need" > 0) AND ${spareSql} > 0
    ),
    best AS (
      SELECT DISTINCT ON (n."levelId") n."levelId", src."locationId" AS "fromLocationId", src."spare" AS "fromSpare", r."distanceKm"
      FROM need n
      JOIN routes r ON r."toId" = n."locationId"
      JOIN sources src ON src."variantId" = n."variantId" AND src."locationId" = r."fromId" AND src."spare" >= n."need"
      WHERE n."need" > 0
      ORDER BY n."levelId", r."distanceKm", r."code"
    )
    SELECT n."levelId"::text AS "levelId", n."variantId"::text AS "variantId", n."locationId"::text AS "locationId", n."soldPerDay",
      n."onHand", n."reserved", n."safetyStock", n."inTransit", n."incoming", n."outgoing", n."need", n."currency",
      b."fromLocationId"::text AS "fromLocationId", b."fromSpare", b."distanceKm",
      lp."supplierName", lp."unitCost"
    FROM need n
    LEFT JOIN best b ON b."levelId" = n."levelId"
    LEFT JOIN LATERAL (
      SELECT COALESCE(last."supplierName", pr."brand") AS "supplierName", last."unitCost"
      FROM "Variant" v JOIN "Product" pr ON pr."id" = v."productId"
      LEFT JOIN LATERAL (
        SELECT o."supplierName", ol."unitCost" FROM "PurchaseOrderLine" ol JOIN "PurchaseOrder" o ON o."id" = ol."purchaseOrderId"
        WHERE ol."variantId" = n."variantId" AND o."currency" = n."currency" AND o."status" <> 'CANCELLED'
        ORDER BY o."createdAt" DESC, o."id" DESC LIMIT 1
      ) last ON TRUE
      WHERE v."id" = n."variantId"
    ) lp ON n."need" > 0 AND b."fromLocationId" IS NULL`;
}

/** The positions and suggestions of the given levels (only those that sell come back). */
export async function replenishmentOf(db: Tx, levelIds: readonly string[]): Promise<ReplenishmentRow[]> {
  if (levelIds.length === 0) return [];
  const ids = Prisma.join(levelIds.map((id) => Prisma.sql`${id}::uuid`));
  const rows = await db.$queryRaw<ReplenishmentRow[]>`${replenishmentSql(Prisma.sql`l."id" IN (${ids})`)}`;
  return rows.map((r) => ({
    ...r,
    soldPerDay: Number(r.soldPerDay),
    onHand: Number(r.onHand),
    reserved: Number(r.reserved),
    safetyStock: Number(r.safetyStock),
    inTransit: Number(r.inTransit),
    incoming: Number(r.incoming),
    outgoing: Number(r.outgoing),
    need: Number(r.need),
    fromSpare: r.fromSpare === null ? null : Number(r.fromSpare),
    distanceKm: r.distanceKm === null ? null : Number(r.distanceKm),
    unitCost: r.unitCost === null ? null : Number(r.unitCost),
  }));
}

/** What `fromLocationId` can spare of `variantId` now (null: it does not stock it), by the rule above. */
export async function spareAt(db: Tx, variantId: string, fromLocationId: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ spare: number }[]>`
    WITH pending AS (${pendingSql(Prisma.sql`SELECT ${variantId}::uuid AS "variantId"`)})
    SELECT ${spareSql} AS "spare" FROM "InventoryLevel" s
    LEFT JOIN pending sp ON sp."variantId" = s."variantId" AND sp."locationId" = s."locationId"
    WHERE s."variantId" = ${variantId}::uuid AND s."locationId" = ${fromLocationId}::uuid`;
  return rows[0] ? Number(rows[0].spare) : null;
}

export interface Suggestion {
  /** Identifies the suggestion as shown: the level and every number it was computed from. */
  key: string;
  kind: ReplenishmentKind;
  quantity: number;
  fromLocationId: string | null;
  distanceKm: number | null;
  supplierName: string | null;
  /** Minor units of `currency`; null: never bought in this currency (the draft gets 0). */
  unitCost: number | null;
  currency: string;
}

/** The suggestion of a position (null: it has enough), with its key. */
export function suggestionOf(row: ReplenishmentRow): Suggestion | null {
  if (row.need <= 0) return null;
  const kind: ReplenishmentKind = row.fromLocationId ? "TRANSFER" : "PURCHASE_ORDER";
  const basis = [row.levelId, kind, row.fromLocationId ?? "", row.need, row.soldPerDay, row.onHand, row.reserved, row.safetyStock, row.incoming, row.outgoing];
  return {
    key: createHash("sha256").update(JSON.stringify(basis)).digest("base64url").slice(0, 32),
    kind,
    quantity: row.need,
    fromLocationId: row.fromLocationId,
    distanceKm: row.distanceKm === null ? null : Math.round(row.distanceKm),
    supplierName: kind === "PURCHASE_ORDER" ? row.supplierName : null,
    unitCost: kind === "PURCHASE_ORDER" ? row.unitCost : null,
    currency: row.currency,
  };
}

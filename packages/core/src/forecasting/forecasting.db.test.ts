import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import type { DomainContext } from "../context.ts";
import { createTestUser, expectAppError, userActor } from "../testing/index.ts";
import { forecastWorld } from "./forecasting.fixtures.ts";
import { acceptReplenishmentSuggestions, exponentialVelocity, exportForecastCsv, getVelocityHistory, listForecast, refreshSalesVelocity, type ForecastRow } from "./index.ts";

const db = useTestDatabase();
const now = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;

async function admin(): Promise<DomainContext> {
  const user = await createTestUser(db.prisma, { role: "ADMIN" });
  return { db: db.prisma, actor: userActor(user), now };
}
const bySku = (rows: ForecastRow[]) => new Map(rows.map((r) => [r.sku, r]));
const itemOf = (row: ForecastRow) => ({ key: row.suggestion!.key, levelId: row.id, kind: row.suggestion!.kind, fromLocationId: row.suggestion!.fromLocationId, quantity: row.suggestion!.quantity });

describe("the stored sales velocity", () => {
  it("refreshSalesVelocity stores the exponentially weighted velocity, writes only what changed, and zeroes a level that stopped selling", async () => {
    const w = await forecastWorld(db.prisma, now);
    const first = await refreshSalesVelocity({ locationIds: w.locations }, { db: db.prisma, now });
    expect(first).toMatchObject({ locations: 5, levels: 3 }); // jacket at A and B, boot at A

    const days = Array.from({ length: 28 }, () => 0);
    days[0] = 4;
    days[7] = 2;
    days[14] = 8;
    days[27] = 10;
    const jacketA = await w.level(w.jacket.id, w.a.id);
    expect(jacketA.soldPerDay).toBeCloseTo(exponentialVelocity(days), 4);
    expect(jacketA.soldPerDay).toBe(0.7733);
    expect(jacketA.velocityAt).toEqual(now);
    expect((await w.level(w.jacket.id, w.b.id)).soldPerDay).toBe(0.4022);
    expect((await w.level(w.boot.id, w.a.id)).soldPerDay).toBe(0.8045);
    expect((await w.level(w.jacket.id, w.d.id)).soldPerDay).toBe(0);

    // Same moment again: nothing changes, nothing is written.
    expect((await refreshSalesVelocity({ locationIds: w.locations }, { db: db.prisma, now })).levels).toBe(0);

    // 30 days on, nothing sold since: every velocity is back to zero.
    const later = new Date(now.getTime() + 30 * DAY);
    expect((await refreshSalesVelocity({ locationIds: w.locations }, { db: db.prisma, now: later })).levels).toBe(3);
    expect((await w.level(w.jacket.id, w.a.id)).soldPerDay).toBe(0);
  });

  it("the drawer's history: daily units and the velocity line end at the stored number", async () => {
    const w = await forecastWorld(db.prisma, now);
    await refreshSalesVelocity({ locationIds: [w.a.id] }, { db: db.prisma, now });
    const level = await w.level(w.jacket.id, w.a.id);
    const history = await getVelocityHistory({ levelId: level.id }, { db: db.prisma, now });
    expect(history.days).toHaveLength(28);
    expect(history.days.at(-1)).toEqual({ date: "2026-11-20", units: 4, velocity: 0.77 });
    expect(history.days.reduce((n, d) => n + d.units, 0)).toBe(24);
    expect(history.days[0]).toMatchObject({ date: "2026-10-24", units: 10 });
    expect(history.soldPerDay).toBe(0.77);
  });
});

describe("the forecast CSV", () => {
  it("holds the table's filtered rows in its order, with the suggestion in words", async () => {
    const w = await forecastWorld(db.prisma, now);
    await refreshSalesVelocity({ locationIds: w.locations }, { db: db.prisma, now });
    const file = await exportForecastCsv({ locationIds: [w.a.id] }, { db: db.prisma, now });
    expect(file).toMatchObject({ rows: 2, truncated: false });
    const lines = file.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "SKU,Product,Variant,Category,Location code,Location,Sold per day,On hand,Reserved,ATP,Incoming,Outgoing,Days of cover,Days to stockout,Stockout date,Suggestion,Suggested units,From location,Supplier,Accepted as",
    );
    const cells = lines.slice(1).map((l) => l.split(","));
    // Soonest stockout first, as on the screen: the boot (order 21), then the jacket (transfer 16 from D).
    expect(cells.map((c) => c[0])).toEqual([w.boot.sku, w.jacket.sku]);
    expect(cells[0]!.slice(6, 10)).toEqual(["0.8", "2", "0", "2"]);
    expect(cells[0]!.slice(13, 19)).toEqual(["2.5", "2026-11-22", "Purchase order", "21", "", "Nordic Outdoor Supply"]);
    expect(cells[1]!.slice(13, 18)).toEqual(["7.8", "2026-11-28", "Transfer", "16", w.d.code]);
    // The urgency filter applies as on the screen.
    expect((await exportForecastCsv({ locationIds: [w.a.id], urgency: "7" }, { db: db.prisma, now })).rows).toBe(1);
  });
});

describe("replenishment suggestions", () => {
  it("prefer the nearest location of the market with enough excess, else a purchase order from the last supplier", async () => {
    const w = await forecastWorld(db.prisma, now);
    await refreshSalesVelocity({ locationIds: w.locations }, { db: db.prisma, now });
    const page = await listForecast({ locationIds: [w.a.id] }, { db: db.prisma, now });
    expect(page.total).toBe(2);
    const rows = bySku(page.items);
    const jacket = rows.get(w.jacket.sku)!;
    expect(jacket).toMatchObject({ onHand: 9, reserved: 1, available: 6, soldPerDay: 0.77, daysOfCover: 11.6, daysToStockout: 7.8, stockoutDate: "2026-11-28", incoming: 0 });
    // B is nearer but keeps 12 of its 20 for itself (spare 8 < 16); X is next door but in another market.
    expect(jacket.suggestion).toMatchObject({ kind: "TRANSFER", quantity: 16, fromLocationId: w.d.id, fromLocation: { name: w.d.name }, distanceKm: 69 });
    const boot = rows.get(w.boot.sku)!;
    expect(boot).toMatchObject({ onHand: 2, available: 2, daysToStockout: 2.5 });
    expect(boot.suggestion).toMatchObject({ kind: "PURCHASE_ORDER", quantity: 21, fromLocationId: null, supplierName: "Nordic Outdoor Supply", unitCost: 4_250, currency: "PLN" });
    // Soonest stockout first.
    expect(page.items.map((r) => r.sku)).toEqual([w.boot.sku, w.jacket.sku]);
    // Urgency: only the boot runs out within 7 days.
    expect((await listForecast({ locationIds: [w.a.id], urgency: "7" }, { db: db.prisma, now })).items.map((r) => r.sku)).toEqual([w.boot.sku]);

    // D's excess goes (damaged): the warehouse, further away, is next.
    await w.damage(w.jacket.id, w.d.id, 20);
    const after = bySku((await listForecast({ locationIds: [w.a.id] }, { db: db.prisma, now })).items).get(w.jacket.sku)!;
    expect(after.suggestion).toMatchObject({ kind: "TRANSFER", quantity: 16, fromLocationId: w.w.id });
    expect(after.suggestion!.key).not.toBe(jacket.suggestion!.key);

    // Not enough anywhere in the market: a purchase order, from the brand (never bought).
    await w.damage(w.jacket.id, w.w.id, 90);
    const none = bySku((await listForecast({ locationIds: [w.a.id] }, { db: db.prisma, now })).items).get(w.jacket.sku)!;
    expect(none.suggestion).toMatchObject({ kind: "PURCHASE_ORDER", quantity: 16, supplierName: "Tatra Gear", unitCost: null });
  });

  it("accepting creates one draft per source in one transaction, with the audit row; accepting the same suggestion again creates nothing", async () => {
    const w = await forecastWorld(db.prisma, now);
    await refreshSalesVelocity({ locationIds: w.locations }, { db: db.prisma, now });
    const ctx = await admin();
    const rows = bySku((await listForecast({ locationIds: [w.a.id] }, ctx)).items);
    const jacket = rows.get(w.jacket.sku)!;
    const boot = rows.get(w.boot.sku)!;

    const result = await acceptReplenishmentSuggestions({ items: [itemOf(jacket), itemOf(boot)] }, ctx);
    expect(result.items.map((i) => [i.status, i.kind, i.quantity])).toEqual([["CREATED", "TRANSFER", 16], ["CREATED", "PURCHASE_ORDER", 21]]);
    const transfer = await db.prisma.transfer.findUniqueOrThrow({ where: { id: result.items[0]!.transfer!.id }, include: { lines: true } });
    expect(transfer).toMatchObject({ status: "REQUESTED", fromLocationId: w.d.id, toLocationId: w.a.id, number: result.items[0]!.transfer!.number });
    expect(transfer.lines.map((l) => [l.variantId, l.quantityRequested])).toEqual([[w.jacket.id, 16]]);
    const po = await db.prisma.purchaseOrder.findUniqueOrThrow({ where: { id: result.items[1]!.purchaseOrder!.id }, include: { lines: true } });
    expect(po).toMatchObject({ status: "DRAFT", locationId: w.a.id, supplierName: "Nordic Outdoor Supply", currency: "PLN" });
    expect(po.lines.map((l) => [l.variantId, l.quantity, l.unitCost])).toEqual([[w.boot.id, 21, 4_250]]);
    expect(await db.prisma.auditLog.count({ where: { action: "forecast.suggestion_accepted", entityId: { in: [transfer.id, po.id] } } })).toBe(2);
    // Nothing moved yet: a requested transfer and a draft order.
    expect((await w.level(w.jacket.id, w.d.id)).onHand).toBe(30);

    // The double click: same keys again → the same drafts, no second one.
    const again = await acceptReplenishmentSuggestions({ items: [itemOf(jacket), itemOf(boot)] }, ctx);
    expect(again.items.map((i) => i.status)).toEqual(["ALREADY_ACCEPTED", "ALREADY_ACCEPTED"]);
    expect(again.items[0]!.transfer).toEqual(result.items[0]!.transfer);
    expect(again.items[1]!.purchaseOrder).toEqual(result.items[1]!.purchaseOrder);
    expect(await db.prisma.transfer.count({ where: { toLocationId: w.a.id } })).toBe(1);
    expect(await db.prisma.purchaseOrder.count({ where: { locationId: w.a.id } })).toBe(2); // the old received one + the draft

    // The table now counts the drafts as incoming: no suggestion, and says what was accepted.
    const now2 = bySku((await listForecast({ locationIds: [w.a.id] }, ctx)).items);
    expect(now2.get(w.jacket.sku)).toMatchObject({ incoming: 16, suggestion: null, accepted: { kind: "TRANSFER", quantity: 16, number: transfer.number } });
    expect(now2.get(w.boot.sku)).toMatchObject({ incoming: 21, suggestion: null, accepted: { kind: "PURCHASE_ORDER", number: po.number } });
  });

  it("refuses when the source's excess is gone (nothing created), and when the level no longer needs stock", async () => {
    const w = await forecastWorld(db.prisma, now);
    await refreshSalesVelocity({ locationIds: w.locations }, { db: db.prisma, now });
    const ctx = await admin();
    const rows = bySku((await listForecast({ locationIds: [w.a.id] }, ctx)).items);
    const jacket = rows.get(w.jacket.sku)!;
    const boot = rows.get(w.boot.sku)!;
    await w.damage(w.jacket.id, w.d.id, 20); // D keeps 10: it can spare 10, not 16

    const error = await expectAppError(acceptReplenishmentSuggestions({ items: [itemOf(boot), itemOf(jacket)] }, ctx), "CONFLICT", /can no longer spare 16 of .* \(10 now\)/);
    expect(error.details).toMatchObject({ fields: [{ path: ["items", 1] }], spare: 10 });
    expect(await db.prisma.transfer.count({ where: { toLocationId: w.a.id } })).toBe(0);
    expect(await db.prisma.purchaseOrder.count({ where: { locationId: w.a.id, status: "DRAFT" } })).toBe(0); // the boot's order rolled back too

    // Once A has what it needs (a delivery), its suggestion cannot be accepted any more.
    await db.prisma.inventoryLevel.update({ where: { id: boot.id }, data: { inTransit: 30 } });
    await expectAppError(acceptReplenishmentSuggestions({ items: [itemOf(boot)] }, ctx), "CONFLICT", /has enough stock now/);

    await expectAppError(acceptReplenishmentSuggestions({ items: [{ ...itemOf(jacket), fromLocationId: null }] }, ctx), "VALIDATION_FAILED", /needs the location it comes from/);
    await expectAppError(acceptReplenishmentSuggestions({ items: [{ ...itemOf(jacket), quantity: 0 }] }, ctx), "VALIDATION_FAILED", /at least 1 unit/);
  });
});

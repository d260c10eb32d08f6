import type { PrismaClient } from "@oms/db";
import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { exportReportCsv, fulfilmentTimesReport, getHqOverview, returnsReport, salesReport, sellThroughReport } from "./index.ts";
import { reportCatalog, reportFulfillment, reportLocation, reportOrder, reportReturn, reportSettings } from "./reports.fixtures.ts";

const db = useTestDatabase();

/**
 * The worked example of docs/hq-reports.md. Lisbon (EUR, UTC+0 in November) and Warsaw
 * (PLN, UTC+1); 1 PLN = 0.2315 EUR. The report day is 10 November 2026.
 *   #1 POS Lisbon 10:00Z      2 × parka = 24.60 EUR (tax 4.60)           counts on 10 Nov
 *   #2 POS Warsaw 22:30Z      100.00 PLN (tax 18.70)  = 23:30 in Warsaw  counts on 10 Nov
 *   #3 POS Warsaw 23:30Z      50.00 PLN (tax 9.35)    = 00:30 on 11 Nov  does not
 *   #4 WEB → Lisbon pickup    3 × 10.00 EUR (tax 5.61), 1 unit cancelled: 2 units = 20.00 (tax 3.74)
 *   #5 POS Lisbon, cancelled  not a sale
 *   #6 POS Lisbon 9 Nov       10.00 EUR (tax 1.87)    the previous day
 *   return of 1 unit of #1 at Lisbon, 15:00Z: 12.30 EUR back (tax 2.30), DAMAGED
 */
async function buildWorld(prisma: PrismaClient) {
  await reportSettings(prisma, { currency: "EUR", includeTax: true });
  await prisma.fxRate.create({ data: { base: "PLN", quote: "EUR", rate: "0.2315", asOf: new Date("2026-11-01T00:00:00Z") } });
  const lisbon = await reportLocation(prisma, { name: "Lisbon Chiado", timeZone: "Europe/Lisbon", currency: "EUR" });
  const warsaw = await reportLocation(prisma, { name: "Warsaw Mokotów", timeZone: "Europe/Warsaw", currency: "PLN" });
  const { category, product, variant } = await reportCatalog(prisma);
  const v = variant.id;
  const o1 = await reportOrder(prisma, { channel: "POS", currency: "EUR", placedAt: "2026-11-10T10:00:00Z", originLocationId: lisbon.id, lines: [{ variantId: v, quantity: 2, total: 2460, taxTotal: 460 }] });
  const o2 = await reportOrder(prisma, { channel: "POS", currency: "PLN", placedAt: "2026-11-10T22:30:00Z", originLocationId: warsaw.id, lines: [{ variantId: v, quantity: 1, total: 10_000, taxTotal: 1870 }] });
  await reportOrder(prisma, { channel: "POS", currency: "PLN", placedAt: "2026-11-10T23:30:00Z", originLocationId: warsaw.id, status: "ALLOCATED", lines: [{ variantId: v, quantity: 1, total: 5000, taxTotal: 935 }] });
  const o4 = await reportOrder(prisma, {
    channel: "WEB",
    currency: "EUR",
    placedAt: "2026-11-10T12:00:00Z",
    status: "IN_FULFILLMENT",
    isLate: true,
    lines: [{ variantId: v, quantity: 3, total: 3000, taxTotal: 561, quantityCancelled: 1 }],
  });
  await reportOrder(prisma, { channel: "POS", currency: "EUR", placedAt: "2026-11-10T11:00:00Z", originLocationId: lisbon.id, status: "CANCELLED", lines: [{ variantId: v, quantity: 1, total: 9999, taxTotal: 1870 }] });
  await reportOrder(prisma, { channel: "POS", currency: "EUR", placedAt: "2026-11-09T16:00:00Z", originLocationId: lisbon.id, lines: [{ variantId: v, quantity: 1, total: 1000, taxTotal: 187 }] });
  await reportReturn(prisma, {
    orderId: o1.id,
    locationId: lisbon.id,
    currency: "EUR",
    createdAt: "2026-11-10T15:00:00Z",
    lines: [{ orderLineId: o1.lines[0]!.id, variantId: v, quantity: 1, refundAmount: 1230, reason: "DAMAGED" }],
  });
  // Fulfilment: #4 ready 2 h after it was placed and collected 2½ h later; #1 carried out
  // ready after 1 h; #2 shipped 29 min after it was placed, 23:59 in Warsaw.
  await reportFulfillment(prisma, { orderId: o4.id, locationId: lisbon.id, type: "PICKUP", readyAt: "2026-11-10T14:00:00Z", pickedUpAt: "2026-11-10T16:30:00Z" });
  await reportFulfillment(prisma, { orderId: o1.id, locationId: lisbon.id, type: "PICKUP", readyAt: "2026-11-10T11:00:00Z" });
  await reportFulfillment(prisma, { orderId: o2.id, locationId: warsaw.id, type: "SHIP", shippedAt: "2026-11-10T22:59:00Z" });
  // Stock of the parka at Lisbon: 5 in on 1 Nov, 2 sold on 10 Nov, 5 more in on 12 Nov →
  // 8 on hand now, 3 when 10 Nov ended. Reorder point 10: low.
  const movement = (kind: "INITIAL" | "SALE" | "RECEIPT", quantity: number, at: string) =>
    prisma.inventoryMovement.create({ data: { variantId: v, locationId: lisbon.id, kind, quantity, actorKind: "SYSTEM", createdAt: new Date(at) } });
  await movement("INITIAL", 5, "2026-11-01T08:00:00Z");
  await movement("SALE", -2, "2026-11-10T10:00:00Z");
  await movement("RECEIPT", 5, "2026-11-12T08:00:00Z");
  await prisma.inventoryLevel.create({ data: { variantId: v, locationId: lisbon.id, onHand: 8, reorderPoint: 10 } });
  await prisma.task.create({ data: { kind: "GENERAL", title: "Count the till", instruction: "Count it", assigneeRole: "MANAGER", locationId: lisbon.id } });
  await prisma.task.create({ data: { kind: "PICK", title: "Pick #4", instruction: "Pick it", assigneeRole: "ASSOCIATE", locationId: lisbon.id, status: "IN_PROGRESS" } });
  await prisma.task.create({ data: { kind: "PICK", title: "Done", instruction: "Done", assigneeRole: "ASSOCIATE", locationId: lisbon.id, status: "DONE" } });
  return { lisbon, warsaw, category, product, variant, locations: [lisbon.id, warsaw.id] };
}

let built: ReturnType<typeof buildWorld> | undefined;
const world = () => (built ??= buildWorld(db.prisma));
const ctx = (now = new Date("2026-12-01T12:00:00Z")) => ({ db: db.prisma, now });
const day = { from: "2026-11-10", to: "2026-11-10" };

describe("sales report", () => {
  it("sums net, gross, tax, units and orders per location in its own currency and in the reporting currency", async () => {
    const w = await world();
    const report = await salesReport({ ...day, groupBy: "location", locationIds: w.locations }, ctx());
    expect(report.fx).toMatchObject({ currency: "EUR", includesTax: true, missing: [], rates: [{ currency: "PLN", rate: "0.2315000000" }] });
    const lisbon = report.rows.find((r) => r.key === w.lisbon.id)!;
    const warsaw = report.rows.find((r) => r.key === w.warsaw.id)!;
    // Lisbon: #1 24.60 + #4 20.00 (two units kept) = 44.60; the return 12.30 back.
    expect(lisbon.local).toEqual([{ currency: "EUR", gross: 4460, returns: 1230, net: 3230, tax: 604, units: 4, returnedUnits: 1, orders: 2, averageBasket: 2230 }]);
    // EUR is the reporting currency: the same figures converted.
    const { currency: _eur, ...lisbonLocal } = lisbon.local[0]!;
    expect(lisbon.figures).toEqual(lisbonLocal);
    // Warsaw: #2 only (#3 is on 11 November in Warsaw): 100.00 PLN = 23.15 EUR, tax 18.70 PLN = 4.33 EUR.
    expect(warsaw.local).toEqual([{ currency: "PLN", gross: 10_000, returns: 0, net: 10_000, tax: 1870, units: 1, returnedUnits: 0, orders: 1, averageBasket: 10_000 }]);
    expect(warsaw.figures).toMatchObject({ gross: 2315, net: 2315, tax: 433 });
    expect(report.totals.figures).toEqual({ gross: 6775, returns: 1230, net: 5545, tax: 1037, units: 5, returnedUnits: 1, orders: 3, averageBasket: 2258 });
    expect(report.rows.map((r) => r.key)).toEqual([lisbon.key, warsaw.key]); // by net, highest first
  });

  it("takes the tax out when the organisation reports without tax", async () => {
    const w = await world();
    await reportSettings(db.prisma, { currency: "EUR", includeTax: false });
    try {
      const report = await salesReport({ ...day, groupBy: "location", locationIds: w.locations }, ctx());
      expect(report.fx.includesTax).toBe(false);
      expect(report.rows.find((r) => r.key === w.lisbon.id)!.figures).toMatchObject({ gross: 3626, returns: 1000, net: 2626, tax: 604 });
      // 23.15 − 4.33 EUR
      expect(report.rows.find((r) => r.key === w.warsaw.id)!.figures).toMatchObject({ gross: 1882, net: 1882 });
      expect(report.totals.figures).toMatchObject({ gross: 5508, returns: 1000, net: 4508, tax: 1037, averageBasket: 1836 });
    } finally {
      await reportSettings(db.prisma, { currency: "EUR", includeTax: true });
    }
  });

  it("buckets by each location's own calendar day and compares with the previous period", async () => {
    const w = await world();
    const report = await salesReport({ from: "2026-11-09", to: "2026-11-11", groupBy: "day", locationIds: w.locations, compare: true }, ctx());
    expect(report.previousPeriod).toEqual({ from: "2026-11-06", to: "2026-11-08" });
    expect(report.rows.map((r) => [r.key, r.figures.net])).toEqual([
      ["2026-11-09", 1000],
      ["2026-11-10", 5545],
      // #3: 23:30Z on the 10th is 00:30 on the 11th in Warsaw. 50.00 PLN = 11.575 → 11.58 EUR.
      ["2026-11-11", 1158],
    ]);
    // Day by day against the days one period (3 days) earlier: nothing sold then.
    expect(report.rows.map((r) => r.previous)).toEqual([null, null, null]);
    const twoDays = await salesReport({ from: "2026-11-10", to: "2026-11-11", groupBy: "day", locationIds: w.locations, compare: true }, ctx());
    expect(twoDays.rows.map((r) => [r.key, r.previous?.net ?? null])).toEqual([
      ["2026-11-10", null],
      ["2026-11-11", 1000],
    ]);
    const single = await salesReport({ ...day, groupBy: "channel", locationIds: w.locations, compare: true }, ctx());
    expect(single.previousPeriod).toEqual({ from: "2026-11-09", to: "2026-11-09" });
    const pos = single.rows.find((r) => r.key === "POS")!;
    expect(pos.figures).toMatchObject({ gross: 4775, returns: 1230, net: 3545, orders: 2 });
    expect(pos.previous).toMatchObject({ net: 1000, orders: 1 });
    expect(single.rows.find((r) => r.key === "WEB")).toMatchObject({ figures: { gross: 2000, net: 2000 }, previous: null });
    expect(single.totals.previous).toMatchObject({ net: 1000 });
  });

  it("groups by product and category, searches and pages", async () => {
    const w = await world();
    const byProduct = await salesReport({ ...day, groupBy: "product", locationIds: w.locations, search: "harbour", pageSize: 1 }, ctx());
    expect(byProduct).toMatchObject({ total: 1, rows: [{ key: w.product.id, label: w.product.name, detail: w.category.name, figures: { net: 5545, units: 5 } }] });
    const none = await salesReport({ ...day, groupBy: "category", locationIds: w.locations, search: "no such thing" }, ctx());
    expect(none.total).toBe(0);
    expect(none.totals.figures.net).toBe(0);
  });

  it("leaves currencies without a rate out of the converted figures and says which", async () => {
    const w = await world();
    const ny = await reportLocation(db.prisma, { name: "New York SoHo", timeZone: "America/New_York", currency: "USD" });
    // 03:00Z on 2 Oct is 23:00 on 1 Oct in New York.
    await reportOrder(db.prisma, { channel: "POS", currency: "USD", placedAt: "2026-10-02T03:00:00Z", originLocationId: ny.id, lines: [{ variantId: w.variant.id, quantity: 1, total: 500, taxTotal: 0 }] });
    const report = await salesReport({ from: "2026-10-01", to: "2026-10-01", groupBy: "location", locationIds: [ny.id] }, ctx());
    expect(report.fx.missing).toEqual(["USD"]);
    expect(report.rows[0]).toMatchObject({ local: [{ currency: "USD", net: 500 }], figures: { net: 0, units: 1, orders: 1 } });
  });

  it("names the field of a bad period", async () => {
    const bad = await expectAppError(salesReport({ from: "2026-02-30", to: "2026-03-01", groupBy: "day" }, ctx()), "VALIDATION_FAILED");
    expect(bad.details).toMatchObject({ fields: [{ path: ["from"] }] });
    const long = await expectAppError(salesReport({ from: "2025-01-01", to: "2026-01-02", groupBy: "day" }, ctx()), "VALIDATION_FAILED", /at most 366 days/);
    expect(long.details).toMatchObject({ fields: [{ path: ["to"] }] });
    await expectAppError(salesReport({ from: "2026-03-02", to: "2026-03-01", groupBy: "day" }, ctx()), "VALIDATION_FAILED", /on or after/);
  });
});

describe("sell-through, returns and fulfilment times", () => {
  it("sell-through: sold ÷ (sold + on hand when the period ended)", async () => {
    const w = await world();
    const report = await sellThroughReport({ ...day, locationIds: [w.lisbon.id] }, ctx());
    expect(report.rows).toEqual([{ key: w.product.id, label: w.product.name, detail: w.category.name, sold: 2, onHandAtEnd: 3, sellThrough: 0.4 }]);
    const byCategory = await sellThroughReport({ ...day, groupBy: "category", locationIds: [w.lisbon.id] }, ctx());
    expect(byCategory.totals).toEqual({ sold: 2, onHandAtEnd: 3, sellThrough: 0.4 });
  });

  it("return rate and reasons", async () => {
    const w = await world();
    const report = await returnsReport({ ...day, locationIds: w.locations, compare: true }, ctx());
    expect(report).toMatchObject({ soldUnits: 5, returnedUnits: 1, rate: 0.2, reasons: [{ reason: "DAMAGED", units: 1, share: 1 }] });
    expect(report.byCategory).toEqual([{ key: w.category.id, label: w.category.name, soldUnits: 5, returnedUnits: 1, rate: 0.2 }]);
    expect(report.previous).toMatchObject({ soldUnits: 1, returnedUnits: 0, rate: 0, reasons: [] });
  });

  it("fulfilment times: p50, p90 and mean from the stored timestamps, on each location's day", async () => {
    const w = await world();
    const report = await fulfilmentTimesReport({ ...day, locationIds: w.locations }, ctx());
    expect(report.network).toEqual([
      // 1 h and 2 h: p50 1.5 h, p90 1 h + 0.9 h
      { measure: "orderToReady", locationId: null, locationName: null, count: 2, p50: 5400, p90: 6840, mean: 5400 },
      { measure: "orderToShipped", locationId: null, locationName: null, count: 1, p50: 1740, p90: 1740, mean: 1740 },
      { measure: "readyToCollected", locationId: null, locationName: null, count: 1, p50: 9000, p90: 9000, mean: 9000 },
    ]);
    expect(report.byLocation.map((r) => [r.locationName, r.measure, r.count])).toEqual([
      ["Lisbon Chiado", "orderToReady", 2],
      ["Lisbon Chiado", "readyToCollected", 1],
      ["Warsaw Mokotów", "orderToShipped", 1],
    ]);
  });
});

describe("HQ overview", () => {
  it("today is each location's own today; orders by status, late orders, tasks and low stock", async () => {
    const w = await world();
    // 23:45Z on 10 Nov: still the 10th in Lisbon, already the 11th in Warsaw.
    const overview = await getHqOverview(undefined, ctx(new Date("2026-11-10T23:45:00Z")));
    const lisbon = overview.today.byLocation.find((r) => r.key === w.lisbon.id)!;
    const warsaw = overview.today.byLocation.find((r) => r.key === w.warsaw.id)!;
    expect(lisbon.figures).toMatchObject({ gross: 4460, returns: 1230, net: 3230 });
    expect(warsaw.local).toMatchObject([{ currency: "PLN", gross: 5000 }]);
    expect(warsaw.figures).toMatchObject({ gross: 1158 });
    expect(overview.today.totals.figures).toMatchObject({ gross: 5618, returns: 1230, net: 4388, orders: 3 });
    // Yesterday: Lisbon's 9th (#6) and Warsaw's 10th (#2).
    expect(overview.today.yesterday).toMatchObject({ gross: 3315, net: 3315, orders: 2 });
    expect(overview.today.byChannel.map((r) => [r.key, r.figures.net])).toEqual([
      ["POS", 2388],
      ["WEB", 2000],
    ]);
    expect(overview.ordersByStatus.filter((s) => s.count > 0)).toEqual([
      { status: "ALLOCATED", count: 1 },
      { status: "IN_FULFILLMENT", count: 1 },
    ]);
    expect(overview.lateOrders).toBe(1);
    expect(overview.openTasks).toBe(2);
    expect(overview.tasksByKind).toEqual([
      { kind: "GENERAL", count: 1 },
      { kind: "PICK", count: 1 },
    ]);
    expect(overview.lowStock.count).toBe(1);
    expect(overview.lowStock.top).toMatchObject([{ sku: w.variant.sku, locationName: "Lisbon Chiado", available: 8, threshold: 10 }]);
  });
});

describe("report CSV", () => {
  it("holds the screen's figures as plain decimals, with the comparison", async () => {
    const w = await world();
    const csv = await exportReportCsv({ ...day, report: "sales-location", locationIds: w.locations, compare: true }, ctx());
    expect(csv.filename).toBe("sales-location-2026-11-10-to-2026-11-10.csv");
    const lines = csv.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Location,Code,Local currency,Net (local),Gross EUR (incl. tax),Returns EUR,Net EUR,Tax EUR,Units,Returned units,Orders,Average basket EUR,Previous net EUR,Net change %",
    );
    expect(lines[1]).toBe(`Lisbon Chiado,${w.lisbon.code},EUR,32.30,44.60,12.30,32.30,6.04,4,1,2,22.30,10.00,223.0`);
    expect(lines[2]).toBe(`Warsaw Mokotów,${w.warsaw.code},PLN,100.00,23.15,0.00,23.15,4.33,1,0,1,23.15,,`);
    const returns = await exportReportCsv({ ...day, report: "returns", locationIds: w.locations }, ctx());
    expect(returns.csv).toContain("Reason,DAMAGED,,1,,1.0000");
  });
});

// Issue 7 (HQ forecast) in a real browser at 1440×900: an admin opens the forecast, narrows
// it to a store and to what runs out within 7 days, reads a row's sales chart, accepts the
// jacket's suggestion (a transfer from the warehouse) and sees the draft transfer it made;
// a double click makes one draft; then accepts the rest (a purchase order) in one go.
import { commitReservations, createPurchaseOrder, markPurchaseOrderOrdered, receivePurchaseOrder, receiveStock, refreshSalesVelocity, reserveStock, type DomainContext } from "@oms/core";
import { createStaffWorld, createTestLocation } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

const DAY = 86_400_000;
const shot = (page: Page, name: string) => screenshot(page, `e2e-hq-forecast-${name}`);

/**
 * Store A (Kraków) runs short of a jacket (9 on hand, 1 reserved, safety stock 2; sold 24 in
 * 28 days, velocity 0.77) and of a boot (2 left, 8 sold today, bought once from Nordic
 * Outdoor Supply); store B (Katowice) has a few jackets and sells them; the warehouse
 * (Warsaw) has 120. Other items sell slowly with plenty of stock.
 */
async function seed(prisma: PrismaClient) {
  const world = await createStaffWorld(prisma);
  const place = (id: string, name: string, latitude: number, longitude: number) => prisma.location.update({ where: { id }, data: { name, latitude, longitude, timeZone: "Europe/Warsaw" } });
  const storeA = await place(world.storeA.id, "Kraków Rynek", 50.0614, 19.9366);
  const storeB = await place(world.storeB.id, "Katowice Centrum", 50.2649, 19.0238);
  const created = await createTestLocation(prisma, { kind: "WAREHOUSE", marketCode: world.market.code, name: "Warsaw Warehouse" });
  const warehouse = await place(created.id, "Warsaw Warehouse", 52.2297, 21.0122);
  const ctx = (daysAgo = 0): DomainContext => ({ db: prisma, actor: { kind: "SYSTEM" }, now: new Date(Date.now() - daysAgo * DAY) });
  const outerwear = await prisma.category.create({ data: { slug: "e2e-fc-outerwear", name: "Outerwear" } });
  const footwear = await prisma.category.create({ data: { slug: "e2e-fc-footwear", name: "Footwear" } });
  const product = (handle: string, name: string, categoryId: string) => prisma.product.create({ data: { handle, name, brand: "Tatra Gear", categoryId } });
  const sell = async (variantId: string, locationId: string, units: number, daysAgo: number) => {
    const [r] = await reserveStock({ lines: [{ variantId, locationId, quantity: units }] }, ctx(daysAgo));
    await commitReservations({ reservationIds: [r!.id], kind: "SALE" }, ctx(daysAgo));
  };

  const trail = await product("e2e-trail-jacket", "Trail Jacket", outerwear.id);
  const jacket = await prisma.variant.create({ data: { productId: trail.id, sku: "JKT-TRAIL-RD-M", name: "Red / M" } });
  await receiveStock({ locationId: storeA.id, lines: [{ variantId: jacket.id, quantity: 33 }] }, ctx(40));
  await receiveStock({ locationId: storeB.id, lines: [{ variantId: jacket.id, quantity: 24 }] }, ctx(40));
  await receiveStock({ locationId: warehouse.id, lines: [{ variantId: jacket.id, quantity: 120 }] }, ctx(40));
  for (const [units, daysAgo] of [[10, 27.5], [8, 14.5], [2, 7.5], [4, 0.5]] as const) await sell(jacket.id, storeA.id, units, daysAgo);
  await sell(jacket.id, storeB.id, 4, 0.5);
  await prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: jacket.id, locationId: storeA.id } }, data: { safetyStock: 2 } });
  await reserveStock({ lines: [{ variantId: jacket.id, locationId: storeA.id, quantity: 1 }] }, ctx(0));

  const summit = await product("e2e-summit-boot", "Summit Boot", footwear.id);
  const boot = await prisma.variant.create({ data: { productId: summit.id, sku: "BOOT-SUMMIT-42", name: "Brown / 42" } });
  const po = await createPurchaseOrder({ locationId: storeA.id, supplierName: "Nordic Outdoor Supply", currency: "EUR", lines: [{ variantId: boot.id, quantity: 10, unitCost: 4_250 }] }, ctx(45));
  await markPurchaseOrderOrdered({ purchaseOrderId: po.id }, ctx(45));
  await receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ variantId: boot.id, quantity: 10 }] }, ctx(40));
  await sell(boot.id, storeA.id, 8, 0.25);

  const extras: [string, string, string][] = [
    ["Harbour Raincoat", "RAIN-HARB-YL-S", "Yellow / S"],
    ["Harbour Raincoat", "RAIN-HARB-YL-M", "Yellow / M"],
    ["Glacier Down Vest", "VEST-GLAC-BK-M", "Black / M"],
    ["Ridge Softshell", "SOFT-RIDG-GR-L", "Grey / L"],
  ];
  for (const [i, [name, sku, variantName]] of extras.entries()) {
    const p = (await prisma.product.findUnique({ where: { handle: `e2e-${name}` } })) ?? (await product(`e2e-${name}`, name, outerwear.id));
    const v = await prisma.variant.create({ data: { productId: p.id, sku, name: variantName } });
    for (const [j, locationId] of [storeA.id, storeB.id].entries()) {
      await receiveStock({ locationId, lines: [{ variantId: v.id, quantity: 40 + 10 * i }] }, ctx(40));
      await sell(v.id, locationId, 1 + ((i + j) % 3), 2 + i * 3 + j);
      await sell(v.id, locationId, 2, 12 + i);
    }
  }
  await refreshSalesVelocity({}, ctx(0));
  return { admin: world.admin, storeA, storeB, warehouse, jacket, boot };
}

describeJourney("HQ forecast", () => {
  const app = useJourney((db) => seed(db.prisma));

  async function signInAsAdmin(page: Page) {
    await signInWithPassword(page, app.server.baseUrl, app.world.admin.email, /\/hq$/);
  }
  /** The row of a SKU at store A (the jacket sells at both stores). */
  const rowOf = (page: Page, sku: string) => page.locator("tbody tr").filter({ hasText: sku }).filter({ hasText: app.world.storeA.name });

  it("filters, shows a row's chart, accepts a transfer suggestion once, then the rest in one go", async () => {
    const { storeA, jacket, boot, warehouse } = app.world;
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAsAdmin(page);

    await page.getByRole("link", { name: "Forecast" }).click();
    await page.waitForURL(/\/hq\/forecast$/);
    await page.getByRole("heading", { name: "Forecast", level: 1 }).waitFor();
    // Soonest stockout first: the boot (2 left at 0.8 a day), then the jacket.
    await rowOf(page, boot.sku).waitFor();
    await expect.poll(() => page.locator("tbody tr td:nth-child(2) a").allInnerTexts().then((t) => t.slice(0, 2))).toEqual([boot.sku, jacket.sku]);
    await expect.poll(() => rowOf(page, jacket.sku).innerText()).toMatch(new RegExp(`Transfer 16 from ${warehouse.name}`));
    await expect.poll(() => rowOf(page, boot.sku).innerText()).toMatch(/Order 21/);
    await shot(page, "table");

    // Store A, runs out within 14 days: the boot and the jacket (7.8 days); within 7: the boot only.
    await page.getByLabel("Locations").first().click();
    await page.getByRole("option", { name: storeA.name }).click();
    await page.keyboard.press("Escape");
    await page.locator("label").filter({ hasText: /^Within 14 days$/ }).click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(2);
    await page.getByText("2 levels sell").waitFor();
    await page.locator("label").filter({ hasText: /^Within 7 days$/ }).click();
    await expect.poll(() => page.locator("tbody tr td:nth-child(2) a").allInnerTexts()).toEqual([boot.sku]);
    // The CSV holds the same filtered set.
    const csv = await page.request.get(`${app.server.baseUrl}${await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")}`);
    expect(csv.status()).toBe(200);
    const csvLines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(csvLines.slice(1).map((l) => l.split(",")[0])).toEqual([boot.sku]);
    await page.locator("label").filter({ hasText: /^Within 14 days$/ }).click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(2);
    await shot(page, "filtered");

    // The jacket's drawer: 28 days of sales and the velocity line.
    await rowOf(page, jacket.sku).locator("td").nth(2).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByText("Units sold per day and the velocity").waitFor();
    await drawer.locator(".recharts-surface").first().waitFor();
    await expect.poll(() => drawer.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    await shot(page, "drawer");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    // Accept the jacket's transfer with a double click: one draft.
    const acceptJacket = page.getByRole("button", { name: `Accept the suggestion for ${jacket.sku} at ${storeA.name}` });
    await acceptJacket.dblclick();
    const done = page.getByRole("alert").filter({ hasText: "One draft created" });
    await done.waitFor();
    await expect.poll(() => done.innerText()).toMatch(new RegExp(`TR-\\d{6}\\s+transfer of 1 item from ${warehouse.name} to ${storeA.name}, requested`));
    const number = (await done.getByRole("link").first().innerText()).trim();
    await expect.poll(() => rowOf(page, jacket.sku).innerText()).toMatch(new RegExp(`${number}: 16 on the way`));
    await shot(page, "accepted-transfer");

    // Select everything left with a suggestion (the boot) and accept: a draft purchase order.
    await page.getByLabel("All suggestions on this page").check();
    await page.getByRole("button", { name: "Accept 1 suggestion" }).click();
    const ordered = page.getByRole("alert").filter({ hasText: "One draft created" });
    await expect.poll(() => ordered.innerText()).toMatch(/PO-\d{6}\s+draft purchase order of 1 item from Nordic Outdoor Supply/);
    await expect.poll(() => rowOf(page, boot.sku).innerText()).toMatch(/PO-\d{6}: 21 on order/);

    // The draft transfer, from its link in the jacket's row: the jacket's page lists it as requested.
    await rowOf(page, jacket.sku).getByRole("link", { name: number }).click();
    await page.waitForURL(new RegExp(`/hq/inventory/${jacket.id}$`));
    await page.getByRole("heading", { name: /Trail Jacket/, level: 1 }).waitFor();
    const draft = page.locator("tbody tr").filter({ hasText: number });
    await expect.poll(() => draft.innerText()).toMatch(new RegExp(`${warehouse.name} → ${storeA.name}\\s+16\\s+Requested\\s+Replenishment suggested by the forecast`, "i"));
    // Requested, not shipped: the warehouse still has its 120.
    await expect.poll(() => page.locator("tbody tr").filter({ hasText: warehouse.name }).first().innerText()).toMatch(/120/);
    await shot(page, "variant");
    await page.close();
  });
});

// Issue 7 (HQ inventory) in a real browser at 1440×900: an admin filters the network's
// stock table by a store and low stock, sorts it, exports the filtered set as CSV, opens a
// variant across all locations, adjusts its stock with a reason and sees the ledger line,
// then receives part of a purchase order. Screenshots go to /tmp/shots/hq-inventory.
import { adjustStock, commitReservations, createPurchaseOrder, markPurchaseOrderOrdered, receiveStock, reserveStock, type DomainContext } from "@oms/core";
import { createStaffWorld, createTestLocation } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

const SHOTS = process.env.SHOTS_DIR ?? "/tmp/shots/hq-inventory";

async function shot(page: Page, name: string) {
  await screenshot(page, `e2e-hq-inventory-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const DAY = 86_400_000;

/**
 * Two stores and a warehouse; a catalogue of outdoor goods stocked everywhere, with sales
 * over the last weeks (days of cover), and at store A exactly two low rows: the boot (none
 * left) and the large jacket (2 available, reorder point 5). An ordered purchase order of
 * 10 large jackets for store A.
 */
async function seed(prisma: PrismaClient) {
  const world = await createStaffWorld(prisma);
  const warehouse = await createTestLocation(prisma, { kind: "WAREHOUSE", marketCode: world.market.code, name: "Central Warehouse" });
  const ctx = (daysAgo = 0): DomainContext => ({ db: prisma, actor: { kind: "SYSTEM" }, now: new Date(Date.now() - daysAgo * DAY) });
  const outdoor = await prisma.category.create({ data: { slug: "e2e-outdoor", name: "Outerwear" } });
  const footwear = await prisma.category.create({ data: { slug: "e2e-footwear", name: "Footwear" } });
  const accessories = await prisma.category.create({ data: { slug: "e2e-accessories", name: "Accessories" } });
  const stores = [world.storeA.id, world.storeB.id, warehouse.id];

  async function variant(productName: string, categoryId: string, sku: string, name: string, stock: number[], reorderPoint: number[] = [0, 0, 0]) {
    const handle = productName.toLowerCase().replace(/\W+/g, "-");
    const product = (await prisma.product.findUnique({ where: { handle } })) ?? (await prisma.product.create({ data: { handle, name: productName, categoryId } }));
    const v = await prisma.variant.create({ data: { productId: product.id, sku, name, prices: { create: { currency: "EUR", amount: 8900 } } } });
    for (const [i, locationId] of stores.entries()) {
      const units = stock[i] ?? 0;
      if (units > 0) await receiveStock({ locationId, lines: [{ variantId: v.id, quantity: units }] }, ctx(40));
      if (units > 0 || reorderPoint[i]) {
        await prisma.inventoryLevel.upsert({
          where: { variantId_locationId: { variantId: v.id, locationId } },
          create: { variantId: v.id, locationId, reorderPoint: reorderPoint[i] ?? 0, safetyStock: 0 },
          update: { reorderPoint: reorderPoint[i] ?? 0, bin: `A-${String(sku.length + i).padStart(2, "0")}` },
        });
      }
    }
    return v;
  }
  async function sell(variantId: string, locationId: string, units: number, daysAgo: number) {
    const [r] = await reserveStock({ lines: [{ variantId, locationId, quantity: units }] }, ctx(daysAgo));
    await commitReservations({ reservationIds: [r!.id], kind: "SALE" }, ctx(daysAgo));
  }

  const jacketM = await variant("Trail Jacket", outdoor.id, "JKT-TRAIL-BL-M", "Blue / M", [14, 3, 40], [4, 5, 10]);
  const jacketL = await variant("Trail Jacket", outdoor.id, "JKT-TRAIL-BL-L", "Blue / L", [4, 8, 25], [5, 3, 10]);
  const boot = await variant("Summit Boot", footwear.id, "BOOT-SUMMIT-42", "Brown / 42", [1, 6, 12], [0, 2, 4]);
  await adjustStock({ locationId: world.storeA.id, variantId: boot.id, quantity: -1, reason: "DAMAGED", note: "Sole came off" }, ctx(5));
  await sell(jacketL.id, world.storeA.id, 2, 3);
  await sell(jacketM.id, world.storeA.id, 1, 2);
  await sell(jacketM.id, world.storeA.id, 2, 9);
  await sell(jacketM.id, world.storeB.id, 1, 1);
  const extras: [string, string, string, string, number[]][] = [
    ["Summit Boot", footwear.id, "BOOT-SUMMIT-43", "Brown / 43", [9, 7, 20]],
    ["Summit Boot", footwear.id, "BOOT-SUMMIT-44", "Brown / 44", [6, 4, 18]],
    ["Harbour Raincoat", outdoor.id, "RAIN-HARB-YL-S", "Yellow / S", [11, 5, 30]],
    ["Harbour Raincoat", outdoor.id, "RAIN-HARB-YL-M", "Yellow / M", [15, 9, 36]],
    ["Glacier Down Vest", outdoor.id, "VEST-GLAC-BK-M", "Black / M", [7, 0, 14]],
    ["Meadow Wool Socks", accessories.id, "SCK-WOOL-GR-M", "Grey / M", [48, 32, 120]],
    ["Meadow Wool Socks", accessories.id, "SCK-WOOL-GR-L", "Grey / L", [36, 20, 96]],
    ["Canyon Cap", accessories.id, "CAP-CANY-OL", "Olive", [22, 13, 60]],
    ["Ridge Gloves", accessories.id, "GLV-RIDG-BK-M", "Black / M", [17, 11, 44]],
    ["Forest Backpack 28 L", accessories.id, "BAG-FRST-28", "Moss", [8, 5, 16]],
  ];
  for (const [i, [product, category, sku, name, stock]] of extras.entries()) {
    const v = await variant(product, category, sku, name, stock);
    await sell(v.id, world.storeA.id, 1 + (i % 3), 1 + i);
    if ((stock[1] ?? 0) > 0) await sell(v.id, world.storeB.id, 1, 2 + i);
  }
  const po = await createPurchaseOrder(
    { locationId: world.storeA.id, supplierName: "Nordic Outdoor Supply", currency: "EUR", lines: [{ variantId: jacketL.id, quantity: 10, unitCost: 4_250 }] },
    ctx(1),
  );
  await markPurchaseOrderOrdered({ purchaseOrderId: po.id }, ctx(1));
  return { admin: world.admin, storeA: world.storeA, storeB: world.storeB, warehouse, jacketL, boot, po };
}

describeJourney("HQ inventory", () => {
  const app = useJourney((db) => seed(db.prisma));

  async function signInAsAdmin(page: Page) {
    await signInWithPassword(page, app.server.baseUrl, app.world.admin.email, /\/hq$/);
  }

  const firstCells = (page: Page) => page.locator("tbody tr td:first-child").allInnerTexts();

  /** Clicks a sortable header until it says it sorts `dir` (the first click's direction is the table's choice). */
  async function sortBy(page: Page, name: RegExp, dir: "ascending" | "descending") {
    const button = page.getByRole("button", { name });
    const header = page.locator("th").filter({ has: button });
    for (let i = 0; i < 3 && (await header.getAttribute("aria-sort")) !== dir; i++) {
      const before = await header.getAttribute("aria-sort");
      await button.click();
      await expect.poll(() => header.getAttribute("aria-sort")).not.toBe(before);
    }
    expect(await header.getAttribute("aria-sort")).toBe(dir);
  }

  it("filters by location and low stock, sorts, exports, opens a variant and adjusts its stock", async () => {
    const { storeA, jacketL, boot, po } = app.world;
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAsAdmin(page);

    await page.getByRole("link", { name: "Inventory" }).click();
    await page.waitForURL(/\/hq\/inventory$/);
    await page.getByRole("heading", { name: "Inventory", level: 1 }).waitFor();
    await page.getByRole("link", { name: "BAG-FRST-28" }).first().waitFor();
    await expect.poll(() => page.getByText(/\d+ rows match/).count()).toBe(1);
    await shot(page, "table");

    // A store and low stock: exactly the boot (none left) and the large jacket (2 available).
    await page.getByLabel("Locations").first().click();
    await page.getByRole("option", { name: storeA.name }).click();
    await page.keyboard.press("Escape");
    await page.locator("label").filter({ hasText: /^Low$/ }).click();
    await expect.poll(() => firstCells(page)).toEqual([boot.sku, jacketL.sku]);
    await page.getByText("2 rows match").waitFor();
    await shot(page, "filtered-low");

    // Sorted by on hand: the boot (0 on hand) first, then the other way round.
    await sortBy(page, /^On hand/, "ascending");
    await expect.poll(() => firstCells(page)).toEqual([boot.sku, jacketL.sku]);
    await sortBy(page, /^On hand/, "descending");
    await expect.poll(() => firstCells(page)).toEqual([jacketL.sku, boot.sku]);

    // The export has the same rows (all of them, not only a page).
    const csv = await page.request.get(`${app.server.baseUrl}${await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^SKU,Product,Variant,Category,Location code,Location,On hand,Reserved,ATP/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([boot.sku, jacketL.sku]);

    // The large jacket at every location.
    await page.getByRole("link", { name: jacketL.sku }).click();
    await page.waitForURL(new RegExp(`/hq/inventory/${jacketL.id}$`));
    await page.getByRole("heading", { name: "Trail Jacket · Blue / L", level: 1 }).waitFor();
    const rowA = page.getByRole("row").filter({ hasText: storeA.name }).first();
    await rowA.waitFor();
    await page.getByRole("row").filter({ hasText: app.world.warehouse.name }).first().waitFor();
    await page.getByText("Sale").first().waitFor();
    await shot(page, "variant");

    // One damaged, with a reason: the form says what is missing first; then the ledger line.
    await page.getByRole("button", { name: `Stock actions at ${storeA.name}` }).click();
    await page.getByRole("menuitem", { name: "Adjust stock…" }).click();
    const dialog = page.getByRole("dialog", { name: `Adjust ${jacketL.sku} at ${storeA.name}` });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Adjust stock" }).click();
    await dialog.getByText("Reason: choose why the stock changes").waitFor();
    await dialog.getByRole("textbox", { name: "Quantity" }).fill("1");
    await dialog.getByLabel(/^Reason/).first().click();
    await page.getByRole("option", { name: "Damaged" }).click();
    await dialog.getByRole("textbox", { name: /Note/ }).fill("Torn zip on the display piece");
    await shot(page, "adjust");
    await dialog.getByRole("button", { name: "Adjust stock" }).click();
    await dialog.waitFor({ state: "hidden" });
    const ledgerLine = page.getByRole("row").filter({ hasText: "Torn zip on the display piece" });
    await ledgerLine.waitFor();
    await expect(ledgerLine.innerText()).resolves.toMatch(/adjustment[\s\S]*-1[\s\S]*damaged/i);
    // On hand at store A: 4 received − 2 sold − 1 damaged.
    await expect.poll(() => rowA.locator("td").nth(1).innerText()).toBe("1");
    await shot(page, "variant-adjusted");

    // Receive 6 of the 10 ordered: partly received, on hand up by 6.
    await page.getByRole("link", { name: "Inventory" }).first().click();
    await page.waitForURL(/\/hq\/inventory$/);
    await page.getByRole("link", { name: "Purchase orders" }).click();
    await page.waitForURL(/\/hq\/inventory\/purchase-orders$/);
    await page.getByRole("button", { name: `Receive ${po.number}` }).click();
    const receive = page.getByRole("dialog", { name: "Receive a purchase order" });
    await receive.getByRole("textbox", { name: `Units of ${jacketL.sku} arrived now` }).fill("6");
    await shot(page, "receive");
    await receive.getByRole("button", { name: "Receive", exact: true }).click();
    await receive.waitFor({ state: "hidden" });
    await page.getByRole("row").filter({ hasText: po.number }).getByText("Partly received").waitFor();
    await shot(page, "purchase-orders");
    await page.close();
  });
});

// Issue 11 (packing bench) in a real browser: a web order for delivery by parcel, placed
// through the public API while the bench is open, appears live; the associate picks it by
// scanning (one scan too many is refused), packs it into a configured box with its weight,
// buys the label from the simulated carrier, downloads it (a PDF page whose barcode scans as
// the tracking number, rendered with pdftoppm and read with zbarimg), prints the packing
// slip and hands the parcel over. The order is then SHIPPED with its tracking number on the
// HQ order page and on the public tracking page, and the day's manifest closes.
// Screenshots go to apps/web/e2e/screenshots (repository) and /tmp/shots/fulfillment.
import { createApiKey, receiveStock } from "@oms/core";
import { createStaffWorld, createTestUser, userActor } from "@oms/core/testing";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { labelToolsAvailable, scanPdfBarcodes } from "../../../../packages/shipping/src/label-rendering.ts";
import { screenshot } from "../support/browser.ts";
import { describeJourney, useJourney } from "../support/journey.ts";
import { signInWithPassword } from "../support/sign-in.ts";

const SHOTS = process.env.SHOTS_DIR ?? "/tmp/shots/fulfillment";

async function shot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name.replace(/^e2e-fulfillment-/, "")}.png` });
}

interface Seeded {
  store: { id: string; name: string };
  anna: { email: string };
  admin: { email: string };
  token: string;
  lamp: { sku: string; barcode: string };
  box: { name: string };
}

describeJourney("Packing bench", () => {
  const app = useJourney(async (db): Promise<Seeded> => {
    const prisma = db.prisma;
    const world = await createStaffWorld(prisma);
    const anna = await createTestUser(prisma, { role: "ASSOCIATE", locationId: world.storeA.id, name: "Anna Nowak", email: `anna-${randomUUID()}@test.example` });
    const system = { db: prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
    const category = await prisma.category.create({ data: { slug: "bench-e2e", name: "Home" } });
    const product = await prisma.product.create({ data: { handle: "desk-lamp", name: "Desk Lamp", categoryId: category.id } });
    const lamp = await prisma.variant.create({ data: { productId: product.id, sku: "LAMP-DESK-BLK", name: "Black", prices: { create: { currency: "EUR", amount: 4900 } }, barcodes: { create: { code: "4006381333955" } } } });
    await receiveStock({ locationId: world.storeA.id, lines: [{ variantId: lamp.id, quantity: 5 }] }, system);
    await prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: lamp.id, locationId: world.storeA.id } }, data: { bin: "C-12" } });
    await prisma.locationCarrier.create({ data: { locationId: world.storeA.id, carrier: "simulated", defaultService: "standard", cutoffTime: "23:59" } });
    await prisma.packagingBox.create({ data: { code: "M", name: "Medium box", innerLengthMm: 350, innerWidthMm: 250, innerHeightMm: 150, tareGrams: 220, maxWeightGrams: 10_000 } });
    const key = await createApiKey({ name: "Web shop (e2e)", channel: "WEB", scopes: ["orders:read", "orders:write", "catalog:read", "inventory:read"] }, { db: prisma, actor: userActor(world.admin), now: new Date() });
    return {
      store: { id: world.storeA.id, name: world.storeA.name },
      anna: { email: anna.email },
      admin: { email: world.admin.email },
      token: key.token,
      lamp: { sku: lamp.sku, barcode: "4006381333955" },
      box: { name: "Medium box" },
    };
  });

  async function placeWebOrder(): Promise<{ id: string; number: string }> {
    const response = await fetch(`${app.server.baseUrl}/api/v1/orders`, {
      method: "POST",
      headers: { Authorization: `Bearer ${app.world.token}`, "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
      body: JSON.stringify({
        externalId: `WEB-${randomUUID().slice(0, 8)}`,
        customer: { name: "Grace Hopper", email: "grace@test.example", phone: "+49 30 555 0101" },
        currency: "EUR",
        lines: [{ sku: app.world.lamp.sku, quantity: 2 }],
        fulfillment: { type: "SHIP", address: { name: "Grace Hopper", line1: "Rynek 1", city: "Kraków", postalCode: "31-042", countryCode: "PL", phone: "+48 12 555 0101" } },
        payment: { status: "PAID", provider: "EXTERNAL", reference: "psp_e2e_ship" },
      }),
    });
    const body = (await response.json()) as { id: string; number: string; fulfillmentOrders: { locationId: string }[] };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.fulfillmentOrders[0]?.locationId).toBe(app.world.store.id);
    return { id: body.id, number: body.number };
  }

  it("a web order is picked by scan, packed, labelled, shipped and shows SHIPPED with its tracking number", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1180, height: 820 }, hasTouch: true });
    await signInWithPassword(page, app.server.baseUrl, app.world.anna.email, /\/pickup$/);
    await page.getByRole("link", { name: "Packing bench" }).first().click();
    await page.waitForURL(/\/fulfillment$/);
    await page.getByRole("heading", { name: "Packing bench", level: 1 }).waitFor();
    await page.getByText("Nothing to pick. New orders appear here by themselves.").waitFor();
    await page.getByText("simulated collects at 23:59").waitFor();
    await shot(page, "e2e-fulfillment-empty");

    // Placed while the bench is open: it arrives live.
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Math.random()));
    const order = await placeWebOrder();
    const card = page.getByTestId(`bench-card-${order.number}`);
    await card.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);
    await card.getByText("Grace Hopper").waitFor();
    await card.getByText(/^Cut-off in /).waitFor();
    await page.waitForTimeout(400);
    await shot(page, "e2e-fulfillment-queue");

    // Batch pick (one order here), scan both units; a third scan is refused.
    await card.getByRole("checkbox").check();
    await page.getByTestId("start-batch").click();
    await page.getByRole("heading", { name: "Picking 1 order" }).waitFor();
    await page.getByTestId(`pick-entry-${app.world.lamp.sku}`).getByText("Bin C-12").waitFor();
    const scan = page.getByRole("textbox", { name: "Scan or type a barcode or SKU" });
    await scan.fill("0000000000000");
    await scan.press("Enter");
    await page.getByText("0000000000000 is not on this pick list.", { exact: false }).waitFor();
    for (let i = 1; i <= 2; i++) {
      await scan.fill(app.world.lamp.barcode);
      await scan.press("Enter");
      await page.getByText(`Desk Lamp Black for ${order.number}: ${i} of 2`).waitFor();
    }
    await page.getByText("2 of 2 units picked").waitFor();
    await shot(page, "e2e-fulfillment-picked");
    await scan.fill(app.world.lamp.barcode);
    await scan.press("Enter");
    await page.getByText(/are already picked; put this one back/).waitFor();

    // Pack: the medium box, the weight from the scale.
    await page.getByTestId(`batch-order-${order.number}`).getByRole("button", { name: "Pack" }).click();
    await page.getByRole("heading", { name: "Pack", level: 3 }).waitFor();
    await page.getByTestId("parcel-1-box").click();
    await page.getByRole("option", { name: /Medium box/ }).click();
    await page.getByTestId("parcel-1-weight").fill("1850");
    await shot(page, "e2e-fulfillment-pack");
    await page.getByTestId("pack-confirm").click();
    await page.getByText(`${order.number} is packed.`).waitFor();

    // Rates from the simulated carrier; buy the standard label.
    await page.getByRole("heading", { name: "Labels", level: 3 }).waitFor({ timeout: 20_000 });
    await page.getByTestId("rate-simulated-standard").waitFor({ timeout: 20_000 });
    await shot(page, "e2e-fulfillment-rates");
    await page.getByTestId("buy-label").click();
    const tracking = page.getByTestId("tracking-number");
    await tracking.waitFor({ timeout: 20_000 });
    const trackingNumber = (await tracking.innerText()).trim();
    expect(trackingNumber).toMatch(/^SIM\d{11}$/);
    await shot(page, "e2e-fulfillment-labelled");

    // The label as the browser downloads it: one PDF page whose barcode scans as the tracking number.
    const href = await page.getByTestId("print-label").getAttribute("href");
    const labelResponse = await page.request.get(`${app.server.baseUrl}${href}`);
    expect(labelResponse.status()).toBe(200);
    expect(labelResponse.headers()["content-type"]).toBe("application/pdf");
    const pdf = new Uint8Array(await labelResponse.body());
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    if (labelToolsAvailable()) {
      const scanned = scanPdfBarcodes(pdf);
      expect(scanned.pages).toBe(1);
      expect(scanned.codes).toContain(`CODE-128:${trackingNumber}`);
    }
    const zpl = await page.request.get(`${app.server.baseUrl}${href}?format=ZPL`);
    expect(zpl.status()).toBe(200);
    expect(await zpl.text()).toContain(trackingNumber);

    // The packing slip opens printable in a new tab.
    const [slip] = await Promise.all([page.context().waitForEvent("page"), page.getByTestId("packing-slip-link").click()]);
    await slip.getByTestId("packing-slip").waitFor();
    await slip.getByText("Desk Lamp Black").waitFor();
    await slip.getByText(trackingNumber, { exact: false }).waitFor();
    await shot(slip, "e2e-fulfillment-packing-slip");
    await slip.close();

    // Hand-over.
    await page.getByTestId("ship-now").click();
    await page.getByText(`${order.number} is shipped.`).waitFor();
    await page.getByTestId("tab-shipped").click();
    await page.getByTestId(`bench-card-${order.number}`).getByText(trackingNumber).waitFor();
    await shot(page, "e2e-fulfillment-shipped");

    // End of day: the parcel goes on the carrier's manifest.
    await page.getByRole("link", { name: "End of day" }).first().click();
    await page.getByRole("heading", { name: "End of day", level: 1 }).waitFor();
    await page.getByTestId("close-simulated").getByText("1 parcel waiting").waitFor();
    await page.getByTestId("close-simulated").getByRole("button", { name: "Close and hand over" }).click();
    await page.getByText("simulated: 1 parcel handed over.").waitFor();
    await page.getByRole("cell", { name: new RegExp(trackingNumber) }).waitFor();
    await shot(page, "e2e-fulfillment-manifest");
    await page.close();

    // HQ's order page: the fulfilment is shipped with its tracking number.
    const hq = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInWithPassword(hq, app.server.baseUrl, app.world.admin.email);
    await hq.goto(`${app.server.baseUrl}/hq/orders/${order.id}`);
    await hq.getByText(`simulated ${trackingNumber}`).waitFor({ timeout: 20_000 });
    await hq.getByText("Shipped", { exact: true }).first().waitFor();
    await shot(hq, "e2e-fulfillment-hq-order");
    await hq.close();

    // The public tracking page.
    const track = await app.browser.newPage({ viewport: { width: 420, height: 900 } });
    await track.goto(`${app.server.baseUrl}/track`);
    await track.getByRole("textbox", { name: "Order number" }).fill(order.number);
    await track.getByRole("textbox", { name: "E-mail address" }).fill("grace@test.example");
    await track.getByRole("button", { name: "Show my order" }).click();
    await track.getByText(`simulated tracking number: ${trackingNumber}`).waitFor({ timeout: 20_000 });
    await track.getByText("shipped", { exact: true }).first().waitFor();
    await shot(track, "e2e-fulfillment-track");
    await track.close();

    // And the public API.
    const after = await fetch(`${app.server.baseUrl}/api/v1/orders/${order.id}`, { headers: { Authorization: `Bearer ${app.world.token}` } });
    const body = (await after.json()) as { fulfillmentOrders: { status: string; trackingNumbers: { carrier: string; trackingNumber: string }[] }[] };
    expect(body.fulfillmentOrders[0]).toMatchObject({ status: "SHIPPED", trackingNumbers: [{ carrier: "simulated", trackingNumber }] });
  }, 240_000);
});

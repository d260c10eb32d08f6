// Issue 6 in a real browser, on a tablet: an associate has the pickup queue open; a web-shop
// order placed through the public API appears without a reload (with the new-order cue);
// they claim it, scan one item (the count survives a reload), re-route the other (not on
// the shelf) to the other store that has it, pack and stage it, and hand it over by the
// customer's pickup code. A second associate sees the order claimed and cannot take it.
// Screenshots at tablet size (1180×820 landscape, 820×1180 portrait) go to /tmp/shots/pickup.
import { createApiKey, receiveStock } from "@oms/core";
import { createStaffWorld, createTestUser, userActor } from "@oms/core/testing";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

const SHOTS = process.env.SHOTS_DIR ?? "/tmp/shots/pickup";

/** The repository's full-page screenshot, and what the tablet shows (viewport) for review. */
async function shot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name.replace(/^e2e-pickup-/, "")}.png` });
}

interface Seeded {
  storeA: { id: string; name: string };
  storeB: { id: string; name: string };
  anna: { email: string; name: string };
  ben: { email: string; name: string };
  token: string;
  jacket: { sku: string; barcode: string };
  socks: { sku: string };
}

describeJourney("Pickup tablet", () => {
  const app = useJourney(async (db): Promise<Seeded> => {
    const prisma = db.prisma;
    const world = await createStaffWorld(prisma);
    const anna = await createTestUser(prisma, { role: "ASSOCIATE", locationId: world.storeA.id, name: "Anna Nowak", email: `anna-${randomUUID()}@test.example` });
    const ben = await createTestUser(prisma, { role: "ASSOCIATE", locationId: world.storeA.id, name: "Ben Kowalski", email: `ben-${randomUUID()}@test.example` });
    const system = { db: prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
    const category = await prisma.category.create({ data: { slug: "pickup-e2e", name: "Outdoor" } });
    const make = async (name: string, sku: string, barcode: string, stock: Record<string, { units: number; bin?: string }>) => {
      const product = await prisma.product.create({ data: { handle: sku.toLowerCase(), name, categoryId: category.id } });
      const v = await prisma.variant.create({ data: { productId: product.id, sku, name: "Blue / M", prices: { create: { currency: "EUR", amount: 8900 } }, barcodes: { create: { code: barcode } } } });
      for (const [locationId, st] of Object.entries(stock)) {
        await receiveStock({ locationId, lines: [{ variantId: v.id, quantity: st.units }] }, system);
        if (st.bin) await prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: v.id, locationId } }, data: { bin: st.bin } });
      }
      return v;
    };
    // Stock at both stores, so the missing socks have somewhere else to be.
    await make("Trail Jacket", "JKT-TRAIL-BL-M", "4006381333931", { [world.storeA.id]: { units: 4, bin: "B-07" }, [world.storeB.id]: { units: 2 } });
    await make("Wool Socks", "SCK-WOOL-GR-M", "4006381333948", { [world.storeA.id]: { units: 1, bin: "A-02" }, [world.storeB.id]: { units: 6 } });
    const key = await createApiKey({ name: "Web shop (e2e)", channel: "WEB", scopes: ["orders:read", "orders:write", "catalog:read", "inventory:read"] }, { db: prisma, actor: userActor(world.admin), now: new Date() });
    return {
      storeA: { id: world.storeA.id, name: world.storeA.name },
      storeB: { id: world.storeB.id, name: world.storeB.name },
      anna: { email: anna.email, name: anna.name },
      ben: { email: ben.email, name: ben.name },
      token: key.token,
      jacket: { sku: "JKT-TRAIL-BL-M", barcode: "4006381333931" },
      socks: { sku: "SCK-WOOL-GR-M" },
    };
  });

  async function signIn(page: Page, email: string) {
    await signInWithPassword(page, app.server.baseUrl, email, /\/pickup$/);
  }

  async function placeWebOrder(): Promise<{ id: string; number: string; pickupCode: string }> {
    const response = await fetch(`${app.server.baseUrl}/api/v1/orders`, {
      method: "POST",
      headers: { Authorization: `Bearer ${app.world.token}`, "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
      body: JSON.stringify({
        externalId: `WEB-${randomUUID().slice(0, 8)}`,
        customer: { name: "Grace Hopper", email: "grace@test.example", phone: "+49 30 555 0101" },
        currency: "EUR",
        lines: [
          { sku: app.world.jacket.sku, quantity: 1 },
          { sku: app.world.socks.sku, quantity: 1 },
        ],
        fulfillment: { type: "PICKUP", locationId: app.world.storeA.id },
        payment: { status: "PAID", provider: "EXTERNAL", reference: "psp_e2e" },
      }),
    });
    const body = (await response.json()) as { id: string; number: string; fulfillmentOrders: { pickupCode: string | null }[] };
    expect(response.status, JSON.stringify(body)).toBe(201);
    return { id: body.id, number: body.number, pickupCode: body.fulfillmentOrders[0]!.pickupCode! };
  }

  it("an order placed online appears live, is picked with one line re-routed, made ready and handed over by code", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1180, height: 820 }, hasTouch: true });
    await signIn(page, app.world.anna.email);
    await page.getByRole("link", { name: "Pickup queue" }).first().click();
    await page.waitForURL(/\/pickup\/queue$/);
    await page.getByRole("heading", { name: "Pickup queue", level: 1 }).waitFor();
    await page.getByText("No new orders. New ones appear here by themselves.").waitFor();
    await shot(page, "e2e-pickup-empty");

    // Placed after the page is open: it must arrive without a reload.
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Math.random()));
    const order = await placeWebOrder();
    const card = page.getByTestId("pickup-card").filter({ hasText: order.number });
    await card.waitFor({ timeout: 20_000 });
    await page.getByText("New pickup order").waitFor();
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);
    await expect(card.getByText("Grace Hopper").isVisible()).resolves.toBe(true);
    await expect(card.getByText(/^Ready in /).isVisible()).resolves.toBe(true);
    await page.getByRole("tab", { name: "New 1" }).waitFor();
    await page.waitForTimeout(400); // the notification's entrance
    await shot(page, "e2e-pickup-queue");

    // Ben, on another tablet, sees Anna's claim live and cannot take the order.
    const other = await app.browser.newPage({ viewport: { width: 820, height: 1180 }, hasTouch: true });
    await signIn(other, app.world.ben.email);
    await other.goto(`${app.server.baseUrl}/pickup/queue`);
    await other.getByTestId("pickup-card").filter({ hasText: order.number }).waitFor();

    await card.getByRole("button", { name: "Claim and pick" }).click();
    await page.getByRole("heading", { name: `Picking ${order.number}` }).waitFor();
    // Walked in bin order: the socks before the jacket (B-07).
    const lineNames = await page.getByTestId("pick-line").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(lineNames).toEqual(["Wool Socks Blue / M", "Trail Jacket Blue / M"]);

    await other.getByRole("tab", { name: /^Picking/ }).click();
    const claimed = other.getByTestId("pickup-card").filter({ hasText: order.number });
    await claimed.getByText("Anna Nowak is picking").waitFor({ timeout: 20_000 });
    await expect(claimed.getByRole("button", { name: "Claim and pick" }).count()).resolves.toBe(0);
    await shot(other, "e2e-pickup-claimed-portrait");
    await other.close();

    // Scan the jacket (the scanner types the code and Enter); an unknown code is refused.
    const scan = page.getByRole("textbox", { name: "Scan or type a barcode or SKU" });
    await scan.fill("0000000000000");
    await scan.press("Enter");
    await page.getByText("0000000000000 is not on this order.").waitFor();
    await scan.fill(app.world.jacket.barcode);
    await scan.press("Enter");
    await page.getByText("Trail Jacket Blue / M: 1 of 1").waitFor();
    await shot(page, "e2e-pickup-picking");

    // The count is kept on the server: after a reload the jacket is still picked.
    await page.waitForLoadState("networkidle");
    await page.reload();
    await page.getByRole("tab", { name: /^Picking/ }).click();
    await page.getByTestId("pickup-card").filter({ hasText: order.number }).getByRole("button", { name: "Continue picking" }).click();
    await page.getByRole("heading", { name: `Picking ${order.number}` }).waitFor();
    await page.getByTestId("pick-line").filter({ hasText: "Trail Jacket" }).getByLabel("1 / 1").waitFor();
    await page.getByText("1 item left to pick").waitFor();

    // The socks are not on the shelf: re-route the line to the store that has them.
    await page.getByTestId("pick-line").filter({ hasText: "Wool Socks" }).getByRole("button", { name: "Can't find" }).click();
    const dialog = page.getByRole("dialog", { name: "Item not found: Wool Socks Blue / M" });
    await dialog.waitFor();
    await page.waitForTimeout(400); // the modal's opening transition
    // Four choices, re-route preselected.
    for (const choice of ["Re-route to another store", "Substitute", "Partial: fewer units", "Cancel the line"]) {
      await dialog.getByRole("radio", { name: choice }).waitFor();
    }
    expect(await dialog.getByRole("radio", { name: "Re-route to another store" }).isChecked()).toBe(true);
    await shot(page, "e2e-pickup-short-pick");
    await dialog.getByRole("button", { name: "Re-route", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText(`Wool Socks Blue / M goes to ${app.world.storeB.name}; the customer collects it there.`).waitFor({ timeout: 20_000 });
    await page.getByText("1 sent elsewhere").waitFor({ timeout: 20_000 });
    await page.getByText("Everything is picked. Pack it and put it on the pickup shelf.").waitFor();

    await page.getByRole("textbox", { name: "Bags" }).fill("2");
    await page.getByRole("textbox", { name: "Pickup shelf" }).fill("P3");
    await page.getByRole("button", { name: "Ready for pickup" }).click();
    await page.getByText(`${order.number} is ready on shelf P3.`).waitFor();

    await page.getByRole("tab", { name: /^Ready/ }).click();
    const ready = page.getByTestId("pickup-card").filter({ hasText: order.number });
    await ready.getByText("Shelf P3").waitFor();
    await expect(ready.getByText("2 bags").isVisible()).resolves.toBe(true);

    // Handover: the customer shows the code from their message.
    await page.getByRole("textbox", { name: "Pickup code, QR code, order number or customer name" }).fill(order.pickupCode);
    await page.getByRole("button", { name: "Find" }).click();
    const result = page.getByTestId("handover-result").filter({ hasText: order.number });
    await result.getByRole("button", { name: "Hand over" }).click();
    const handover = page.getByRole("dialog", { name: `Hand over ${order.number}` });
    const code = handover.getByRole("textbox", { name: "Pickup code" });
    expect(await code.inputValue()).toBe(order.pickupCode);
    // A wrong code is refused with the server's message.
    await code.fill("WRONG1");
    await handover.getByRole("button", { name: "Code matches: hand over" }).click();
    await handover.getByText(/That pickup code does not match this order/).waitFor();
    await shot(page, "e2e-pickup-handover");
    await code.fill(order.pickupCode);
    await handover.getByRole("button", { name: "Code matches: hand over" }).click();
    await page.getByText(`${order.number} was collected. Thank you!`).waitFor();
    // The counter is clear for the next customer.
    await expect.poll(() => page.getByRole("textbox", { name: "Pickup code, QR code, order number or customer name" }).inputValue()).toBe("");
    await page.getByRole("tab", { name: /^Collected today/ }).click();
    await page.getByTestId("pickup-card").filter({ hasText: order.number }).waitFor();
    await shot(page, "e2e-pickup-collected");
    // The same board held upright.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(300);
    await shot(page, "e2e-pickup-collected-portrait");

    // The public API tells the shop: collected here; the socks wait at the other store.
    const after = await fetch(`${app.server.baseUrl}/api/v1/orders/${order.id}`, { headers: { Authorization: `Bearer ${app.world.token}` } });
    const body = (await after.json()) as { fulfillmentOrders: { locationId: string; status: string }[] };
    expect(body.fulfillmentOrders.find((f) => f.locationId === app.world.storeA.id)?.status).toBe("PICKED_UP");
    expect(body.fulfillmentOrders.find((f) => f.locationId === app.world.storeB.id)?.status).toBe("NEW");
    await page.close();
  }, 180_000);
});

// Issue 7 (overview) in a real browser at 1440×900: an HQ admin opens /hq and reads today's
// sales in the reporting currency (EUR, converted from the stores' PLN with the stored rate),
// open and late orders, tasks and low stock; a web shop order placed through the public API
// while the page is open changes today's numbers without a reload.
import { createApiKey, createOrder, sweepLateOrders } from "@oms/core";
import { createStaffWorld, orderContext, orderWorld, userActor, webPickupOrder, webShipOrder } from "@oms/core/testing";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

describeJourney("HQ overview", () => {
  const app = useJourney(async (db) => {
    const prisma = db.prisma;
    const staff = await createStaffWorld(prisma);
    const w = await orderWorld(prisma, { variants: 2, stock: [[40, 40, 0], [20, 20, 0]] });
    await prisma.organizationSettings.update({ where: { id: 1 }, data: { reportingCurrency: "EUR", reportPricesIncludeTax: true } });
    await prisma.fxRate.create({ data: { base: "PLN", quote: "EUR", rate: "0.2315", asOf: new Date() } });
    const ago = (ms: number) => orderContext(prisma, new Date(Date.now() - ms));
    // Today: 1 + 2 units at 100.00 PLN = 300.00 PLN = 69.45 EUR in two orders.
    await createOrder(webPickupOrder(w), ago(10 * MINUTE));
    await createOrder(webShipOrder(w, { customer: { name: "Ewa Lis", email: `ewa-${w.tag}@example.com`, phone: "+48 600 100 210" } }), ago(20 * MINUTE));
    // Yesterday: one unit (23.15 EUR). Five days ago: a shipment now past its promise (late).
    await createOrder(webShipOrder(w, { lines: [{ variantId: w.variants[1]!.id, quantity: 1 }] }), ago(DAY + 5 * MINUTE));
    await createOrder(webShipOrder(w, { customer: { name: "Late Larry", email: `larry-${w.tag}@example.com`, phone: "+48 600 100 211" } }), ago(5 * DAY));
    await sweepLateOrders(orderContext(prisma));
    // Krakow runs low on the second size.
    await prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: w.variants[1]!.id, locationId: w.krakow.id } }, data: { reorderPoint: 25 } });
    const key = await createApiKey({ name: "Web shop (overview e2e)", channel: "WEB", scopes: ["orders:read", "orders:write"] }, { db: prisma, actor: userActor(staff.admin), now: new Date() });
    return { admin: staff.admin.email, token: key.token, sku: w.variants[0]!.sku, warsaw: w.warsaw.id };
  });

  async function signInAsAdmin(page: Page) {
    await signInWithPassword(page, app.server.baseUrl, app.world.admin, /\/hq$/);
  }

  const value = (page: Page, kpi: string) => page.getByTestId(`kpi-${kpi}-value`).innerText();

  it("shows today's network and follows a sale made while it is open", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Europe/Warsaw", locale: "en-GB" });
    const page = await context.newPage();
    await signInAsAdmin(page);
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    await expect.poll(() => value(page, "net")).toBe("€69.45");
    await expect(value(page, "orders")).resolves.toBe("2");
    await expect(page.getByTestId("kpi-orders").innerText()).resolves.toContain("Average basket €34.73");
    await expect(page.getByTestId("kpi-net").innerText()).resolves.toContain("Yesterday €23.15");
    await expect(value(page, "late")).resolves.toBe("1");
    await expect(value(page, "low")).resolves.toBe("1");
    // Each store in its own currency and in EUR.
    const table = page.getByTestId("overview-locations");
    await expect(table.innerText()).resolves.toMatch(/Warsaw[\s\S]*PLN\s100\.00[\s\S]*€23\.15/);
    await page.getByText("1 PLN = 0.2315 EUR", { exact: false }).waitFor();
    // Late orders link to the filtered orders table.
    await expect(page.getByRole("link", { name: "Late orders" }).getAttribute("href")).resolves.toBe("/hq/orders?late=1");
    await expect(page.getByRole("link", { name: "Low-stock alerts" }).first().getAttribute("href")).resolves.toBe("/hq/inventory?stock=LOW");
    await page.waitForLoadState("networkidle");
    await screenshot(page, "e2e-hq-overview");
    const updatedBefore = await page.getByTestId("overview-updated").innerText();

    // A web shop order arrives through the public API: 1 unit = 23.15 EUR more, three orders.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await fetch(`${app.server.baseUrl}/api/v1/orders`, {
      method: "POST",
      headers: { Authorization: `Bearer ${app.world.token}`, "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
      body: JSON.stringify({
        externalId: `WEB-${randomUUID().slice(0, 8)}`,
        customer: { name: "Grace Hopper", email: "grace@test.example", phone: "+48 600 100 299" },
        currency: "PLN",
        lines: [{ sku: app.world.sku, quantity: 1 }],
        fulfillment: { type: "PICKUP", locationId: app.world.warsaw },
        payment: { status: "PAID", provider: "EXTERNAL", reference: "psp_overview_e2e" },
      }),
    });
    expect(response.status).toBe(201);
    await expect.poll(() => value(page, "orders"), { timeout: 15_000 }).toBe("3");
    await expect(value(page, "net")).resolves.toBe("€92.60");
    await expect(page.getByTestId("overview-updated").innerText()).resolves.not.toBe(updatedBefore);

    // The low-stock alert opens the inventory table filtered to low stock.
    await page.getByRole("link", { name: "Low-stock alerts" }).first().click();
    await page.waitForURL(/\/hq\/inventory\?stock=LOW$/);
    await expect.poll(() => page.getByRole("radio", { name: "Low" }).isChecked()).toBe(true);
    await context.close();
  }, 120_000);
});

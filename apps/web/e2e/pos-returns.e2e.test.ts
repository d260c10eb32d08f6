// Issue 5 (returns at the till) in a real browser at 1024×768 with touch: a cashier with an
// open register scans a receipt (the scanner types the order number and Enter), returns
// one line for cash from the drawer, then finds a web order by the customer's phone and
// exchanges a jacket for socks, the rest going back as store credit. The order screen lists
// the store's sales and shows the returns.
import { receiveStock } from "@oms/core";
import { createStaffWorld, createTestUser } from "@oms/core/testing";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

const reviewDir = process.env.SHOTS_DIR ?? "/tmp/shots/returns";

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `e2e-returns-${name}`);
  mkdirSync(reviewDir, { recursive: true });
  await page.screenshot({ path: join(reviewDir, `${name}.png`), fullPage: true });
}

describeJourney("Returns and exchanges at the till", () => {
  const app = useJourney(async (db) => {
    const prisma = db.prisma;
    const world = await createStaffWorld(prisma);
    // An Irish store: money reads "€19.00" in the assertions below.
    const store = await prisma.location.update({ where: { id: world.storeA.id }, data: { locale: "en-IE", timeZone: "Europe/Dublin" } });
    const system = { db: prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
    const clara = await createTestUser(prisma, { role: "CASHIER", locationId: store.id, name: "Clara Cashier", email: `clara-${randomUUID()}@test.example` });
    const register = await prisma.register.create({ data: { locationId: store.id, code: "R1", name: "Register 1" } });
    const session = await prisma.registerSession.create({
      data: { registerId: register.id, locationId: store.id, currency: store.currency, openedById: clara.id, openingCount: { "1000": 10 }, openingFloat: 10_000 },
    });
    const category = await prisma.category.create({ data: { slug: "returns-e2e", name: "Outdoor" } });
    const make = async (name: string, sku: string, barcode: string, price: number) => {
      const product = await prisma.product.create({ data: { handle: sku.toLowerCase(), name, categoryId: category.id } });
      const v = await prisma.variant.create({ data: { productId: product.id, sku, name: "Blue / M", prices: { create: { currency: store.currency, amount: price } }, barcodes: { create: { code: barcode } } } });
      await receiveStock({ locationId: store.id, lines: [{ variantId: v.id, quantity: 5 }] }, system);
      return v;
    };
    const jacket = await make("Trail Jacket", "JKT-TRAIL-BL-M", "4006381333931", 8900);
    const socks = await make("Wool Socks", "SCK-WOOL-GR-M", "4006381333948", 1900);
    const customer = await prisma.customer.create({ data: { firstName: "Grace", lastName: "Hopper", email: `grace-${randomUUID()}@test.example`, phone: "+49 30 555 0101" } });

    /** A sale handed over and paid (cash at the till, or card online). */
    const order = (number: string, channel: "POS" | "WEB", lines: { variantId: string; sku: string; name: string; quantity: number; unitPrice: number }[]) =>
      prisma.order.create({
        data: {
          number,
          channel,
          customerId: customer.id,
          customerName: "Grace Hopper",
          email: customer.email,
          phone: customer.phone,
          originLocationId: channel === "POS" ? store.id : null,
          currency: store.currency,
          subtotal: lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0),
          taxTotal: 0,
          total: lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0),
          pricesIncludeTax: true,
          status: "COMPLETED",
          paymentStatus: "PAID",
          placedAt: new Date(Date.now() - (channel === "POS" ? 3_600_000 : 86_400_000)),
          lines: {
            create: lines.map((l, i) => ({
              lineNo: i + 1,
              variantId: l.variantId,
              sku: l.sku,
              name: l.name,
              quantity: l.quantity,
              unitPrice: l.unitPrice,
              taxRateBps: 2300,
              taxTotal: 0,
              total: l.unitPrice * l.quantity,
              quantityFulfilled: l.quantity,
            })),
          },
          payments: {
            create: {
              provider: channel === "POS" ? "CASH" : "SIMULATED",
              method: channel === "POS" ? "CASH" : "CARD",
              status: "CAPTURED",
              currency: store.currency,
              amount: lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0),
              amountCaptured: lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0),
              reference: channel === "POS" ? null : `pi_sim_${randomUUID()}`,
            },
          },
        },
      });
    const sale = await order(`${store.code}-000123`, "POS", [
      { variantId: jacket.id, sku: jacket.sku, name: "Trail Jacket Blue / M", quantity: 1, unitPrice: 8900 },
      { variantId: socks.id, sku: socks.sku, name: "Wool Socks Blue / M", quantity: 3, unitPrice: 1900 },
    ]);
    const web = await order(`W-${randomUUID().slice(0, 6).toUpperCase()}`, "WEB", [{ variantId: jacket.id, sku: jacket.sku, name: "Trail Jacket Blue / M", quantity: 1, unitPrice: 8900 }]);
    return { store: { id: store.id, name: store.name }, clara: { email: clara.email }, sessionId: session.id, sale: { id: sale.id, number: sale.number }, web: { id: web.id, number: web.number }, socksSku: socks.sku };
  });

  async function signIn(page: Page) {
    await signInWithPassword(page, app.server.baseUrl, app.world.clara.email, /\/pos$/);
  }

  it("scans a receipt and returns one line for cash, then exchanges a web order found by phone", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    await signIn(page);
    await page.goto(`${app.server.baseUrl}/pos/returns`);
    await page.getByRole("heading", { name: "Returns", level: 1 }).waitFor();
    // first(): while the page streams in, React can briefly hold two copies of the header.
    await page.getByText("Register 1 ·").first().waitFor();
    await shot(page, "01-find");

    // The scanner types the receipt's barcode (the order number) and Enter.
    const find = page.getByRole("textbox", { name: /Scan the receipt/ });
    await find.focus();
    await page.keyboard.type(app.world.sale.number.toLowerCase());
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: `Order ${app.world.sale.number}` }).waitFor();

    // Socks: 3 bought, return 1; never more than returnable.
    const socks = page.getByTestId("return-line").filter({ hasText: "Wool Socks" });
    const more = socks.getByRole("button", { name: "One more Wool Socks Blue / M" });
    await more.click();
    await socks.getByRole("combobox", { name: "Reason for Wool Socks Blue / M" }).selectOption("DOES_NOT_FIT");
    await page.getByRole("radio", { name: /Cash/ }).click();
    await page.getByText("Ready: complete with F9.").waitFor();
    await expect(page.getByTestId("return-summary").getByText("€19.00").first().isVisible()).resolves.toBe(true);
    await shot(page, "02-return-lines");
    await page.keyboard.press("F9");
    await page.getByRole("heading", { name: /^Return R-\d+ completed$/ }).waitFor();
    await page.getByText("Give the customer €19.00 in cash").waitFor();
    await page.getByTestId("return-receipt").waitFor();
    await shot(page, "03-cash-done");

    // The same receipt again: 2 of the 3 socks are left to return.
    await page.keyboard.press("F9");
    await find.waitFor();
    await find.fill(app.world.sale.number);
    await find.press("Enter");
    await page.getByRole("heading", { name: `Order ${app.world.sale.number}` }).waitFor();
    const again = page.getByTestId("return-line").filter({ hasText: "Wool Socks" });
    await expect(again.getByTestId("line-returned").textContent()).resolves.toBe("Returned: 1");
    await expect(again.getByTestId("line-returnable").textContent()).resolves.toBe("Returnable: 2");
    for (let i = 0; i < 3; i++) await again.getByRole("button", { name: "One more Wool Socks Blue / M" }).click({ force: true });
    await expect(again.getByTestId("return-quantity").textContent()).resolves.toBe("2");
    await expect(again.getByRole("button", { name: "One more Wool Socks Blue / M" }).isDisabled()).resolves.toBe(true);

    // Exchange: a web order found by the customer's phone; the jacket for one pair of socks.
    await page.getByRole("button", { name: "Another order" }).click();
    await find.fill("30 555 0101");
    await find.press("Enter");
    await page.getByTestId("order-result").filter({ hasText: app.world.web.number }).click();
    await page.getByRole("heading", { name: `Order ${app.world.web.number}` }).waitFor();
    const jacket = page.getByTestId("return-line").filter({ hasText: "Trail Jacket" });
    await jacket.getByRole("button", { name: "One more Trail Jacket Blue / M" }).click();
    await jacket.getByRole("combobox", { name: "Reason for Trail Jacket Blue / M" }).selectOption("CHANGED_MIND");
    await page.keyboard.press("F6");
    const item = page.getByRole("textbox", { name: /Scan or search the new item/ });
    await item.fill(app.world.socksSku);
    await item.press("Enter");
    await page.getByTestId("exchange-result").getByRole("button", { name: "Add Wool Socks Blue / M" }).click();
    await page.getByTestId("exchange-item").filter({ hasText: "Wool Socks" }).waitFor();
    await page.getByRole("radio", { name: /Store credit/ }).click();
    await expect(page.getByTestId("return-summary").textContent()).resolves.toContain("€70.00");
    await shot(page, "04-exchange");
    await page.getByRole("button", { name: /Complete exchange/ }).click();
    await page.getByRole("heading", { name: /^Exchange R-\d+ completed$/ }).waitFor();
    const code = await page.getByTestId("store-credit-code").textContent();
    expect(code).toMatch(/^SC-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.getByText("Store credit of €70.00").waitFor();
    await shot(page, "05-exchange-done");

    // The order screen: the store's recent sales, and the sale with its return.
    await page.goto(`${app.server.baseUrl}/pos/orders`);
    await page.getByTestId("order-result").filter({ hasText: app.world.sale.number }).waitFor();
    await shot(page, "06-orders");
    await page.getByTestId("order-result").filter({ hasText: app.world.sale.number }).click();
    await page.getByRole("heading", { name: `Order ${app.world.sale.number}` }).waitFor();
    await page.getByTestId("order-return").first().waitFor();
    // The cash refund is on the order (the drawer movement itself: till.db.test.ts).
    await page.getByText(/Cash · done/).first().waitFor();
    await expect(page.getByRole("link", { name: "Reprint receipt" }).getAttribute("href")).resolves.toBe(`/pos/sale/receipt/${app.world.sale.id}`);
    await shot(page, "07-order-detail");
    await page.close();
  }, 240_000);
});

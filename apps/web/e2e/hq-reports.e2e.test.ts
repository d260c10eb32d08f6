// Issue 7 (reports) in a real browser at 1440×900: an HQ admin picks a period, turns the
// comparison with the previous period on, reads the sales, switches report tabs, and downloads
// the sales by day as CSV; the CSV holds the figures on screen. Anonymous downloads are
// refused with problem+json, and a bad period names the field.
import { createOrder } from "@oms/core";
import { createStaffWorld, orderContext, orderWorld, webShipOrder } from "@oms/core/testing";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

const DAY = 86_400_000;
const warsawDay = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

describeJourney("HQ reports", () => {
  const app = useJourney(async (db) => {
    const prisma = db.prisma;
    const staff = await createStaffWorld(prisma);
    const w = await orderWorld(prisma, { variants: 1, stock: [[60, 60, 0]] });
    await prisma.organizationSettings.update({ where: { id: 1 }, data: { reportingCurrency: "EUR", reportPricesIncludeTax: true } });
    await prisma.fxRate.create({ data: { base: "PLN", quote: "EUR", rate: "0.2315", asOf: new Date() } });
    // One web order a day for 14 days, (d mod 3) + 1 units of 100.00 PLN each:
    // the last 7 days 13 units = 1,300.00 PLN = 300.95 EUR; the 7 before 14 units = 324.10 EUR.
    const now = Date.now();
    for (let d = 0; d < 14; d++) {
      const order = await createOrder(
        webShipOrder(w, { customer: { name: `Customer ${d}`, email: `c${d}-${w.tag}@example.com`, phone: "+48 600 100 200" }, lines: [{ variantId: w.variants[0]!.id, quantity: (d % 3) + 1 }] }),
        orderContext(prisma, new Date(now - d * DAY - 10 * 60_000)),
      );
      // Shipped ((d mod 4) + 1) × 10 minutes after it was placed, for the fulfilment times (hand-set
      // timestamps: the journey is about the report, not the packing bench).
      if (d > 0) {
        const placedAt = new Date(now - d * DAY - 10 * 60_000);
        await prisma.fulfillmentOrder.updateMany({ where: { orderId: order.id }, data: { status: "SHIPPED", shippedAt: new Date(placedAt.getTime() + ((d % 4) + 1) * 600_000) } });
      }
    }
    return { admin: staff.admin.email, today: warsawDay(new Date(now - 10 * 60_000)) };
  });

  async function signInAsAdmin(page: Page) {
    await signInWithPassword(page, app.server.baseUrl, app.world.admin, /\/hq$/);
  }

  const kpi = (page: Page, id: string) => page.getByTestId(`sales-kpi-${id}-value`).innerText();

  it("picks a period, compares it with the previous one, and downloads the CSV it shows", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Europe/Warsaw", locale: "en-GB", acceptDownloads: true });
    const page = await context.newPage();
    await signInAsAdmin(page);
    await page.getByRole("link", { name: "Reports" }).click();
    await page.waitForURL(/\/hq\/reports/);
    await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();

    // Last 7 days.
    await page.getByLabel("Period", { exact: true }).first().click();
    await page.getByRole("option", { name: "Last 7 days" }).click();
    await page.waitForURL(new RegExp(`to=${app.world.today}`));
    await expect.poll(() => kpi(page, "net")).toBe("€300.95");
    await expect(kpi(page, "orders")).resolves.toBe("7");
    await expect(kpi(page, "units")).resolves.toBe("13");

    // The comparison: the 7 days before, and the change.
    await page.getByRole("switch", { name: "Compare with the previous period" }).click({ force: true });
    await page.waitForURL(/compare=1/);
    await expect.poll(() => page.getByTestId("sales-kpi-net-previous").innerText()).toBe("€324.10");
    await expect(page.getByTestId("sales-kpi-net").innerText()).resolves.toContain("-7.1%");
    await expect(page.getByTestId("period-summary").innerText()).resolves.toMatch(/7 days\) against/);
    await page.getByRole("table", { name: "By location" }).locator("tbody tr").first().waitFor();
    await page.waitForLoadState("networkidle");
    await screenshot(page, "e2e-hq-reports");

    // The CSV of sales by day: seven days, the same net as the screen, the previous period beside it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-sales-day").first().click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^sales-day-\\d{4}-\\d{2}-\\d{2}-to-${app.world.today}\\.csv$`));
    const csv = readFileSync(await download.path()).toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Day,Gross EUR (incl. tax),Returns EUR,Net EUR,Tax EUR,Units,Returned units,Orders,Average basket EUR,Previous net EUR,Net change %");
    expect(lines).toHaveLength(8);
    const todayLine = lines.find((l) => l.startsWith(`${app.world.today},`));
    // Today: 1 unit = 100.00 PLN = 23.15 EUR.
    expect(todayLine).toMatch(/^\d{4}-\d{2}-\d{2},23\.15,0\.00,23\.15,/);
    const net = lines.slice(1).reduce((s, l) => s + Math.round(Number(l.split(",")[3]) * 100), 0);
    // Each day converted on its own: the days add up to the period's total within a cent a day.
    expect(Math.abs(net - 30_095)).toBeLessThanOrEqual(7);

    // Other tabs: sell-through and fulfilment render their sections.
    await page.getByRole("tab", { name: "Fulfilment times" }).click();
    await page.waitForURL(/tab=fulfilment/);
    await page.getByTestId("fulfilment-orderToReady").waitFor();
    // Shipped after 20, 30, 40, 10, 20, 30 minutes in the last 7 days: median 25 min.
    await expect.poll(() => page.getByTestId("fulfilment-orderToShipped").innerText()).toContain("25 min");
    await page.waitForLoadState("networkidle");
    await screenshot(page, "e2e-hq-reports-fulfilment");
    await page.getByRole("tab", { name: "Products and categories" }).click();
    await page.getByRole("table", { name: "By product" }).locator("tbody tr").first().waitFor();
    await page.waitForLoadState("networkidle");
    await screenshot(page, "e2e-hq-reports-products");

    // Without a session the download is refused; with one, a bad period names its field.
    const anonymous = await fetch(`${app.server.baseUrl}/hq/reports/export/sales-day?from=2026-11-01&to=2026-11-30`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
    const bad = await page.evaluate(async () => {
      const r = await fetch("/hq/reports/export/sales-day?from=2025-01-01&to=2026-06-30");
      return { status: r.status, body: (await r.json()) as { fields: { path: string[] }[] } };
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]!.path).toEqual(["to"]);
    await context.close();
  }, 180_000);
});

// Issue 7 (orders and tasks) in a real browser at 1440×900: an HQ admin filters the
// network's orders (text search, late only), opens a late order and reads why it went to
// its store, cancels it with a reason, resolves an order's task in the task inbox, and
// downloads the filtered orders as CSV. Anonymous export requests are refused.
import { createOrder, sweepLateOrders } from "@oms/core";
import { createStaffWorld, orderContext, orderWorld, webPickupOrder, webShipOrder } from "@oms/core/testing";
import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

const SHOTS = "/tmp/shots/hq-orders";

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await screenshot(page, `e2e-hq-orders-${name}`);
}

describeJourney("HQ orders and tasks", () => {
  const app = useJourney(async (db) => {
    const prisma = db.prisma;
    const staff = await createStaffWorld(prisma);
    // Warsaw and Krakow stores with stock of two sizes; nothing anywhere of the third.
    const w = await orderWorld(prisma, { variants: 3, stock: [[5, 5, 0], [5, 5, 0], [0, 0, 0]] });
    const daysAgo = (d: number) => orderContext(prisma, new Date(Date.now() - d * 86_400_000));
    const late = await createOrder(webShipOrder(w, { customer: { name: "Anna Nowak", email: `anna-${w.tag}@example.com`, phone: "+48 600 100 200" } }), daysAgo(5));
    const zofia = await createOrder(
      webShipOrder(w, { customer: { name: "Zofia Zielinska", email: `zofia-${w.tag}@example.com`, phone: "+48 600 100 201" }, lines: [{ variantId: w.variants[1]!.id, quantity: 1 }] }),
      daysAgo(1),
    );
    const pickup = await createOrder(webPickupOrder(w), daysAgo(0.04));
    const marek = await createOrder(
      webShipOrder(w, { channel: "PHONE", customer: { name: "Marek Maj", email: `marek-${w.tag}@example.com`, phone: "+48 600 100 202" }, payment: { status: "PAID" } }),
      daysAgo(4),
    );
    const held = await createOrder(
      webShipOrder(w, { customer: { name: "Piotr Held", email: `piotr-${w.tag}@example.com`, phone: "+48 600 100 203" }, lines: [{ variantId: w.variants[2]!.id, quantity: 1 }] }),
      daysAgo(0.1),
    );
    // Anna's (5 days) and Marek's (4 days) shipments are past their 2-day promise.
    await sweepLateOrders(orderContext(prisma));
    const lateTask = await prisma.task.findFirstOrThrow({ where: { orderId: marek.id, kind: "LATE_SHIPMENT" } });
    return { staff, w, late, zofia, marek, held, pickup, lateTask };
  });

  async function signInAsAdmin(page: Page) {
    await signInWithPassword(page, app.server.baseUrl, app.world.staff.admin.email, /\/hq$/);
  }

  const rows = (page: Page) => page.getByRole("table", { name: "All orders" }).locator("tbody tr");

  it("filters orders, explains the routing, cancels a late order, resolves a task and exports CSV", async () => {
    const { late, zofia, marek, held, pickup, lateTask } = app.world;
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAsAdmin(page);

    // The table: every order of the network, newest first.
    await page.getByRole("link", { name: "Orders" }).click();
    await page.waitForURL(/\/hq\/orders$/);
    await page.getByRole("heading", { name: "Orders", level: 1 }).waitFor();
    await rows(page).filter({ hasText: late.number }).waitFor();
    await expect(rows(page).count()).resolves.toBe(5);
    await expect(rows(page).first().textContent()).resolves.toContain(pickup.number);
    await shot(page, "orders");

    // Text search by customer name, then by e-mail, narrows the table (and the URL).
    await page.getByRole("textbox", { name: "Search" }).fill("zielinska");
    await page.waitForURL(/q=zielinska/);
    await expect.poll(() => rows(page).count()).toBe(1);
    await rows(page).filter({ hasText: zofia.number }).waitFor();
    await page.getByRole("textbox", { name: "Search" }).fill("");
    await expect.poll(() => rows(page).count()).toBe(5);

    // Late only: Marek's and Anna's orders, promised days ago, in red.
    // The switch follows the URL, so it flips once the page has moved to ?late=1.
    await page.getByRole("switch", { name: "Late only" }).click({ force: true });
    await page.waitForURL(/late=1/);
    await expect.poll(() => rows(page).count()).toBe(2);
    const lateRow = rows(page).filter({ hasText: late.number });
    await expect(lateRow.getAttribute("data-tone")).resolves.toBe("danger");
    await expect(rows(page).first().textContent()).resolves.toContain(marek.number);
    await shot(page, "orders-late");

    // The CSV export is the filtered set.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{8}-\d{4}\.csv$/);
    const csv = readFileSync(await download.path()).toString("utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^Number,Placed at \(UTC\),Channel/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(marek.number);
    expect(lines[2]).toContain(late.number);
    expect(lines.slice(1).every((line) => line.includes(",yes,"))).toBe(true);
    // Without a session the export is refused.
    expect((await fetch(`${app.server.baseUrl}/hq/orders/export?late=1`)).status).toBe(401);

    // The order: header, lines, fulfillment and the routing decision as sentences.
    await lateRow.getByRole("link", { name: late.number }).click();
    await page.waitForURL(new RegExp(`/hq/orders/${late.id}$`));
    await page.getByRole("heading", { name: `Order ${late.number}`, level: 1 }).waitFor();
    const routing = page.getByTestId("routing-latest");
    await routing.getByText(/^Sent to Krakow: had all 2 items, [\d.]+ km from the customer\.$/).waitFor();
    await expect(routing.getByText(/^Not chosen: Warsaw \(ranked #2, [\d.,]+ km away\)/).isVisible()).resolves.toBe(true);
    await expect(page.getByText("Late", { exact: true }).first().isVisible()).resolves.toBe(true);
    await shot(page, "order-detail");

    // Cancel: a reason is required, then the order is cancelled and says why.
    await page.getByRole("button", { name: "Cancel order" }).click();
    const dialog = page.getByRole("dialog", { name: `Cancel order ${late.number}?` });
    await dialog.getByRole("button", { name: "Cancel the order" }).click();
    await dialog.getByText("Give a reason for the cancellation").waitFor();
    await dialog.getByRole("textbox", { name: "Reason" }).fill("The customer no longer needs it");
    await shot(page, "order-cancel");
    await dialog.getByRole("button", { name: "Cancel the order" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("The customer no longer needs it").first().waitFor();
    await page.locator(".mantine-Badge-root", { hasText: /^Cancelled$/ }).first().waitFor();
    await expect(page.getByRole("button", { name: "Cancel order" }).count()).resolves.toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "order-cancelled");

    // The task inbox: every store's tasks and head office's; the held order's check is there.
    await page.getByRole("link", { name: "Tasks" }).click();
    await page.waitForURL(/\/hq\/tasks$/);
    await page.getByRole("heading", { name: "Tasks", level: 1 }).waitFor();
    const taskTable = page.getByRole("table", { name: "Task inbox" });
    await taskTable.locator("tbody tr").filter({ hasText: held.number }).first().waitFor();
    await shot(page, "tasks");
    // Marek's late shipment, found by the order number (its pick task too), resolved with a note.
    await page.getByRole("textbox", { name: "Search" }).fill(marek.number);
    await expect.poll(() => taskTable.locator("tbody tr").count()).toBe(2);
    await taskTable.getByRole("button", { name: `Resolve: ${lateTask.title}` }).click();
    const resolve = page.getByRole("dialog", { name: "Resolve task" });
    await resolve.getByRole("textbox", { name: "What did you do?" }).fill("Stock is coming in on Monday; the customer agreed to wait");
    await shot(page, "task-resolve");
    await resolve.getByRole("button", { name: "Resolve task" }).click();
    await resolve.waitFor({ state: "hidden" });
    await expect.poll(() => taskTable.locator("tbody tr").count()).toBe(1);
    await expect(taskTable.getByRole("button", { name: `Resolve: ${lateTask.title}` }).count()).resolves.toBe(0);
    await shot(page, "tasks-resolved");

    // The order's timeline says the task was resolved.
    await taskTable.getByRole("link", { name: marek.number }).click();
    await page.waitForURL(new RegExp(`/hq/orders/${marek.id}$`));
    await page.getByText(/Task ".*" resolved: Stock is coming in on Monday/).waitFor();
    await page.close();
  });
});

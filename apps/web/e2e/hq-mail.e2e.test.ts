// Customer notifications in a real browser: a "ready for pickup" message queued before the
// server starts is sent by the server's own job runner (log provider) and shows up as Sent
// in HQ › Mail; opening it shows the e-mail as the customer sees it (sandboxed iframe with
// the pickup QR code) and its plain text; a failed message can be queued again.
import { queueNotification } from "@oms/core";
import { createStaffWorld } from "@oms/core/testing";
import { createPaymentTestOrder } from "@oms/payments/testing";
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

const SHOTS = "/tmp/shots/mail";

async function shot(page: Page, name: string) {
  // The CI artifact (git-ignored e2e/screenshots) and the local review copy.
  await screenshot(page, `e2e-hq-mail-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

describeJourney("HQ mail log", () => {
  const app = useJourney(async (db) => {
    const world = await createStaffWorld(db.prisma);
    const ctx = { db: db.prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
    const order = await createPaymentTestOrder(db.prisma, { locationId: world.storeA.id, price: 4_990, payment: { status: "PAID" } });
    const fulfillment = order.fulfillmentOrders[0]!;
    const ready = await queueNotification({ template: "pickup.ready", orderId: order.id, fulfillmentOrderId: fulfillment.id }, ctx);
    // One that already gave up (as after five refused tries), to send again.
    const failed = await queueNotification({ template: "pos.receipt", orderId: order.id, to: { email: "typo@example.invalid" } }, ctx);
    await db.prisma.notification.update({ where: { id: failed!.id }, data: { status: "FAILED", attempts: 5, lastError: "550 5.1.1 Recipient address rejected: User unknown" } });
    const code = (await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: fulfillment.id } })).pickupCode!;
    return { ...world, order, ready: ready!, failed: failed!, code };
  });

  it("shows the message the server's job runner sent, opens it, and queues a failed one again", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { admin, order, ready, code } = app.world;
    await signInWithPassword(page, app.server.baseUrl, admin.email, /\/hq$/);

    await page.getByRole("link", { name: "Mail" }).click();
    await page.waitForURL(/\/hq\/mail$/);
    await page.getByRole("heading", { name: "Mail", level: 1 }).waitFor();
    const readyRow = page.getByRole("row").filter({ hasText: ready.subject });
    // QUEUED when seeded; the job runner sends it within seconds and the log refreshes itself.
    await readyRow.getByText("Sent", { exact: true }).waitFor({ timeout: 30_000 });
    await expect(readyRow.getByRole("cell", { name: order.number, exact: true }).isVisible()).resolves.toBe(true);
    const failedRow = page.getByRole("row").filter({ hasText: "typo@example.invalid" });
    await failedRow.getByText("Failed", { exact: true }).waitFor();
    await shot(page, "mail-log");

    // Filters run on the server.
    await page.locator("label").filter({ hasText: /^Failed \(/ }).click();
    await readyRow.waitFor({ state: "detached" });
    await expect(failedRow.isVisible()).resolves.toBe(true);
    await page.locator("label").filter({ hasText: /^All \(/ }).click();
    await readyRow.waitFor();

    await readyRow.getByRole("button", { name: `Open the message “${ready.subject}”` }).click();
    const drawer = page.getByRole("dialog", { name: ready.subject });
    await drawer.waitFor();
    await drawer.getByText("log", { exact: true }).waitFor();
    const frame = drawer.locator("iframe");
    expect(await frame.getAttribute("sandbox")).toBe("");
    const mail = page.frameLocator(`iframe[title="Preview of “${ready.subject}”"]`);
    await mail.getByText(code, { exact: true }).waitFor();
    const qr = mail.getByRole("img", { name: `QR code for pickup code ${code}` });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    // Scripts never run inside the preview, whatever the stored HTML says.
    const reach = await frame.evaluate((el) => {
      try {
        return (el as HTMLIFrameElement).contentWindow?.document.body ? "readable" : "blocked";
      } catch {
        return "blocked";
      }
    });
    expect(reach).toBe("blocked");
    await shot(page, "mail-message");
    await drawer.getByRole("tab", { name: "Plain text" }).click();
    await drawer.getByText(`Pickup code: ${code}`).waitFor();
    await drawer.getByRole("button", { name: "Close" }).click();
    await drawer.waitFor({ state: "hidden" });

    await failedRow.getByRole("button", { name: /^Open the message/ }).click();
    const failedDrawer = page.getByRole("dialog").filter({ hasText: "typo@example.invalid" });
    await failedDrawer.getByText("550 5.1.1 Recipient address rejected").waitFor();
    await shot(page, "mail-failed");
    await failedDrawer.getByRole("button", { name: "Send again" }).click();
    await page.getByText("The message to typo@example.invalid is queued again.").waitFor();
    // The log provider accepts it on the next run: Sent.
    await failedRow.getByText("Sent", { exact: true }).waitFor({ timeout: 30_000 });
    await page.close();
  });
});

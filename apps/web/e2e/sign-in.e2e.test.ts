// The foundation's promise, in a real browser: the admin signs in with e-mail and password
// and reaches HQ; a cashier signs in by PIN at the store's device and reaches the POS, but
// is told plainly that HQ is not for them; a wrong password says so without a reload.
import { createStaffWorld, TEST_PASSWORD, TEST_PIN } from "@oms/core/testing";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";

describeJourney("sign-in journeys", () => {
  const app = useJourney((db) => createStaffWorld(db.prisma));

  it("answers the health check with the database state", async () => {
    const response = await fetch(`${app.server.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; database: { ok: boolean; migrations: { pending: unknown[] } } };
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.database.migrations.pending).toEqual([]);
  });

  it("sends anonymous visitors to the sign-in page", async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.baseUrl}/hq`);
    await page.waitForURL(/\/login\?callbackUrl=%2Fhq/);
    await expect(page.getByRole("heading", { name: "Sign in" }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("signs the admin in with e-mail and password and shows HQ", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.server.baseUrl}/login`);
    await page.getByRole("textbox", { name: "E-mail" }).fill(app.world.admin.email);
    await page.getByLabel(/^Password/).fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "The e-mail address or password is not right." }).waitFor();

    await page.getByLabel(/^Password/).fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/hq$/);
    // HQ's home is the network overview, signed in as the admin.
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    await page.getByText(app.world.admin.name).first().waitFor();
    await screenshot(page, "e2e-hq-admin");
    await page.close();
  });

  it("signs a cashier in by PIN at the store's device, and refuses HQ with a clear page", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${app.server.baseUrl}/login`);
    await page.getByText("Store PIN").click();
    await page.getByText(app.world.storeA.name).click();
    await page.getByText(app.world.cashierA.name).click();
    await page.keyboard.type(TEST_PIN);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/pos$/);
    await page.getByText(app.world.cashierA.name).first().waitFor();
    await screenshot(page, "e2e-pos-cashier");

    const response = await page.goto(`${app.server.baseUrl}/hq`);
    expect(response?.status()).toBe(403);
    await page.getByText("Not allowed").waitFor();
    await expect(page.getByText(/cannot open Headquarters/).isVisible()).resolves.toBe(true);
    await screenshot(page, "e2e-hq-forbidden");
    await context.close();
  });
});

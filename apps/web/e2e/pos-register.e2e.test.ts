// Issue 5 in a real browser, at the till (1024×768, touch): a cashier signs in by PIN,
// chooses Register 1, counts the float by denomination and opens it; puts change in; the
// manager, on another device, sees the register open with the expected cash (and it moves
// live when the cashier takes a bank drop out) and reads the X report; the cashier closes
// with a blind count that is €7 short, is asked for a note, and prints the Z report.
import { createStaffWorld, createTestUser, TEST_PASSWORD, TEST_PIN } from "@oms/core/testing";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot, screenshotDir } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";

// Also kept outside the repository for reviewing a run (SHOTS_DIR to change).
const reviewDir = process.env.SHOTS_DIR ?? "/tmp/shots/register";

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `e2e-register-${name}`);
  mkdirSync(reviewDir, { recursive: true });
  copyFileSync(join(screenshotDir, `e2e-register-${name}.png`), join(reviewDir, `${name}.png`));
}

describeJourney("Register sessions with cash control", () => {
  const app = useJourney(async (db) => {
    const prisma = db.prisma;
    const world = await createStaffWorld(prisma);
    await prisma.organizationSettings.upsert({
      where: { id: 1 },
      create: { id: 1, name: "Northwind (e2e)", reportingCurrency: "EUR", cashVarianceNoteThreshold: 500 },
      update: { cashVarianceNoteThreshold: 500 },
    });
    const clara = await createTestUser(prisma, { role: "CASHIER", locationId: world.storeA.id, name: "Clara Cashier", email: `clara-${randomUUID()}@test.example` });
    const max = await createTestUser(prisma, { role: "MANAGER", locationId: world.storeA.id, name: "Max Manager", email: `max-${randomUUID()}@test.example` });
    const r1 = await prisma.register.create({ data: { locationId: world.storeA.id, code: "R1", name: "Register 1" } });
    await prisma.register.create({ data: { locationId: world.storeA.id, code: "R2", name: "Register 2" } });
    return { store: { id: world.storeA.id, name: world.storeA.name }, clara: { name: clara.name }, max: { email: max.email, name: max.name }, register1: r1.id };
  });

  /** The count row of one denomination (minor units). */
  const row = (page: Page, denomination: number) => page.locator(`[data-testid="count-row"][data-denomination="${denomination}"]`);
  const total = (page: Page) => page.getByTestId("count-total").locator("[data-amount]");

  it("opens a register on a counted float, moves cash, shows the X report and closes blind with a note and a Z report", async () => {
    const till = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await till.newPage();
    // PIN at the store's device.
    await page.goto(`${app.server.baseUrl}/login`);
    await page.getByText("Store PIN").click();
    await page.getByText(app.world.store.name).click();
    await page.getByText(app.world.clara.name).click();
    await page.keyboard.type(TEST_PIN);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/pos$/);
    const card1 = page.getByTestId("register-card").filter({ hasText: "Register 1" });
    await card1.getByText("Closed", { exact: true }).waitFor();
    await expect(page.getByTestId("register-card").count()).resolves.toBe(2);
    await shot(page, "01-landing");

    // Count the float: 2 × €50 with the + button, 4 × €20 and 10 × €1 typed, 4 × €5.
    await card1.getByRole("link", { name: "Count float and open" }).click();
    await page.waitForURL(/\/pos\/register\?register=/);
    await page.getByRole("heading", { name: "Count the float" }).waitFor();
    expect(await page.evaluate((id) => localStorage.getItem(`oms.pos.register.${id}`), app.world.store.id)).toBe(app.world.register1);
    await row(page, 5000).getByRole("button", { name: /more$/ }).click();
    await row(page, 5000).getByRole("button", { name: /more$/ }).click();
    await row(page, 2000).getByRole("textbox").fill("4");
    await row(page, 500).getByRole("textbox").fill("5");
    await row(page, 500).getByRole("button", { name: /less$/ }).click();
    await row(page, 100).getByRole("textbox").fill("10");
    await expect.poll(() => total(page).getAttribute("data-amount")).toBe("21000");
    await shot(page, "02-count-float");
    await page.getByRole("button", { name: /^Open register with/ }).click();
    await page.getByRole("button", { name: "Cash in" }).waitFor();
    // A cashier does not see the expected cash, nor the X report.
    await expect(page.getByTestId("expected-cash").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "X report" }).count()).resolves.toBe(0);

    // Cash in: change from the bank.
    await page.getByRole("button", { name: "Cash in" }).click();
    const cashIn = page.getByRole("dialog", { name: "Put cash into the drawer" });
    await cashIn.getByRole("textbox", { name: /^Amount/ }).fill("25,00");
    await cashIn.getByRole("button", { name: "Put cash in" }).click();
    await cashIn.getByText("Say why the cash goes in or out (at least 3 characters).").waitFor();
    await cashIn.getByRole("textbox", { name: /^Reason/ }).fill("Change from the bank");
    await page.waitForTimeout(300);
    await shot(page, "03-cash-in");
    await cashIn.getByRole("button", { name: "Put cash in" }).click();
    await cashIn.waitFor({ state: "hidden" });
    await page.getByTestId("movements").getByText("Change from the bank").waitFor();
    await shot(page, "04-session");

    // The manager's device: every register of the store, live.
    const office = await app.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const manager = await office.newPage();
    await manager.goto(`${app.server.baseUrl}/login`);
    await manager.getByRole("textbox", { name: "E-mail" }).fill(app.world.max.email);
    await manager.getByLabel(/^Password/).fill(TEST_PASSWORD);
    await manager.getByRole("button", { name: "Sign in", exact: true }).click();
    await manager.waitForURL(/\/pos$/);
    const managerCard = manager.getByTestId("register-card").filter({ hasText: "Register 1" });
    await managerCard.getByText(`Opened by ${app.world.clara.name}`).waitFor();
    await managerCard.locator('[data-testid="expected-cash"] [data-amount="23500"]').waitFor();

    // A bank drop at the till shows on the manager's screen without a reload.
    await page.getByRole("button", { name: "Cash out" }).click();
    const cashOut = page.getByRole("dialog", { name: "Take cash out of the drawer" });
    await cashOut.getByRole("textbox", { name: /^Amount/ }).fill("10");
    await cashOut.getByRole("textbox", { name: /^Reason/ }).fill("Bank drop");
    await cashOut.getByRole("button", { name: "Take cash out" }).click();
    await cashOut.waitFor({ state: "hidden" });
    await managerCard.locator('[data-testid="expected-cash"] [data-amount="22500"]').waitFor({ timeout: 20_000 });
    await shot(manager, "05-manager-overview");

    await managerCard.getByRole("link", { name: "Continue session" }).click();
    await manager.getByRole("button", { name: "X report" }).click();
    const x = manager.getByRole("dialog", { name: "X report: Register 1" });
    await x.getByTestId("report-expected").waitFor();
    await expect(x.getByTestId("report-expected").innerText()).resolves.toMatch(/225,00/);
    await manager.waitForTimeout(300);
    await shot(manager, "06-x-report");
    await manager.keyboard.press("Escape");
    await x.waitFor({ state: "hidden" });

    // Blind close: €225.00 expected, €218.00 counted (4 × €50, 1 × €10, 1 × €5, 3 × €1).
    await page.getByRole("button", { name: "Close register" }).click();
    await page.getByRole("heading", { name: "Close the register: count the drawer" }).waitFor();
    expect(await page.getByText("Expected cash").count()).toBe(0);
    await row(page, 5000).getByRole("textbox").fill("4");
    await row(page, 1000).getByRole("textbox").fill("1");
    await row(page, 500).getByRole("textbox").fill("1");
    await row(page, 100).getByRole("textbox").fill("3");
    await expect.poll(() => total(page).getAttribute("data-amount")).toBe("21800");
    await page.getByRole("button", { name: /^Submit count of/ }).click();
    const figures = page.getByTestId("variance-figures");
    await figures.locator('[data-amount="-700"]').waitFor();
    await expect(figures.locator('[data-amount="22500"]').count()).resolves.toBe(1);
    await figures.getByText(/The drawer is €7\.00 short/).waitFor();
    await shot(page, "07-variance-note");
    await figures.getByRole("textbox", { name: /^Note on the difference/ }).fill("Gave change from €50 instead of €20 at lunch");
    await page.getByRole("button", { name: "Close with this note" }).click();

    const z = page.getByTestId("z-report");
    await z.waitFor();
    await expect(z.getByTestId("report-counted").innerText()).resolves.toMatch(/218,00/);
    await expect(z.getByTestId("report-variance").innerText()).resolves.toMatch(/-7,00|−7,00/);
    await z.getByText(/Gave change from €50/).waitFor();
    await shot(page, "08-z-report");

    // On paper: a receipt roll (80 mm ≈ 302 CSS px) and A4 (794 px).
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 302, height: 768 });
    await shot(page, "09-z-print-80mm");
    await page.setViewportSize({ width: 794, height: 1123 });
    await shot(page, "10-z-print-a4");
    await page.emulateMedia({ media: "screen" });

    // The manager's overview shows Register 1 closed, with its Z report.
    await manager.goto(`${app.server.baseUrl}/pos`);
    await managerCard.getByText("Closed", { exact: true }).waitFor();
    await managerCard.getByRole("link", { name: "Last Z report" }).click();
    await manager.getByTestId("z-report").getByText(/Gave change from €50/).waitFor();
    await shot(manager, "11-z-reprint");
    await till.close();
    await office.close();
  }, 240_000);
});

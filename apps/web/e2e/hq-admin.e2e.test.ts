// Issue 7's administration in a real browser: an admin edits a store's opening hours and
// daily capacity (a field error first, in place), adds a cashier who signs in elsewhere,
// deactivates them (their open session ends at its next request), and finds both changes
// in the audit log with their values before and after. Settings and webhook endpoints are
// saved through their screens too; every screen is photographed at 1440×900.
import { createStaffWorld, TEST_PASSWORD } from "@oms/core/testing";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

describeJourney("HQ administration", () => {
  const app = useJourney(async (db) => {
    const world = await createStaffWorld(db.prisma);
    await db.prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Northwind Retail", reportingCurrency: "EUR" }, update: {} });
    const hours = { mon: [{ open: "09:00", close: "19:00" }], tue: [{ open: "09:00", close: "19:00" }], wed: [{ open: "09:00", close: "19:00" }], thu: [{ open: "09:00", close: "19:00" }], fri: [{ open: "09:00", close: "19:00" }], sat: [], sun: [] };
    await db.prisma.location.update({ where: { id: world.storeA.id }, data: { openingHours: hours, dailyCapacity: 60, phone: "+49 30 1234567" } });
    await db.prisma.apiKey.create({ data: { name: "Web shop", prefix: "oms_e2eadmin", secretHash: "0".repeat(64), channel: "WEB", scopes: ["orders:read"] } });
    return world;
  });

  async function signIn(page: Page, email: string, landing: RegExp) {
    await signInWithPassword(page, app.server.baseUrl, email, landing);
  }

  it("edits a store's hours and capacity, adds and deactivates a cashier, and both show in the audit log", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { admin, storeA } = app.world;
    await signIn(page, admin.email, /\/hq$/);

    // ── Locations: the table, then one store ──
    await page.getByRole("link", { name: "Locations", exact: true }).click();
    await page.waitForURL(/\/hq\/locations$/);
    await page.getByRole("heading", { name: "Locations", level: 1 }).waitFor();
    const row = page.getByRole("row").filter({ hasText: storeA.code });
    await row.getByText("60 a day").waitFor();
    await screenshot(page, "e2e-hq-locations");
    await page.getByRole("textbox", { name: "Search" }).fill(storeA.code);
    await expect(page.getByRole("row").count()).resolves.toBeGreaterThan(1);
    await row.getByRole("link", { name: storeA.code }).click();
    await page.waitForURL(new RegExp(`/hq/locations/${storeA.id}$`));
    await page.getByRole("heading", { name: storeA.name, level: 1 }).waitFor();

    // A Monday that closes before it opens is refused on that box, nothing saved.
    await page.getByLabel("Monday, range 1: closes at").fill("08:00");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Closes before it opens: the closing time must be after the opening time").waitFor();
    await page.getByText("Some values need attention: see the marked fields.").waitFor();
    await page.getByLabel("Monday, range 1: closes at").fill("13:00");
    await page.getByRole("button", { name: "Add a range on Monday" }).click();
    await page.getByLabel("Monday, range 2: opens at").fill("14:00");
    await page.getByLabel("Monday, range 2: closes at").fill("20:00");
    await page.getByRole("switch", { name: "Open on Saturday" }).check();
    await page.getByLabel("Saturday, range 1: opens at").fill("10:00");
    await page.getByLabel("Saturday, range 1: closes at").fill("16:00");
    await page.getByRole("textbox", { name: "Daily capacity" }).fill("120");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText(`Changes to ${storeA.name} were saved`).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "e2e-hq-location");
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Daily capacity" }).inputValue()).resolves.toMatch(/^120/);
    await expect(page.getByLabel("Saturday, range 1: closes at").inputValue()).resolves.toBe("16:00");

    // ── Staff: add a cashier, who signs in on another device ──
    await page.getByRole("link", { name: "Staff", exact: true }).click();
    await page.waitForURL(/\/hq\/staff$/);
    await page.getByRole("heading", { name: "Staff", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Add person" }).click();
    const form = page.getByRole("dialog", { name: "Add a person" });
    const email = `ada-${Date.now()}@test.example`;
    await form.getByRole("textbox", { name: "Name" }).fill("Ada Cashier");
    await form.getByRole("textbox", { name: "E-mail" }).fill(email);
    await form.getByRole("button", { name: "Add person" }).click();
    // Store roles need a home store: said on that field.
    await form.getByText("Choose the home store: store roles work at one store").waitFor();
    await form.getByLabel(/^Home store/).first().click();
    await page.getByRole("option", { name: new RegExp(storeA.name) }).click();
    await form.getByLabel(/^Password/).fill(TEST_PASSWORD);
    await form.getByLabel(/^PIN/).fill("1357");
    await form.getByRole("button", { name: "Add person" }).click();
    await form.waitFor({ state: "hidden" });
    const person = page.getByRole("row").filter({ hasText: email });
    await person.getByText("Active", { exact: true }).waitFor();
    await expect(person.getByText(storeA.name).isVisible()).resolves.toBe(true);
    await screenshot(page, "e2e-hq-staff");

    const other = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const till = await other.newPage();
    await signIn(till, email, /\/pos$/);

    // ── Deactivate: the cashier's session ends at once ──
    await person.getByRole("button", { name: "More for Ada Cashier" }).click();
    await page.getByRole("menuitem", { name: "Deactivate" }).click();
    const confirm = page.getByRole("dialog", { name: "Deactivate Ada Cashier?" });
    await confirm.getByRole("button", { name: "Deactivate" }).click();
    await page.getByText("Ada Cashier was deactivated and signed out everywhere").waitFor();
    await till.reload();
    await till.waitForURL(/\/login/);
    await other.close();
    await page.locator("label").filter({ hasText: /^Deactivated$/ }).click();
    await person.getByText("Deactivated", { exact: true }).waitFor();

    // ── Audit log: both changes, with before and after ──
    await page.getByRole("link", { name: "Audit log", exact: true }).click();
    await page.waitForURL(/\/hq\/audit$/);
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await page.getByRole("row").filter({ hasText: "Person added" }).filter({ hasText: "Ada Cashier" }).waitFor();
    await page.getByRole("row").filter({ hasText: "Person deactivated" }).filter({ hasText: "Ada Cashier" }).waitFor();
    const change = page.getByRole("row").filter({ hasText: "Location changed" }).filter({ hasText: storeA.code });
    await change.getByText("Opening hours, Daily capacity", { exact: true }).waitFor();
    await screenshot(page, "e2e-hq-audit");
    await change.getByRole("button", { name: "Open the entry Location changed" }).click();
    const drawer = page.getByRole("dialog", { name: "Location changed" });
    const capacity = drawer.getByRole("row").filter({ hasText: "Daily capacity" });
    await expect(capacity.getByRole("cell").nth(1).textContent()).resolves.toBe("60");
    await expect(capacity.getByRole("cell").nth(2).textContent()).resolves.toBe("120");
    await drawer.getByText("Mon 09:00–13:00, 14:00–20:00").waitFor();
    await drawer.getByText("Sat 10:00–16:00").waitFor();
    await screenshot(page, "e2e-hq-audit-entry");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    // Filters run on the server and the export carries them.
    await page.getByLabel("Kind of record").first().click();
    await page.getByRole("option", { name: "Person", exact: true }).click();
    await change.waitFor({ state: "detached" });
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toContain("entityType=User");
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    expect(csv).toContain("user.deactivated");
    expect(csv).not.toContain("location.updated");
    await page.close();
  });

  it("saves the reporting tax setting and adds a webhook endpoint whose secret shows once", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, app.world.admin.email, /\/hq$/);

    await page.goto(`${app.server.baseUrl}/hq/settings`);
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    const taxSwitch = page.getByRole("switch", { name: "Reports show prices with tax included" });
    await expect(taxSwitch.isChecked()).resolves.toBe(true);
    await taxSwitch.uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "e2e-hq-settings");
    await page.reload();
    await expect(page.getByRole("switch", { name: "Reports show prices with tax included" }).isChecked()).resolves.toBe(false);

    await page.goto(`${app.server.baseUrl}/hq/integrations`);
    await page.getByRole("heading", { name: "Integrations", level: 1 }).waitFor();
    await page.getByText("No webhook endpoints yet").waitFor();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const form = page.getByRole("dialog", { name: "Add a webhook endpoint" });
    await form.getByRole("textbox", { name: "URL" }).fill("ftp://shop.example");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await form.getByText("Give an http:// or https:// URL").waitFor();
    await form.getByRole("textbox", { name: "URL" }).fill("https://shop.example/oms-hooks");
    await form.getByRole("checkbox", { name: /fulfillment\.changed/ }).check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    const created = page.getByRole("dialog", { name: "Endpoint added" });
    const secret = await created.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await created.getByRole("button", { name: "I have copied the secret" }).click();
    const endpoint = page.getByRole("row").filter({ hasText: "https://shop.example/oms-hooks" });
    await endpoint.getByText("Active", { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, "e2e-hq-integrations-admin");

    await page.goto(`${app.server.baseUrl}/hq/audit`);
    await page.getByRole("row").filter({ hasText: "Settings changed" }).waitFor();
    await page.getByRole("row").filter({ hasText: "Webhook endpoint added" }).waitFor();
    await page.close();
  });
});

// Issue 7 (routing rules) in a real browser at 1440×900: an HQ admin edits the Polish rule
// so that the location with the most stock comes before the nearest, simulates a Kraków
// order against the draft (the warehouse, and why Kraków's own store was not chosen) and
// against the saved rules (Kraków's store), replays the last 30 days of orders to compare
// the two, then saves the draft: the rule is stored with an audit row.
import { createOrder, createRoutingRule, type DomainContext } from "@oms/core";
import { createTestUser } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

/** The whole page from the top (a full-page shot taken while scrolled repeats the fixed header mid-page). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `e2e-hq-routing-${name}`);
}
const DAY = 86_400_000;

/** A Polish network with real positions (three stores and a warehouse), a German store, stock, two rules and three weeks of web orders. */
async function seed(prisma: PrismaClient) {
  const system = (daysAgo = 0): DomainContext => ({ db: prisma, actor: { kind: "SYSTEM" }, now: new Date(Date.now() - daysAgo * DAY) });
  await prisma.organizationSettings.upsert({ where: { id: 1 }, update: {}, create: { id: 1, name: "Northwind test", reportingCurrency: "PLN" } });
  await prisma.market.create({ data: { code: "PL", name: "Poland", currency: "PLN", countries: ["PL"] } });
  await prisma.market.create({ data: { code: "DE", name: "Germany", currency: "EUR", countries: ["DE"] } });
  const location = (code: string, name: string, kind: "STORE" | "WAREHOUSE", city: string, postalCode: string, latitude: number, longitude: number, market = "PL") =>
    prisma.location.create({
      data: {
        code,
        name,
        kind,
        marketCode: market,
        addressLine1: "Main street 1",
        city,
        postalCode,
        countryCode: market,
        latitude,
        longitude,
        timeZone: market === "PL" ? "Europe/Warsaw" : "Europe/Berlin",
        currency: market === "PL" ? "PLN" : "EUR",
        locale: market === "PL" ? "pl-PL" : "de-DE",
        taxRateBps: 2300,
        pricesIncludeTax: true,
        fulfillmentTypes: kind === "STORE" ? ["CARRY_OUT", "PICKUP", "SHIP"] : ["SHIP"],
        dailyCapacity: kind === "WAREHOUSE" ? 400 : 40,
        openingHours: {},
      },
    });
  const waw = await location("WAW1", "Warszawa Centrum", "STORE", "Warszawa", "00-001", 52.2297, 21.0122);
  const krk = await location("KRK1", "Kraków Rynek", "STORE", "Kraków", "31-042", 50.0619, 19.9369);
  const gdn = await location("GDN1", "Gdańsk Długa", "STORE", "Gdańsk", "80-827", 54.3489, 18.6532);
  const wh = await location("WH1", "Stryków warehouse", "WAREHOUSE", "Stryków", "95-010", 51.9013, 19.6025);
  await location("BER1", "Berlin Mitte", "STORE", "Berlin", "10117", 52.52, 13.405, "DE");

  const category = await prisma.category.create({ data: { slug: "e2e-routing-gear", name: "Gear" } });
  const product = await prisma.product.create({ data: { handle: "e2e-ridge-tent", name: "Ridge Tent 2P", categoryId: category.id } });
  const jacketProduct = await prisma.product.create({ data: { handle: "e2e-storm-jacket", name: "Storm Jacket", categoryId: category.id } });
  const variant = (productId: string, sku: string, name: string) =>
    prisma.variant.create({ data: { productId, sku, name, prices: { create: [{ currency: "PLN", amount: 89_900 }] } } });
  const tent = await variant(product.id, "RT-2P-GRN", "Green");
  const jacketM = await variant(jacketProduct.id, "SJ-BLU-M", "Blue / M");
  const jacketL = await variant(jacketProduct.id, "SJ-BLU-L", "Blue / L");
  // Stores hold a few; the warehouse holds a lot.
  const stock: [string, number[]][] = [
    [tent.id, [3, 8, 2, 60]],
    [jacketM.id, [4, 2, 3, 40]],
    [jacketL.id, [2, 1, 0, 30]],
  ];
  const { receiveStock } = await import("@oms/core");
  for (const [variantId, units] of stock) {
    for (const [i, l] of [waw, krk, gdn, wh].entries()) {
      if (units[i]! > 0) await receiveStock({ locationId: l.id, lines: [{ variantId, quantity: units[i]! }] }, system(30));
    }
  }

  await createRoutingRule(
    {
      name: "Poland: nearest first",
      priority: 1,
      marketCode: "PL",
      filters: { stayInMarket: true, respectCapacity: true, locationKinds: ["STORE", "WAREHOUSE"] },
      ranking: ["DISTANCE", "STOCK_DEPTH", "LOAD"],
      splitPolicy: "WHEN_NEEDED",
      fallbacks: ["BACKORDER"],
    },
    system(30),
  );
  await createRoutingRule(
    { name: "Germany: Berlin only", priority: 2, marketCode: "DE", filters: { maxDistanceKm: 600 }, ranking: ["DISTANCE"], splitPolicy: "NEVER", fallbacks: ["DROPSHIP"] },
    system(30),
  );

  // Web orders of the last three weeks from four cities: each goes to its nearest store today.
  const customers = [
    { name: "Anna Nowak", city: "Kraków", postalCode: "31-001", latitude: 50.0647, longitude: 19.945 },
    { name: "Jan Kowalski", city: "Warszawa", postalCode: "00-950", latitude: 52.2319, longitude: 21.0067 },
    { name: "Ewa Wiśniewska", city: "Gdańsk", postalCode: "80-001", latitude: 54.352, longitude: 18.6466 },
    { name: "Piotr Zieliński", city: "Łódź", postalCode: "90-001", latitude: 51.7592, longitude: 19.456 },
  ];
  const items = [tent, jacketM, jacketM, jacketL];
  for (let i = 0; i < 16; i++) {
    const c = customers[i % customers.length]!;
    const v = items[i % items.length]!;
    await createOrder(
      {
        channel: "WEB",
        customer: { name: c.name, email: `customer${i}@example.com`, phone: "+48 600 100 200" },
        currency: "PLN",
        lines: [{ variantId: v.id, quantity: 1 }],
        fulfillment: { type: "SHIP", address: { name: c.name, line1: "Ulica 1", city: c.city, postalCode: c.postalCode, countryCode: "PL", latitude: c.latitude, longitude: c.longitude } },
        payment: { status: "PAID", reference: `pi_e2e_${i}` },
      },
      system(20 - i),
    );
  }
  const admin = await createTestUser(prisma, { role: "ADMIN" });
  return { admin };
}

describeJourney("HQ routing", () => {
  const app = useJourney((db) => seed(db.prisma));

  it("edits a rule, simulates against the draft and the saved rules, replays recent orders and saves", async () => {
    const { admin } = app.world;
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInWithPassword(page, app.server.baseUrl, admin.email, /\/hq$/);

    await page.getByRole("link", { name: "Routing" }).click();
    await page.waitForURL(/\/hq\/routing$/);
    await page.getByRole("heading", { name: "Routing", level: 1 }).waitFor();
    const rules = page.getByTestId("routing-rule");
    await expect.poll(() => rules.count()).toBe(2);
    await expect(rules.first().innerText()).resolves.toMatch(/Poland: nearest first[\s\S]*Poland orders · any channel · any delivery[\s\S]*Prefers the nearest, then the most stock, then the least busy/);
    await shot(page, "rules");

    // Edit: the most stock comes first, then the nearest.
    await page.getByRole("button", { name: "Edit Poland: nearest first" }).click();
    const dialog = page.getByRole("dialog", { name: "Routing rule 1" });
    await dialog.waitFor();
    await dialog.getByRole("textbox", { name: "Name" }).fill("Poland: deepest stock first");
    await dialog.getByRole("button", { name: "Move Most stock of the ordered items up" }).click();
    await expect(dialog.getByTestId("rule-ranking").innerText()).resolves.toMatch(/1\. Most stock of the ordered items[\s\S]*2\. Nearest to the customer/);
    await shot(page, "rule-form");
    await dialog.getByRole("button", { name: "Apply to draft" }).click();
    await dialog.waitFor({ state: "hidden" });
    const bar = page.getByTestId("routing-draft-bar");
    await bar.getByText("Unsaved draft: 1 edited.").waitFor();
    await expect(rules.first().innerText()).resolves.toMatch(/Poland: deepest stock first[\s\S]*Edited[\s\S]*Prefers the most stock, then the nearest/i);

    // Simulate a Kraków order of two tents through the draft: the warehouse, not Kraków's store.
    await page.getByRole("combobox", { name: "Where to" }).click();
    await page.getByRole("option", { name: "Kraków (PL)" }).click();
    await page.getByRole("combobox", { name: "Item (SKU or name)" }).fill("RT-2P");
    await page.getByRole("option", { name: /RT-2P-GRN/ }).click();
    await page.getByRole("textbox", { name: "Quantity of item 1" }).fill("2");
    await page.getByTestId("sim-run").click();
    const result = page.getByTestId("simulation-result");
    await result.waitFor();
    await expect(result.getByTestId("routing-sent").innerText()).resolves.toMatch(/^Would ship from Stryków warehouse: had all 2 items, 2\d\d(\.\d)? km from the customer\.$/);
    await expect(result.getByTestId("routing-not-chosen").innerText()).resolves.toMatch(/Not chosen: Kraków Rynek \(ranked #\d, 0\.\d km away\)/);
    await expect(result.locator('[data-code="BER1"]').innerText()).resolves.toMatch(/different market/);
    await result.getByText("Draft rules, rule: Poland: deepest stock first").waitFor();
    await shot(page, "simulate-draft");

    // The same order through the saved rules: Kraków's own store.
    await page.locator("label").filter({ hasText: /^Saved rules$/ }).click();
    await page.getByTestId("sim-run").click();
    await expect.poll(() => result.getByTestId("routing-sent").innerText()).toMatch(/^Would ship from Kraków Rynek: had all 2 items, 0\.\d km from the customer\.$/);
    await result.getByText("Saved rules, rule: Poland: nearest first").waitFor();

    // Replay the last 30 days: the draft sends orders to the warehouse, farther from the customers.
    await page.getByLabel("Orders of the last").fill("30");
    await page.getByTestId("replay-run").click();
    const replay = page.getByTestId("replay-result");
    await replay.waitFor();
    await replay.getByText(/16 orders of the last 30 days replayed in \d+ ms\./).waitFor();
    const comparison = await replay.getByTestId("replay-comparison").innerText();
    expect(comparison).toMatch(/Split rate\s+0\s?%\s+0\s?%/);
    const changed = Number(/^(\d+) of 16$/i.exec(await replay.getByTestId("replay-changed-count").innerText())?.[1]);
    expect(changed).toBeGreaterThan(0);
    await replay.getByTestId("replay-load-chart").locator("svg").first().waitFor();
    await expect.poll(() => replay.getByTestId("replay-changed").locator("tbody tr").count()).toBe(changed);
    await expect(replay.getByTestId("replay-changed").locator("tbody tr").first().innerText()).resolves.toMatch(/WH1/);
    await shot(page, "replay");

    // Save: the draft bar goes, the rule is stored and audited.
    await bar.getByTestId("routing-save").click();
    await page.getByText("Routing rules saved. New orders follow them from now on.").waitFor();
    await bar.waitFor({ state: "hidden" });
    await expect(rules.first().innerText()).resolves.not.toMatch(/Edited/i);
    // The comparison was against the rules saved before: it is cleared, not left to mislead.
    await expect.poll(() => page.getByTestId("replay-result").count()).toBe(0);
    // The simulator keeps its order after the save: the saved rules now send it to the warehouse too.
    await page.getByTestId("sim-run").click();
    await expect.poll(() => result.getByTestId("routing-sent").innerText()).toMatch(/^Would ship from Stryków warehouse/);
    await result.getByText("Saved rules, rule: Poland: deepest stock first").waitFor();
    await shot(page, "saved");

    // Stored: a fresh page shows the saved rule as edited, in first place.
    await page.reload();
    await page.getByRole("heading", { name: "Routing", level: 1 }).waitFor();
    await expect.poll(() => rules.count()).toBe(2);
    await expect(rules.first().innerText()).resolves.toMatch(/Poland: deepest stock first[\s\S]*Prefers the most stock, then the nearest, then the least busy/);
    await expect(page.getByTestId("routing-draft-bar").count()).resolves.toBe(0);
    await page.close();
  });
});

// Issue 7 (HQ inventory actions) in a real browser at 1440×900: from a variant's page an
// admin transfers units from one store to another (shipped at once: on hand drops here,
// in transit appears there, the ledger says "Transfer out"), then posts a cycle count at
// the other store that finds one unit missing (on hand corrected, a "Cycle count" line).
import { receiveStock, type DomainContext } from "@oms/core";
import { createStaffWorld } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

async function seed(prisma: PrismaClient) {
  const world = await createStaffWorld(prisma);
  const ctx: DomainContext = { db: prisma, actor: { kind: "SYSTEM" }, now: new Date() };
  const category = await prisma.category.create({ data: { slug: "e2e-knitwear", name: "Knitwear" } });
  const product = await prisma.product.create({ data: { handle: "fjord-sweater", name: "Fjord Sweater", categoryId: category.id } });
  const sweater = await prisma.variant.create({ data: { productId: product.id, sku: "SWT-FJORD-NV-M", name: "Navy / M", prices: { create: { currency: "EUR", amount: 7900 } } } });
  await receiveStock({ locationId: world.storeA.id, lines: [{ variantId: sweater.id, quantity: 12 }] }, ctx);
  await receiveStock({ locationId: world.storeB.id, lines: [{ variantId: sweater.id, quantity: 5 }] }, ctx);
  return { admin: world.admin, storeA: world.storeA, storeB: world.storeB, sweater };
}

describeJourney("HQ stock moves", () => {
  const app = useJourney((db) => seed(db.prisma));

  async function signInAsAdmin(page: Page) {
    await signInWithPassword(page, app.server.baseUrl, app.world.admin.email, /\/hq$/);
  }

  it("transfers units to another store and posts a cycle count there", async () => {
    const { storeA, storeB, sweater } = app.world;
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAsAdmin(page);
    await page.goto(`${app.server.baseUrl}/hq/inventory/${sweater.id}`);
    await page.getByRole("heading", { name: "Fjord Sweater · Navy / M", level: 1 }).waitFor();
    const rowA = page.getByRole("row").filter({ hasText: storeA.name }).first();
    const rowB = page.getByRole("row").filter({ hasText: storeB.name }).first();
    // Columns: location, on hand, reserved, available, in transit.
    const cell = (row: typeof rowA, i: number) => row.locator("td").nth(i).innerText();
    await expect.poll(() => cell(rowA, 1)).toBe("12");
    await expect.poll(() => cell(rowB, 1)).toBe("5");

    // Transfer 4 to store B, shipped now (the default); the form first says what is missing.
    await page.getByRole("button", { name: `Stock actions at ${storeA.name}` }).click();
    await page.getByRole("menuitem", { name: "Transfer to another location…" }).click();
    const transfer = page.getByRole("dialog", { name: `Transfer ${sweater.sku} from ${storeA.name}` });
    await transfer.waitFor();
    await expect(transfer.getByLabel("The goods leave now").isChecked()).resolves.toBe(true);
    await transfer.getByRole("button", { name: "Transfer and ship" }).click();
    await transfer.getByText("Send to: choose the location that receives the goods").waitFor();
    await transfer.getByLabel(/^Send to/).first().click();
    await page.getByRole("option", { name: storeB.name }).click();
    await transfer.getByRole("textbox", { name: "Quantity" }).fill("4");
    await screenshot(page, "e2e-hq-stock-moves-transfer");
    await transfer.getByRole("button", { name: "Transfer and ship" }).click();
    await transfer.waitFor({ state: "hidden" });
    await page.getByText(/Transfer .+ is on its way\./).waitFor();
    await expect.poll(() => cell(rowA, 1)).toBe("8");
    await expect.poll(() => cell(rowB, 4)).toBe("4");
    await page.getByRole("row").filter({ hasText: "Transfer out" }).first().waitFor();

    // Count store B: 4 on the shelf where 5 are expected.
    await page.getByRole("button", { name: `Stock actions at ${storeB.name}` }).click();
    await page.getByRole("menuitem", { name: "Count…" }).click();
    const count = page.getByRole("dialog", { name: `Count ${sweater.sku} at ${storeB.name}` });
    await count.waitFor();
    await count.getByRole("textbox", { name: "Counted units" }).fill("4");
    await count.getByRole("button", { name: "Post count" }).click();
    await count.waitFor({ state: "hidden" });
    await page.getByText(/^Cycle count CC-\d+ posted: -1 unit\.$/).waitFor();
    await expect.poll(() => cell(rowB, 1)).toBe("4");
    await page.getByRole("row").filter({ hasText: "Cycle count" }).first().waitFor();
    await screenshot(page, "e2e-hq-stock-moves-counted");
    // Store B's in-transit units are untouched by the count.
    await expect.poll(() => cell(rowB, 4)).toBe("4");
    await page.close();
  });
});

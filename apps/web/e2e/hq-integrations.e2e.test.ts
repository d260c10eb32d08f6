// Issue 4 in a real browser: an HQ admin creates an API key for the web shop, sees its
// secret once, the secret opens the public API, revoking the key closes it again (401),
// and the webhook delivery log is there (empty in a fresh world).
import { createStaffWorld } from "@oms/core/testing";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { screenshot } from "./support/browser.ts";
import { describeJourney, useJourney } from "./support/journey.ts";
import { signInWithPassword } from "./support/sign-in.ts";

describeJourney("HQ integrations", () => {
  const app = useJourney((db) => createStaffWorld(db.prisma));

  const locationsWith = (token: string) => fetch(`${app.server.baseUrl}/api/v1/locations`, { headers: { Authorization: `Bearer ${token}` } });

  async function signInAsAdmin(page: Page) {
    await signInWithPassword(page, app.server.baseUrl, app.world.admin.email, /\/hq$/);
  }

  it("creates a web-shop key whose secret is shown once and works, then revokes it", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAsAdmin(page);

    await page.getByRole("link", { name: "Integrations" }).click();
    await page.waitForURL(/\/hq\/integrations$/);
    await page.getByRole("heading", { name: "Integrations", level: 1 }).waitFor();
    await page.getByText("No API keys yet").waitFor();
    await page.getByText("No webhook deliveries yet").waitFor();
    await screenshot(page, "e2e-hq-integrations-empty");

    // The form says which field is missing before anything is sent.
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Create key" }).click();
    await dialog.getByText("Name: enter who uses the key").waitFor();
    await expect(dialog.getByText("Channel: choose the channel the key sends orders for").isVisible()).resolves.toBe(true);
    await expect(dialog.getByText("Scopes: choose at least one").isVisible()).resolves.toBe(true);

    const keyName = "Web shop (e2e)";
    await dialog.getByRole("textbox", { name: "Name" }).fill(keyName);
    await dialog.getByRole("radio", { name: "Web shop" }).click();
    await dialog.getByRole("checkbox", { name: /Catalogue/ }).click();
    await dialog.getByRole("checkbox", { name: /Stock/ }).click();
    await expect(dialog.getByText("Name: enter who uses the key").count()).resolves.toBe(0);
    await expect(dialog.getByText("Scopes: choose at least one").count()).resolves.toBe(0);
    await screenshot(page, "e2e-hq-integrations-create");
    await dialog.getByRole("button", { name: "Create key" }).click();

    const created = page.getByRole("dialog", { name: "API key created" });
    await created.getByText("Shown only this once").waitFor();
    const token = await created.getByRole("textbox", { name: "Secret key" }).inputValue();
    expect(token).toMatch(/^oms_[0-9a-f]{8}\./);
    await screenshot(page, "e2e-hq-integrations-secret");

    const allowed = await locationsWith(token);
    expect(allowed.status).toBe(200);
    const body = (await allowed.json()) as { items?: { name: string }[] } | { name: string }[];
    const names = (Array.isArray(body) ? body : (body.items ?? [])).map((l) => l.name);
    expect(names).toContain(app.world.storeA.name);

    await created.getByRole("button", { name: "I have copied the secret" }).click();
    await created.waitFor({ state: "hidden" });
    const row = page.getByRole("row").filter({ hasText: keyName });
    await row.getByText("Active").waitFor();
    await expect(row.getByText("Web shop", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(row.getByText(token.split(".")[0]!).isVisible()).resolves.toBe(true);
    // The secret itself is gone from the page for good.
    expect(await page.content()).not.toContain(token);

    // Revoking asks first; keeping the key changes nothing.
    await row.getByRole("button", { name: `Revoke the key ${keyName}` }).click();
    const confirm = page.getByRole("dialog", { name: "Revoke this API key?" });
    await confirm.getByRole("button", { name: "Keep the key" }).click();
    await confirm.waitFor({ state: "hidden" });
    expect((await locationsWith(token)).status).toBe(200);

    await row.getByRole("button", { name: `Revoke the key ${keyName}` }).click();
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await confirm.waitFor({ state: "hidden" });
    await row.getByText("Revoked", { exact: true }).waitFor();
    await expect(row.getByRole("button", { name: /Revoke the key/ }).count()).resolves.toBe(0);

    const refused = await locationsWith(token);
    expect(refused.status).toBe(401);

    await page.getByText("No webhook deliveries yet").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "e2e-hq-integrations");
    await page.close();
  });
});

// Signing in on the real sign-in page, as every journey does before its first step.
import { TEST_PASSWORD } from "@oms/core/testing";
import type { Page } from "playwright-core";

/** E-mail and password on /login (the test password by default), then waits for `landing`. */
export async function signInWithPassword(page: Page, baseUrl: string, email: string, landing: RegExp = /\/hq$/, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(landing);
}

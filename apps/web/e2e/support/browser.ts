// Debian's Chromium driven by playwright-core (never a test tool's own browser download).
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const screenshotDir = resolve(dirname(fileURLToPath(import.meta.url)), "../screenshots");

/**
 * Whether browser journeys can run. Without Chromium they are skipped locally (saying why);
 * in CI a missing browser fails the run instead.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI && !["0", "false"].includes(process.env.CI.toLowerCase())) {
    throw new Error(`CI needs Chromium at ${chromiumPath} for the browser journeys (apt-get install chromium).`);
  }
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
